package org.zhiyuan.region;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;

/**
 * The region directory, loaded once at start-up from the dataset that ships with the
 * platform ({@code region/regions.csv.gz}, see {@code region/NOTICE.md}).
 * <p>
 * Containment follows the structure of the codes: a province {@code 11xxxx} holds every
 * code that starts with {@code 11}, a city {@code 1101xx} every code that starts with
 * {@code 1101}, a district every 9-digit street code that starts with its 6 digits. The
 * nation, {@value #NATIONAL}, holds everything.
 */
@Service
public class Regions {

	/** The code of the whole country: the scope of national-level operators. */
	public static final String NATIONAL = "000000";

	static final String DATASET = "region/regions.csv.gz";

	private final Map<String, Region> byCode;

	private final Map<String, List<Region>> childrenByCode;

	public Regions() {
		this(load(new ClassPathResource(DATASET)));
	}

	Regions(List<Region> regions) {
		Map<String, Region> codes = new LinkedHashMap<>();
		codes.put(NATIONAL, new Region(NATIONAL, "全国", null, RegionLevel.NATIONAL, "China"));
		regions.forEach((region) -> codes.put(region.code(), region));
		Map<String, List<Region>> children = new HashMap<>();
		for (Region region : codes.values()) {
			if (region.parentCode() != null) {
				children.computeIfAbsent(region.parentCode(), (key) -> new ArrayList<>()).add(region);
			}
		}
		children.replaceAll((code, list) -> List.copyOf(list));
		this.byCode = Collections.unmodifiableMap(codes);
		this.childrenByCode = Collections.unmodifiableMap(children);
	}

	public Optional<Region> find(String code) {
		return Optional.ofNullable((code != null) ? this.byCode.get(code) : null);
	}

	public boolean exists(String code) {
		return code != null && this.byCode.containsKey(code);
	}

	public List<Region> children(String code) {
		return this.childrenByCode.getOrDefault(code, List.of());
	}

	/** The chain from the province down to the region itself (the nation left out). */
	public List<Region> path(String code) {
		List<Region> path = new ArrayList<>();
		Region current = this.byCode.get(code);
		while (current != null && current.level() != RegionLevel.NATIONAL) {
			path.add(0, current);
			current = (current.parentCode() != null) ? this.byCode.get(current.parentCode()) : null;
		}
		return path;
	}

	/** The region's name with its ancestors, e.g. 北京市 朝阳区 (市辖区 levels are skipped). */
	public String fullName(String code) {
		return String.join(" ", named(code).stream().map(Region::name).toList());
	}

	/**
	 * The region's name with its ancestors for a page in that language: Chinese order in
	 * Chinese ({@code 北京市 朝阳区}), English order and names in English
	 * ({@code Chaoyang District, Beijing}); empty for an unknown code.
	 */
	public String fullName(String code, Locale locale) {
		if (!isEnglish(locale)) {
			return fullName(code);
		}
		List<String> names = new ArrayList<>(named(code).stream().map((r) -> r.displayName(locale)).toList());
		Collections.reverse(names);
		return String.join(", ", names);
	}

	/** The name of one region in that language, or the code itself when it is unknown. */
	public String displayName(String code, Locale locale) {
		return find(code).map((region) -> region.displayName(locale)).orElse(code);
	}

	/** Whether pages in this locale show the English names. */
	public static boolean isEnglish(Locale locale) {
		return locale != null && "en".equals(locale.getLanguage());
	}

	/** The path without the 市辖区 and 县 placeholder levels of the municipalities. */
	private List<Region> named(String code) {
		return path(code).stream()
			.filter((region) -> !region.name().equals("市辖区") && !region.name().equals("县"))
			.toList();
	}

	/**
	 * Regions whose name (Chinese, or English ignoring case) contains the text, the
	 * higher levels first; at most {@code limit}.
	 */
	public List<Region> search(String text, int limit) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		String needle = text.strip();
		String lower = needle.toLowerCase(Locale.ROOT);
		return this.byCode.values()
			.stream()
			.filter((region) -> region.name().contains(needle) || region.code().startsWith(needle)
					|| (region.nameEn() != null && region.nameEn().toLowerCase(Locale.ROOT).contains(lower)))
			.sorted((a, b) -> (a.level() != b.level()) ? a.level().compareTo(b.level()) : a.code().compareTo(b.code()))
			.limit(limit)
			.toList();
	}

	/** Whether {@code code} lies within {@code scope} (or is {@code scope} itself). */
	public boolean covers(String scope, String code) {
		if (scope == null || code == null || !isWellFormed(scope) || !isWellFormed(code)) {
			return false;
		}
		return code.startsWith(prefixOf(scope));
	}

	/**
	 * The leading digits that every code within this region shares: what a SQL
	 * {@code LIKE prefix || '%'} needs to select a region and everything below it.
	 */
	public static String prefixOf(String code) {
		if (NATIONAL.equals(code)) {
			return "";
		}
		if (code.length() == 6) {
			if (code.endsWith("0000")) {
				return code.substring(0, 2);
			}
			if (code.endsWith("00")) {
				return code.substring(0, 4);
			}
		}
		return code;
	}

	public static boolean isWellFormed(String code) {
		if (code == null || (code.length() != 6 && code.length() != 9 && code.length() != 12)) {
			return false;
		}
		for (int i = 0; i < code.length(); i++) {
			if (code.charAt(i) < '0' || code.charAt(i) > '9') {
				return false;
			}
		}
		return true;
	}

	public int size() {
		return this.byCode.size();
	}

	static List<Region> load(ClassPathResource resource) {
		try (InputStream in = new GZIPInputStream(resource.getInputStream())) {
			return read(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the region dataset " + DATASET, ex);
		}
	}

	/**
	 * Reads the dataset's CSV: {@code code,name,parent_code,level,name_en}. The English
	 * name is the last column and may hold commas; a file without it (the earlier format)
	 * gives regions without English names.
	 */
	static List<Region> read(Reader source) throws IOException {
		BufferedReader reader = new BufferedReader(source);
		List<Region> regions = new ArrayList<>(50_000);
		String header = reader.readLine();
		if (header == null || !header.startsWith("code,name,parent_code,level")) {
			throw new IllegalStateException("Unexpected region dataset header: " + header);
		}
		String line;
		while ((line = reader.readLine()) != null) {
			String[] cells = line.split(",", 5);
			if (cells.length < 4) {
				continue;
			}
			String parent = cells[2].isEmpty() ? NATIONAL : cells[2];
			String nameEn = (cells.length > 4 && !cells[4].isBlank()) ? cells[4].strip() : null;
			regions.add(new Region(cells[0], cells[1], parent, RegionLevel.valueOf(cells[3].strip()), nameEn));
		}
		return regions;
	}

}
