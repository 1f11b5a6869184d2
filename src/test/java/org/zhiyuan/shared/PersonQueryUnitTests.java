package org.zhiyuan.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PersonQueryUnitTests {

	@Test
	void searchesByOneChineseCharacterOrTwoLetters() {
		assertThat(PersonQuery.of("王").isDigits()).isFalse();
		assertThat(PersonQuery.of("Li").text()).isEqualTo("Li");
		assertThat(PersonQuery.of("L")).isNull();
	}

	@Test
	void searchesByThreeDigitsOrMore() {
		assertThat(PersonQuery.of("12")).isNull();
		assertThat(PersonQuery.of(" 138-0013 ").digits()).isEqualTo("1380013");
		assertThat(PersonQuery.of("+86 138 0013 8000").digits()).isEqualTo("13800138000");
	}

	@Test
	void asksNothingForEmptyWildcardOrOverlongText() {
		assertThat(PersonQuery.of(null)).isNull();
		assertThat(PersonQuery.of("%%")).isNull();
		assertThat(PersonQuery.of("张".repeat(51))).isNull();
	}

	@Test
	void showsOnlyTheLastFourCharactersOfAVolunteerNumber() {
		assertThat(PersonMatch.maskNumber("110105202612345678")).isEqualTo("…5678");
		assertThat(PersonMatch.maskNumber(null)).isEmpty();
	}

}
