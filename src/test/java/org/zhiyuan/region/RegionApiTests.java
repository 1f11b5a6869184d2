package org.zhiyuan.region;

import org.junit.jupiter.api.Test;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

class RegionApiTests extends ApiTestSupport {

	@Test
	void looksUpARegionWithItsPathForAnyone() {
		Response region = this.api.get("/api/v1/regions/110105001");
		assertThat(region.status()).isEqualTo(200);
		assertThat(region.json().get("name").asString()).isEqualTo("建外街道");
		assertThat(region.json().get("level").asString()).isEqualTo("STREET");
		assertThat(region.json().get("fullName").asString()).isEqualTo("北京市 朝阳区 建外街道");
		assertThat(region.json().get("path").findValuesAsString("code")).containsExactly("110000", "110100", "110105",
				"110105001");
	}

	@Test
	void listsProvincesChildrenAndSearchResults() {
		assertThat(this.api.get("/api/v1/regions").json().findValuesAsString("code")).contains("110000", "440000",
				"810000");
		assertThat(this.api.get("/api/v1/regions/440300/children").json().findValuesAsString("name")).contains("南山区");
		assertThat(this.api.get("/api/v1/regions?q=%E6%AD%A6%E4%BE%AF").json().findValuesAsString("code"))
			.contains("510107");
	}

	@Test
	void theRegionPageOpensEachLevelInPlace() {
		assertThat(this.api.get("/regions").body()).contains("北京市").contains("hx-get=\"/regions/110000/children\"");
		Response fragment = this.api.get("/regions/110105/children");
		assertThat(fragment.status()).isEqualTo(200);
		assertThat(fragment.body()).contains("建外街道").doesNotContain("<html");
	}

	@Test
	void givesTheEnglishNameNextToTheChineseOne() {
		Response region = this.api.get("/api/v1/regions/110105001");
		assertThat(region.json().get("name").asString()).isEqualTo("建外街道");
		assertThat(region.json().get("nameEn").asString()).isEqualTo("Jianwai Subdistrict");
		assertThat(region.json().get("fullName").asString()).isEqualTo("北京市 朝阳区 建外街道");
		assertThat(region.json().get("fullNameEn").asString())
			.isEqualTo("Jianwai Subdistrict, Chaoyang District, Beijing");
		assertThat(region.json().get("path").findValuesAsString("nameEn")).containsExactly("Beijing", "City Districts",
				"Chaoyang District", "Jianwai Subdistrict");
		assertThat(this.api.get("/api/v1/regions").json().findValuesAsString("nameEn")).contains("Beijing",
				"Inner Mongolia");
		assertThat(this.api.get("/api/v1/regions/110000/children").json().findValuesAsString("nameEn"))
			.containsExactly("City Districts");
		assertThat(this.api.get("/api/v1/regions?q=Wuhou").json().findValuesAsString("code")).contains("510107");
	}

	@Test
	void theRegionPageNamesRegionsInThePageLanguage() {
		assertThat(this.api.get("/regions?lang=en").body()).contains("Inner Mongolia", "内蒙古自治区");
		assertThat(this.api.get("/regions/110105/children?lang=en").body()).contains("Jianwai Subdistrict");
		assertThat(this.api.get("/regions/110105/children?lang=zh-CN").body()).contains("建外街道")
			.doesNotContain("Jianwai");
	}

	@Test
	void listsTheCommunitiesOfAStreet() {
		Response children = this.api.get("/api/v1/regions/110101001/children");
		assertThat(children.status()).isEqualTo(200);
		assertThat(children.json().findValuesAsString("code")).hasSize(10).contains("110101001001", "110101001002");
		assertThat(children.json().findValuesAsString("level")).containsOnly("COMMUNITY");
		assertThat(children.json().findValuesAsString("parentCode")).containsOnly("110101001");
		assertThat(children.json().findValuesAsString("name")).contains("多福巷社区居委会");
		assertThat(children.json().findValuesAsString("nameEn")).contains("Duofuxiang Community");
		assertThat(this.api.get("/api/v1/regions/110101001001/children").json().isEmpty()).isTrue();
	}

	@Test
	void looksUpACommunityWithItsPath() {
		Response community = this.api.get("/api/v1/regions/110101001001");
		assertThat(community.status()).isEqualTo(200);
		assertThat(community.json().get("level").asString()).isEqualTo("COMMUNITY");
		assertThat(community.json().get("fullName").asString()).isEqualTo("北京市 东城区 东华门街道 多福巷社区居委会");
		assertThat(community.json().get("fullNameEn").asString())
			.isEqualTo("Duofuxiang Community, Donghuamen Subdistrict, Dongcheng District, Beijing");
		assertThat(community.json().get("path").findValuesAsString("code")).containsExactly("110000", "110100",
				"110101", "110101001", "110101001001");
		Response unknown = this.api.get("/api/v1/regions/110101001999");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.problemCode()).isEqualTo("REGION_NOT_FOUND");
		assertThat(this.api.get("/api/v1/regions/110101001999/children").status()).isEqualTo(404);
	}

	@Test
	void findsCommunitiesByNameEverywhereOrWithinARegion() {
		assertThat(this.api.get("/api/v1/regions?q=%E5%A4%9A%E7%A6%8F%E5%B7%B7").json().findValuesAsString("code"))
			.containsExactly("110101001001");
		assertThat(this.api.get("/api/v1/regions?q=Duofuxiang&within=110101").json().findValuesAsString("code"))
			.containsExactly("110101001001");
		assertThat(this.api.get("/api/v1/regions?q=Duofuxiang&within=310000").json().isEmpty()).isTrue();
		Response unknownScope = this.api.in("en").get("/api/v1/regions?q=Duofuxiang&within=999999");
		assertThat(unknownScope.status()).isEqualTo(400);
		assertThat(unknownScope.json().get("errors").findValuesAsString("field")).containsExactly("within");
	}

	@Test
	void theRegionPageOpensAStreetDownToItsCommunities() {
		Response fragment = this.api.get("/regions/110101001/children");
		assertThat(fragment.status()).isEqualTo(200);
		assertThat(fragment.body()).contains("多福巷社区居委会", "110101001001")
			.as("a community is the last level: nothing to open")
			.doesNotContain("hx-get=\"/regions/110101001001/children\"");
		assertThat(this.api.get("/regions/110101001/children?lang=en").body()).contains("Duofuxiang Community");
	}

	@Test
	void theRegionPageOpensLevelByLevelWithPlainLinks() {
		String top = this.api.get("/regions").body();
		assertThat(top).contains("href=\"/regions?code=110000\"");
		Response street = this.api.get("/regions?code=110101001");
		assertThat(street.status()).isEqualTo(200);
		assertThat(street.body()).contains("href=\"/regions?code=110101\"", "东华门街道", "多福巷社区居委会");
		assertThat(this.api.get("/regions?code=110101001001").body()).contains("多福巷社区居委会", "无下级区划");
		assertThat(this.api.get("/regions?code=999999").status()).isEqualTo(404);
	}

}
