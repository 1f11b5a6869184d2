package org.zhiyuan.region;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The communities (村/居委会, 12-digit codes) of one province, kept compact: the codes in one
 * sorted array of {@code long}, the Chinese names in one string and the English names in
 * another, each with the offsets where a name starts. A {@link Region} is made only when
 * one is asked for, so a province of 60,000 communities costs about 3 MB, not an object
 * per row.
 * <p>
 * Read from the dataset's {@code region/communities/<province>.txt.gz} (see
 * {@code region/NOTICE.md}): a {@code # codes} section with one line per street (its 9
 * digits, then each community's last three digits as steps from the previous one), then
 * {@code # names} and {@code # names_en}, one name a line in the same order.
 */
final class CommunityTable {

	private final long[] codes;

	/**
	 * The names, each followed by a line break, so that a search never matches across
	 * two.
	 */
	private final String names;

	private final int[] nameStarts;

	private final String namesEn;

	private final int[] nameEnStarts;

	private CommunityTable(long[] codes, String names, int[] nameStarts, String namesEn, int[] nameEnStarts) {
		this.codes = codes;
		this.names = names;
		this.nameStarts = nameStarts;
		this.namesEn = namesEn;
		this.nameEnStarts = nameEnStarts;
	}

	int size() {
		return this.codes.length;
	}

	/**
	 * The row of a 12-digit code, or a negative number when the province has no such
	 * community.
	 */
	int indexOf(String code) {
		return Arrays.binarySearch(this.codes, Long.parseLong(code));
	}

	/** The community in that row. */
	Region region(int row) {
		String code = Long.toString(this.codes[row]);
		return new Region(code, text(this.names, this.nameStarts, row), code.substring(0, 9), RegionLevel.COMMUNITY,
				text(this.namesEn, this.nameEnStarts, row));
	}

	/** The communities of one 9-digit street, by code. */
	List<Region> childrenOf(String street) {
		int[] range = rangeOf(street, 3);
		return IntStream.range(range[0], range[1]).mapToObj(this::region).toList();
	}

	/**
	 * The communities whose name contains the text (the English one ignoring case) or
	 * whose code starts with it, in code order; at most {@code limit}.
	 * @param within the digits every community found must start with ("" for all)
	 */
	List<Region> search(String text, String within, int limit) {
		if (text.isEmpty() || text.indexOf('\n') >= 0 || limit <= 0) {
			return List.of();
		}
		int[] range = rangeOf(within, 12 - within.length());
		if (range[0] >= range[1]) {
			return List.of();
		}
		BitSet rows = new BitSet(this.codes.length);
		if (text.length() <= 12 && text.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			int[] codes = rangeOf(text, 12 - text.length());
			int from = Math.max(codes[0], range[0]);
			int to = Math.min(codes[1], range[1]);
			if (from < to) {
				rows.set(from, to);
			}
		}
		markMatches(this.names, this.nameStarts, range, text, false, rows);
		markMatches(this.namesEn, this.nameEnStarts, range, text, true, rows);
		List<Region> found = new ArrayList<>();
		for (int row = rows.nextSetBit(0); row >= 0 && found.size() < limit; row = rows.nextSetBit(row + 1)) {
			found.add(region(row));
		}
		return found;
	}

	/**
	 * Marks the rows of the range whose name holds the text, in one pass over the names.
	 */
	private static void markMatches(String all, int[] starts, int[] range, String text, boolean ignoreCase,
			BitSet rows) {
		int end = (range[1] < starts.length) ? starts[range[1]] : all.length();
		int at = starts[range[0]];
		while (true) {
			at = ignoreCase ? indexOfIgnoringCase(all, text, at, end) : all.indexOf(text, at);
			if (at < 0 || at + text.length() > end) {
				return;
			}
			int row = rowAt(starts, at);
			rows.set(row);
			if (row + 1 >= starts.length) {
				return;
			}
			at = starts[row + 1];
		}
	}

	private static int indexOfIgnoringCase(String all, String text, int from, int end) {
		char first = Character.toLowerCase(text.charAt(0));
		char firstUpper = Character.toUpperCase(text.charAt(0));
		for (int at = from; at + text.length() <= end; at++) {
			char c = all.charAt(at);
			if ((c == first || c == firstUpper) && all.regionMatches(true, at, text, 0, text.length())) {
				return at;
			}
		}
		return -1;
	}

	/** The row whose name holds the offset. */
	private static int rowAt(int[] starts, int offset) {
		int at = Arrays.binarySearch(starts, offset);
		return (at >= 0) ? at : -at - 2;
	}

	/**
	 * The first row and the row after the last whose code starts with {@code prefix},
	 * followed by {@code free} digits.
	 */
	private int[] rangeOf(String prefix, int free) {
		if (prefix.isEmpty()) {
			return new int[] { 0, this.codes.length };
		}
		long low = Long.parseLong(prefix) * pow10(free);
		long high = low + pow10(free);
		return new int[] { insertionPoint(low), insertionPoint(high) };
	}

	private int insertionPoint(long code) {
		int at = Arrays.binarySearch(this.codes, code);
		return (at >= 0) ? at : -at - 1;
	}

	private static long pow10(int exponent) {
		long value = 1;
		for (int i = 0; i < exponent; i++) {
			value *= 10;
		}
		return value;
	}

	private static String text(String all, int[] starts, int row) {
		return all.substring(starts[row], end(all, starts, row));
	}

	/** Where a row's name ends (before its line break). */
	private static int end(String all, int[] starts, int row) {
		return ((row + 1 < starts.length) ? starts[row + 1] : all.length()) - 1;
	}

	/**
	 * Reads one province's file.
	 * @throws IllegalStateException when the file does not have the expected shape
	 */
	static CommunityTable read(Reader source) throws IOException {
		BufferedReader reader = new BufferedReader(source, 1 << 16);
		String header = reader.readLine();
		if (header == null || !header.startsWith("# communities ")) {
			throw new IllegalStateException("Unexpected community dataset header: " + header);
		}
		int size = Integer.parseInt(header.substring(header.lastIndexOf(' ') + 1));
		expect(reader.readLine(), "# codes");
		long[] codes = new long[size];
		int count = 0;
		String line;
		while ((line = reader.readLine()) != null && !line.equals("# names")) {
			count = readStreet(line, codes, count);
		}
		expect(line, "# names");
		StringBuilder names = new StringBuilder(size * 9);
		int[] nameStarts = new int[size];
		line = readNames(reader, names, nameStarts, "# names_en");
		expect(line, "# names_en");
		StringBuilder namesEn = new StringBuilder(size * 18);
		int[] nameEnStarts = new int[size];
		readNames(reader, namesEn, nameEnStarts, null);
		if (count != size) {
			throw new IllegalStateException("Community dataset holds " + count + " codes, its header says " + size);
		}
		return new CommunityTable(codes, names.toString(), nameStarts, namesEn.toString(), nameEnStarts);
	}

	/**
	 * One street's line: its 9 digits, then the steps between its communities' last three
	 * digits.
	 */
	private static int readStreet(String line, long[] codes, int count) {
		String[] cells = line.split(" ");
		if (cells.length < 2 || cells[0].length() != 9 || !Regions.isWellFormed(cells[0])) {
			throw new IllegalStateException("Unexpected community dataset line: " + line);
		}
		long street = Long.parseLong(cells[0]) * 1000;
		int last = 0;
		for (int i = 1; i < cells.length; i++) {
			last += Integer.parseInt(cells[i]);
			long code = street + last;
			if (last < 1 || last > 999 || (count > 0 && code <= codes[count - 1]) || count == codes.length) {
				throw new IllegalStateException("Unexpected community codes in line: " + line);
			}
			codes[count++] = code;
		}
		return count;
	}

	/**
	 * Reads one name a line until {@code end} (or the file's end); returns the line that
	 * stopped it.
	 */
	private static String readNames(BufferedReader reader, StringBuilder all, int[] starts, String end)
			throws IOException {
		int row = 0;
		String line;
		while ((line = reader.readLine()) != null && !line.equals(end)) {
			if (row == starts.length || line.isBlank()) {
				throw new IllegalStateException("Unexpected community name at row " + row + ": " + line);
			}
			starts[row++] = all.length();
			all.append(line).append('\n');
		}
		if (row != starts.length) {
			throw new IllegalStateException(
					"Community dataset holds " + row + " names for " + starts.length + " codes");
		}
		return line;
	}

	private static void expect(String line, String expected) {
		if (!expected.equals(line)) {
			throw new IllegalStateException("Expected '" + expected + "' in the community dataset, found: " + line);
		}
	}

}
