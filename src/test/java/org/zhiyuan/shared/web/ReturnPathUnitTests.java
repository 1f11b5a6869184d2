package org.zhiyuan.shared.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReturnPathUnitTests {

	@Test
	void acceptsPathsOnThisPlatform() {
		assertThat(ReturnPath.orNull("/")).isEqualTo("/");
		assertThat(ReturnPath.orNull("/activities/0193/signup-panel")).isNotNull();
		assertThat(ReturnPath.orNull("/activities/0193#signup-panel")).isNotNull();
		assertThat(ReturnPath.orNull("/activities?q=%E5%8A%A9%E8%80%81&page=2")).isNotNull();
	}

	@Test
	void refusesEverythingThatCouldLeaveThePlatform() {
		for (String offSite : new String[] { null, "", "https://evil.example.com", "//evil.example.com",
				"/\\evil.example.com", "\\\\evil.example.com", "javascript:alert(1)", "evil.example.com",
				"/%5Cevil.example.com", "/%2F/evil.example.com", "/\t/evil.example.com", "/\n/evil.example.com",
				"/ok//evil.example.com", "/活动", "/" + "a".repeat(600) }) {
			assertThat(ReturnPath.orNull(offSite)).as(String.valueOf(offSite)).isNull();
		}
	}

}
