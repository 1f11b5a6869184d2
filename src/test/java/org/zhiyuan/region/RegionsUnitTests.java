package org.zhiyuan.region;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

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

	@Test
	void everyRegionHasAnEnglishName() {
		assertThat(REGIONS.children(Regions.NATIONAL))
			.allSatisfy((province) -> assertThat(province.nameEn()).isNotBlank().matches("[A-Za-z ']+"));
		assertThat(REGIONS.search("Chaoyang District", 10)).extracting(Region::code).contains("110105", "220104");
	}

	@Test
	void namesWellKnownRegionsInEnglish() {
		assertThat(english("110000")).isEqualTo("Beijing");
		assertThat(english("500000")).isEqualTo("Chongqing");
		assertThat(english("150000")).isEqualTo("Inner Mongolia");
		assertThat(english("540000")).isEqualTo("Xizang");
		assertThat(english("810000")).isEqualTo("Hong Kong SAR");
		assertThat(english("110105")).isEqualTo("Chaoyang District");
		assertThat(english("110105001")).isEqualTo("Jianwai Subdistrict");
		assertThat(english("510107")).isEqualTo("Wuhou District");
		assertThat(english("610100")).isEqualTo("Xi'an");
		assertThat(english("222400")).isEqualTo("Yanbian Korean Autonomous Prefecture");
		assertThat(english("530925")).isEqualTo("Shuangjiang Lahu, Va, Blang and Dai Autonomous County");
		assertThat(english("110112209")).isEqualTo("Yujiawu Hui Ethnic Township");
		assertThat(english("152900")).isEqualTo("Alxa League");
		assertThat(english("232700")).isEqualTo("Daxing'anling Prefecture");
		assertThat(english("110100")).isEqualTo("City Districts");
	}

	@Test
	void readsPolyphonicPlaceNamesAsPlaceNames() {
		assertThat(english("341500")).isEqualTo("Lu'an");
		assertThat(english("340300")).isEqualTo("Bengbu");
		assertThat(english("331100")).isEqualTo("Lishui");
		assertThat(english("440113")).isEqualTo("Panyu District");
		assertThat(english("350200")).isEqualTo("Xiamen");
		assertThat(english("430100")).isEqualTo("Changsha");
		assertThat(english("330382")).isEqualTo("Yueqing");
		assertThat(english("341021")).isEqualTo("She County");
		assertThat(english("130726")).isEqualTo("Yu County");
		assertThat(english("320116")).isEqualTo("Luhe District");
		assertThat(english("510117")).isEqualTo("Pidu District");
		assertThat(english("110102013")).isEqualTo("Dashilan Subdistrict");
	}

	@Test
	void showsTheNameOfThePageLanguage() {
		Region chaoyang = REGIONS.find("110105").orElseThrow();
		assertThat(chaoyang.displayName(Locale.ENGLISH)).isEqualTo("Chaoyang District");
		assertThat(chaoyang.displayName(Locale.US)).isEqualTo("Chaoyang District");
		assertThat(chaoyang.displayName(Locale.SIMPLIFIED_CHINESE)).isEqualTo("朝阳区");
		assertThat(chaoyang.displayName(null)).isEqualTo("朝阳区");
		assertThat(REGIONS.displayName("110105", Locale.ENGLISH)).isEqualTo("Chaoyang District");
		assertThat(REGIONS.displayName("999999", Locale.ENGLISH)).isEqualTo("999999");
		assertThat(new Region("1", "某地", null, RegionLevel.DISTRICT).displayName(Locale.ENGLISH)).isEqualTo("某地");
	}

	@Test
	void writesTheFullNameInEnglishOrder() {
		assertThat(REGIONS.fullName("110105001", Locale.ENGLISH))
			.isEqualTo("Jianwai Subdistrict, Chaoyang District, Beijing");
		assertThat(REGIONS.fullName("510107", Locale.ENGLISH)).isEqualTo("Wuhou District, Chengdu, Sichuan");
		assertThat(REGIONS.fullName("510107", Locale.SIMPLIFIED_CHINESE)).isEqualTo("四川省 成都市 武侯区");
		assertThat(REGIONS.fullName("999999", Locale.ENGLISH)).isEmpty();
		assertThat(REGIONS.fullName(Regions.NATIONAL, Locale.ENGLISH)).isEmpty();
	}

	@Test
	void readsTheDatasetWithAndWithoutEnglishNames() throws IOException {
		List<Region> current = Regions.read(new StringReader("""
				code,name,parent_code,level,name_en
				530000,云南省,,PROVINCE,Yunnan
				530925,双江拉祜族佤族布朗族傣族自治县,530000,DISTRICT,Shuangjiang Lahu, Va, Blang and Dai Autonomous County
				"""));
		assertThat(current).extracting(Region::nameEn)
			.containsExactly("Yunnan", "Shuangjiang Lahu, Va, Blang and Dai Autonomous County");
		assertThat(current.get(1).level()).isEqualTo(RegionLevel.DISTRICT);
		List<Region> earlier = Regions.read(new StringReader("""
				code,name,parent_code,level
				110000,北京市,,PROVINCE
				110100,市辖区,110000,CITY
				110105,朝阳区,110100,DISTRICT
				"""));
		assertThat(earlier).extracting(Region::nameEn).containsOnlyNulls();
		assertThat(earlier.get(0).parentCode()).isEqualTo(Regions.NATIONAL);
		assertThat(new Regions(earlier).fullName("110105", Locale.ENGLISH)).isEqualTo("朝阳区, 北京市");
	}

	@Test
	void findsACommunityWithItsPathAndNames() {
		assertThat(REGIONS.find("110101001001")).hasValueSatisfying((community) -> {
			assertThat(community.name()).isEqualTo("多福巷社区居委会");
			assertThat(community.level()).isEqualTo(RegionLevel.COMMUNITY);
			assertThat(community.parentCode()).isEqualTo("110101001");
			assertThat(community.nameEn()).isEqualTo("Duofuxiang Community");
		});
		assertThat(REGIONS.path("110101001001")).extracting(Region::code)
			.containsExactly("110000", "110100", "110101", "110101001", "110101001001");
		assertThat(REGIONS.fullName("110101001001")).isEqualTo("北京市 东城区 东华门街道 多福巷社区居委会");
		assertThat(REGIONS.fullName("110101001001", Locale.ENGLISH))
			.isEqualTo("Duofuxiang Community, Donghuamen Subdistrict, Dongcheng District, Beijing");
		assertThat(REGIONS.displayName("110101001001", Locale.ENGLISH)).isEqualTo("Duofuxiang Community");
		assertThat(REGIONS.displayName("110101001001", Locale.SIMPLIFIED_CHINESE)).isEqualTo("多福巷社区居委会");
	}

	@Test
	void namesVillagesGachasAndCommunitiesInEnglish() {
		assertThat(english("130111200201")).isEqualTo("Nangao Village");
		assertThat(english("152527201206")).isEqualTo("Dundawusu Gacha");
		assertThat(english("310101002001")).isEqualTo("Yunnanzhonglu Community");
	}

	@Test
	void listsTheCommunitiesOfAStreetByCode() {
		List<Region> communities = REGIONS.children("110101001");
		assertThat(communities).hasSize(10)
			.extracting(Region::code)
			.contains("110101001001", "110101001002")
			.isSorted();
		assertThat(communities).allSatisfy((community) -> {
			assertThat(community.level()).isEqualTo(RegionLevel.COMMUNITY);
			assertThat(community.parentCode()).isEqualTo("110101001");
			assertThat(community.nameEn()).isNotBlank();
		});
		assertThat(REGIONS.children("110101001001")).isEmpty();
		assertThat(REGIONS.children("110101999")).isEmpty();
	}

	@Test
	void unknownCommunityCodesAreAbsent() {
		assertThat(REGIONS.exists("110101001999")).isFalse();
		assertThat(REGIONS.exists("110101999001")).as("under a street we do not know").isFalse();
		assertThat(REGIONS.exists("999999999999")).isFalse();
		assertThat(REGIONS.exists("11010100100x")).isFalse();
		assertThat(REGIONS.find("1101010010010")).isEmpty();
		assertThat(REGIONS.path("110101001999")).isEmpty();
		assertThat(REGIONS.fullName("110101001999", Locale.ENGLISH)).isEmpty();
	}

	@Test
	void decidesContainmentAtTheFifthLevel() {
		assertThat(REGIONS.covers("110000", "110101001001")).isTrue();
		assertThat(REGIONS.covers("110101", "110101001001")).isTrue();
		assertThat(REGIONS.covers("110101001", "110101001001")).isTrue();
		assertThat(REGIONS.covers("110101001001", "110101001001")).isTrue();
		assertThat(REGIONS.covers("110101001001", "110101001002")).as("the neighbouring community").isFalse();
		assertThat(REGIONS.covers("110101001001", "110101001")).as("the street above").isFalse();
		assertThat(REGIONS.covers(Regions.NATIONAL, "110101001001")).isTrue();
		assertThat(Regions.prefixOf("110101001001")).isEqualTo("110101001001");
	}

	@Test
	void findsCommunitiesByNameOrCodeAfterTheLevelsAbove() {
		assertThat(REGIONS.search("多福巷", 50)).extracting(Region::code).containsExactly("110101001001");
		assertThat(REGIONS.search("duofuxiang", 50)).extracting(Region::code).containsExactly("110101001001");
		assertThat(REGIONS.search("110101001001", 50)).extracting(Region::code).containsExactly("110101001001");
		List<Region> withStreet = REGIONS.search("110101001", 50);
		assertThat(withStreet.get(0).code()).isEqualTo("110101001");
		assertThat(withStreet).hasSize(11).extracting(Region::level).endsWith(RegionLevel.COMMUNITY);
		assertThat(REGIONS.search("东华门", 50)).extracting(Region::level)
			.startsWith(RegionLevel.STREET)
			.contains(RegionLevel.COMMUNITY)
			.isSortedAccordingTo(Enum::compareTo);
	}

	@Test
	void searchesWithinOneRegion() {
		assertThat(REGIONS.search("社区", "110101001", 50)).hasSize(10)
			.allSatisfy((region) -> assertThat(region.code()).startsWith("110101001"));
		assertThat(REGIONS.search("东华门", "110101", 50)).extracting(Region::code).containsExactly("110101001");
		assertThat(REGIONS.search("多福巷", "110101", 50)).extracting(Region::code).containsExactly("110101001001");
		assertThat(REGIONS.search("多福巷", "310000", 50)).isEmpty();
		assertThat(REGIONS.search("多福巷", "110101001001", 50)).extracting(Region::code).containsExactly("110101001001");
		assertThat(REGIONS.search("多福巷", "999999", 50)).isEmpty();
		assertThat(REGIONS.search("村", "130111200", 5)).hasSize(5);
	}

	@Test
	void readsAProvincesCommunitiesOnlyWhenOneIsFirstAskedFor() {
		Regions regions = new Regions();
		assertThat(regions.communityProvincesLoaded()).isZero();
		assertThat(regions.find("110105001")).isPresent();
		assertThat(regions.covers("110101001001", "110101001001")).isTrue();
		assertThat(regions.communityProvincesLoaded()).as("streets and containment need no communities").isZero();
		assertThat(regions.exists("110101001001")).isTrue();
		assertThat(regions.communityProvincesLoaded()).isEqualTo(1);
		assertThat(regions.children("310101002")).isNotEmpty();
		assertThat(regions.communityProvincesLoaded()).isEqualTo(2);
		assertThat(regions.search("多福巷", "110101", 10)).hasSize(1);
		assertThat(regions.communityProvincesLoaded()).as("a search within Beijing reads no other province")
			.isEqualTo(2);
	}

	@Test
	void readsAProvinceOnceWhenManyAskAtTheSameMoment() throws Exception {
		Regions regions = new Regions();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Integer>> answers = new ArrayList<>();
			for (int i = 0; i < 16; i++) {
				answers.add(pool.submit(() -> {
					start.await();
					return regions.children("370102001").size();
				}));
			}
			start.countDown();
			Set<Integer> sizes = new HashSet<>();
			for (Future<Integer> answer : answers) {
				sizes.add(answer.get(60, TimeUnit.SECONDS));
			}
			assertThat(sizes).hasSize(1).doesNotContain(0);
			assertThat(regions.communityProvincesLoaded()).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static String english(String code) {
		return REGIONS.find(code).orElseThrow().nameEn();
	}

}
