package org.zhiyuan.system;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StorableTextUnitTests {

	@Test
	void keepsEveryCharacterThatIsOne() {
		assertThat(StorableText.isStorable("")).isTrue();
		assertThat(StorableText.isStorable("社区助老 <script>alert(1)</script> '; DROP TABLE volunteer; --")).isTrue();
		assertThat(StorableText.isStorable("表情 😀 and \u202Eright-to-left\ttab\nline")).isTrue();
	}

	@Test
	void refusesNulCharactersAndHalvesOfSurrogatePairs() {
		assertThat(StorableText.isStorable("a\u0000b")).isFalse();
		assertThat(StorableText.isStorable("\uD83D")).isFalse();
		assertThat(StorableText.isStorable("a\uD83Db")).isFalse();
		assertThat(StorableText.isStorable("\uDE00a")).isFalse();
		assertThat(StorableText.isStorable("😀\uDE00")).isFalse();
	}

}
