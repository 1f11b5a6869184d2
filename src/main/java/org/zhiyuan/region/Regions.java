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
 * The region directory, loaded from the dataset that ships with the platform (see
 * {@code region/NOTICE.md}): provinces, cities, districts and streets once at start-up
 * ({@code region/regions.csv.gz}); the communities (村/居委会, 12-digit codes) of a province
 * only when one of them is first asked for ({@code region/communities/}), so that they
 * cost neither start-up time nor memory until they are used.
 * <p>
 * Containment follows the structure of the codes: a province {@code 11xxxx} holds every
 * code that starts with {@code 11}, a city {@code 1101xx} every code that starts with
 * {@code 1101}, a district every 9-digit street code that starts with its 6 digits, a
 * street every 12-digit community code that starts with its 9. The nation,
 * {@value #NATIONAL}, holds everything.
 */
@Service
public class Regions {

	/** The code of the whole country: the scope of national-level operators. */
	public static final String NATIONAL = "000000";

	static final String DATASET = "region/regions.csv.gz";

	private static final int STREET_DIGITS = 9;

	private static final int COMMUNITY_DIGITS = 12;

	private final Map<String, Region> byCode;

	private final Map<String, List<Region>> childrenByCode;

	private final Communities communities;

	public Regions() {
		this(load(new ClassPathResource(DATASET)), new Communities(Communities.FOLDER));
	}

	Regions(List<Region> regions) {
		this(regions, Communities.NONE);
	}

	Regions(List<Region> regions, Communities communities) {
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
		this.communities = communities;
	}

	public Optional<Region> find(String code) {
		if (code != null && code.length() == COMMUNITY_DIGITS) {
			return findCommunity(code);
		}
		return Optional.ofNullable((code != null) ? this.byCode.get(code) : null);
	}

	public boolean exists(String code) {
		return find(code).isPresent();
	}

	/** The regions directly below; for a street its communities, by code. */
	public List<Region> children(String code) {
		if (code != null && code.length() == STREET_DIGITS && this.byCode.containsKey(code)) {
			return this.communities.of(code.substring(0, 2)).map((table) -> table.childrenOf(code)).orElse(List.of());
		}
		return this.childrenByCode.getOrDefault(code, List.of());
	}

	/** The chain from the province down to the region itself (the nation left out). */
	public List<Region> path(String code) {
		List<Region> path = new ArrayList<>();
		Region current = find(code).orElse(null);
		while (current != null && current.level() != RegionLevel.NATIONAL) {
			path.add(0, current);
			current = (current.parentCode() != null) ? this.byCode.get(current.parentCode()) : null;
		}
		return path;
	}

	/**
	 * A community, read with its province's communities on first use; never for a street
	 * we do not know.
	 */
	private Optional<Region> findCommunity(String code) {
		if (!isWellFormed(code) || !this.byCode.containsKey(code.substring(0, STREET_DIGITS))) {
			return Optional.empty();
		}
		return this.communities.of(code.substring(0, 2)).flatMap((table) -> {
			int row = table.indexOf(code);
			return (row >= 0) ? Optional.of(table.region(row)) : Optional.empty();
		});
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
	 * Regions whose name (Chinese, or English ignoring case) contains the text, or whose
	 * code starts with it, the higher levels first and by code within a level; at most
	 * {@code limit}. Communities come last: they are searched only when the levels above
	 * leave room, which reads the communities of every province the first time.
	 */
	public List<Region> search(String text, int limit) {
		return search(text, NATIONAL, limit);
	}

	/**
	 * Like {@link #search(String, int)}, within one region (and the regions below it): a
	 * search within a province or below reads that province's communities only.
	 */
	public List<Region> search(String text, String within, int limit) {
		if (text == null || text.isBlank() || !exists(within) || limit <= 0) {
			return List.of();
		}
		String needle = text.strip();
		String lower = needle.toLowerCase(Locale.ROOT);
		String prefix = prefixOf(within);
		List<Region> found = new ArrayList<>(this.byCode.values()
			.stream()
			.filter((region) -> region.level() != RegionLevel.NATIONAL && region.code().startsWith(prefix))
			.filter((region) -> region.name().contains(needle) || region.code().startsWith(needle)
					|| (region.nameEn() != null && region.nameEn().toLowerCase(Locale.ROOT).contains(lower)))
			.sorted((a, b) -> (a.level() != b.level()) ? a.level().compareTo(b.level()) : a.code().compareTo(b.code()))
			.limit(limit)
			.toList());
		for (String province : provincesWithin(prefix)) {
			if (found.size() >= limit) {
				break;
			}
			this.communities.of(province)
				.ifPresent((table) -> found.addAll(table.search(needle, prefix, limit - found.size())));
		}
		return found;
	}

	/** The two-digit codes of the provinces whose communities lie within the prefix. */
	private List<String> provincesWithin(String prefix) {
		if (prefix.length() >= 2) {
			return List.of(prefix.substring(0, 2));
		}
		return children(NATIONAL).stream().map((province) -> province.code().substring(0, 2)).toList();
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

	/** How many regions are loaded at start-up: every level but the communities. */
	public int size() {
		return this.byCode.size();
	}

	/**
	 * How many provinces' communities have been read so far (they are read on first use).
	 */
	int communityProvincesLoaded() {
		return this.communities.loaded();
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
