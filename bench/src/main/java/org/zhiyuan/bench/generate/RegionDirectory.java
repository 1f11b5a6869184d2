package org.zhiyuan.bench.generate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The platform's own region dataset (GB/T 2260 down to streets), read from the platform
 * jar or from {@code regions.csv.gz}, so that every generated region code is one the
 * platform knows. Only mainland provinces are used: resident ID numbers and the
 * platform's registration rules are about them.
 */
final class RegionDirectory {

	static final String ENTRY = "BOOT-INF/classes/region/regions.csv.gz";

	/** Approximate coordinates of each province's capital, to place activities. */
	private static final Map<String, double[]> CAPITALS = capitals();

	private final Map<String, String> names = new HashMap<>();

	private final Map<String, String> parents = new HashMap<>();

	private final List<String> districts = new ArrayList<>();

	private final Map<String, List<String>> streetsByDistrict = new HashMap<>();

	private final Map<String, List<String>> districtsByProvince = new LinkedHashMap<>();

	private RegionDirectory() {
	}

	/** Reads the dataset from a platform jar or a {@code .csv.gz} file. */
	static RegionDirectory load(Path source) throws IOException {
		RegionDirectory directory = new RegionDirectory();
		if (source.toString().endsWith(".jar")) {
			try (ZipFile jar = new ZipFile(source.toFile())) {
				ZipEntry entry = jar.getEntry(ENTRY);
				if (entry == null) {
					throw new IOException(source + " has no " + ENTRY + "; is it the platform jar?");
				}
				try (InputStream in = jar.getInputStream(entry)) {
					directory.read(in);
				}
			}
		}
		else {
			try (InputStream in = Files.newInputStream(source)) {
				directory.read(in);
			}
		}
		return directory;
	}

	private void read(InputStream gzipped) throws IOException {
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(new GZIPInputStream(gzipped), StandardCharsets.UTF_8))) {
			reader.readLine();
			String line;
			while ((line = reader.readLine()) != null) {
				String[] parts = line.split(",", -1);
				String code = parts[0];
				if (!CAPITALS.containsKey(code.substring(0, 2))) {
					continue;
				}
				this.names.put(code, parts[1]);
				if (!parts[2].isEmpty()) {
					this.parents.put(code, parts[2]);
				}
				if ("DISTRICT".equals(parts[3])) {
					this.districts.add(code);
					this.districtsByProvince.computeIfAbsent(code.substring(0, 2), (k) -> new ArrayList<>()).add(code);
				}
				else if ("STREET".equals(parts[3])) {
					this.streetsByDistrict.computeIfAbsent(parts[2], (k) -> new ArrayList<>()).add(code);
				}
			}
		}
		if (this.districts.isEmpty()) {
			throw new IOException("the region dataset holds no districts");
		}
	}

	List<String> districts() {
		return this.districts;
	}

	List<String> districtsOf(String province) {
		return this.districtsByProvince.getOrDefault(province, List.of());
	}

	List<String> provinces() {
		return new ArrayList<>(this.districtsByProvince.keySet());
	}

	List<String> streetsOf(String district) {
		return this.streetsByDistrict.getOrDefault(district, List.of());
	}

	/** The district (6 digits) a district or street code lies in. */
	static String districtOf(String code) {
		return code.substring(0, 6);
	}

	/** The name with its ancestors, e.g. 北京市朝阳区建外街道 (市辖区 and 县 left out). */
	String fullName(String code) {
		List<String> parts = new ArrayList<>();
		String current = code;
		while (current != null) {
			String name = this.names.get(current);
			if (name != null && !name.equals("市辖区") && !name.equals("县")) {
				parts.add(0, name);
			}
			current = this.parents.get(current);
		}
		return String.join("", parts);
	}

	String name(String code) {
		return this.names.getOrDefault(code, code);
	}

	/** Latitude and longitude near which activities of the province take place. */
	static double[] capitalOf(String province) {
		return CAPITALS.get(province);
	}

	private static Map<String, double[]> capitals() {
		Map<String, double[]> capitals = new HashMap<>();
		Object[][] table = { { "11", 39.90, 116.40 }, { "12", 39.13, 117.20 }, { "13", 38.04, 114.51 },
				{ "14", 37.87, 112.55 }, { "15", 40.84, 111.75 }, { "21", 41.80, 123.43 }, { "22", 43.82, 125.32 },
				{ "23", 45.80, 126.53 }, { "31", 31.23, 121.47 }, { "32", 32.06, 118.80 }, { "33", 30.27, 120.15 },
				{ "34", 31.82, 117.23 }, { "35", 26.07, 119.30 }, { "36", 28.68, 115.86 }, { "37", 36.65, 117.12 },
				{ "41", 34.75, 113.63 }, { "42", 30.59, 114.31 }, { "43", 28.23, 112.94 }, { "44", 23.13, 113.26 },
				{ "45", 22.82, 108.37 }, { "46", 20.04, 110.20 }, { "50", 29.56, 106.55 }, { "51", 30.57, 104.07 },
				{ "52", 26.65, 106.63 }, { "53", 25.04, 102.71 }, { "54", 29.65, 91.13 }, { "61", 34.34, 108.94 },
				{ "62", 36.06, 103.83 }, { "63", 36.62, 101.78 }, { "64", 38.49, 106.23 }, { "65", 43.83, 87.62 } };
		for (Object[] row : table) {
			capitals.put((String) row[0], new double[] { (Double) row[1], (Double) row[2] });
		}
		return capitals;
	}

}
