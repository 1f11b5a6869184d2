package org.zhiyuan.region;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RegionsUnitTests {

	private static final Regions REGIONS = new Regions();

	@Test
	void loadsProvincesCitiesDistrictsAndStreets() {
		assertThat(REGIONS.children(Regions.NATIONAL)).hasSizeGreaterThanOrEqualTo(34);
		assertThat(REGIONS.size()).isGreaterThan(40_000);
		assertThat(REGIONS.find("440305")).hasValueSatisfying((region) -> {
			assertThat(region.name()).isEqualTo("南山区");
			assertThat(region.level()).isEqualTo(RegionLevel.DISTRICT);
		});
		assertThat(REGIONS.find("110105001")).hasValueSatisfying((street) -> {
			assertThat(street.name()).isEqualTo("建外街道");
			assertThat(street.level()).isEqualTo(RegionLevel.STREET);
		});
	}

	@Test
	void everyRegionButTheNationHasAKnownParent() {
		for (Region province : REGIONS.children(Regions.NATIONAL)) {
			assertThat(REGIONS.find(province.parentCode())).isPresent();
			for (Region city : REGIONS.children(province.code())) {
				assertThat(city.parentCode()).isEqualTo(province.code());
			}
		}
	}

	@Test
	void walksThePathFromProvinceDown() {
		assertThat(REGIONS.path("110105001")).extracting(Region::code)
			.containsExactly("110000", "110100", "110105", "110105001");
		assertThat(REGIONS.fullName("110105001")).isEqualTo("北京市 朝阳区 建外街道");
		assertThat(REGIONS.fullName("510107")).isEqualTo("四川省 成都市 武侯区");
	}

	@Test
	void findsRegionsByName() {
		assertThat(REGIONS.search("武侯", 10)).extracting(Region::code).contains("510107");
		assertThat(REGIONS.search("  ", 10)).isEmpty();
	}

	@Test
	void decidesContainmentFromTheCodes() {
		assertThat(REGIONS.covers("110000", "110105001")).isTrue();
		assertThat(REGIONS.covers("110100", "110105")).isTrue();
		assertThat(REGIONS.covers("110105", "110105")).isTrue();
		assertThat(REGIONS.covers("110105", "110106")).isFalse();
		assertThat(REGIONS.covers("110105", "310101")).isFalse();
		assertThat(REGIONS.covers("110105001", "110105")).isFalse();
		assertThat(REGIONS.covers(Regions.NATIONAL, "650102")).isTrue();
		assertThat(REGIONS.covers("110105", "11010x")).isFalse();
		assertThat(REGIONS.covers("110105", null)).isFalse();
	}

	@Test
	void unknownCodesAreAbsent() {
		assertThat(REGIONS.find("999999")).isEmpty();
		assertThat(REGIONS.exists(null)).isFalse();
		assertThat(REGIONS.children("999999")).isEmpty();
	}

}
