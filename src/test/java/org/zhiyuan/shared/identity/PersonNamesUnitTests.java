package org.zhiyuan.shared.identity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PersonNamesUnitTests {

	@Test
	void keepsTheFirstCharacterOfATwoCharacterName() {
		assertThat(PersonNames.mask("李华")).isEqualTo("李*");
	}

	@Test
	void keepsTheFirstAndLastCharacterOfLongerNames() {
		assertThat(PersonNames.mask("王小明")).isEqualTo("王*明");
		assertThat(PersonNames.mask("欧阳娜娜")).isEqualTo("欧**娜");
		assertThat(PersonNames.mask("𠮷野家")).isEqualTo("𠮷*家");
	}

	@Test
	void keepsTheInitialOfEachWordOfALatinName() {
		assertThat(PersonNames.mask("John Smith")).isEqualTo("J*** S****");
	}

	@Test
	void leavesNothingToMaskAlone() {
		assertThat(PersonNames.mask(null)).isEmpty();
		assertThat(PersonNames.mask("  ")).isEmpty();
		assertThat(PersonNames.mask("李")).isEqualTo("李");
	}

}
