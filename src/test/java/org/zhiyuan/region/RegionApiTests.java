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

}
