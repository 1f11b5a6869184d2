package org.zhiyuan.shared.identity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CreditCodesUnitTests {

	private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	@Test
	void acceptsPublishedCodes() {
		assertThat(CreditCodes.isValid("91350100M000100Y43")).isTrue();
		assertThat(CreditCodes.isValid("91110000600037341L")).isTrue();
	}

	@Test
	void acceptsCodesBuiltWithTheirCheckCharacter() {
		assertThat(CreditCodes.isValid(withCheckCharacter("91440300MA5FUHKR8"))).isTrue();
		assertThat(CreditCodes.isValid(withCheckCharacter("12100000400012345"))).isTrue();
		assertThat(CreditCodes.isValid(withCheckCharacter("Y1310115NJ0000000"))).isTrue();
	}

	@Test
	void writesACheckValueOf31AsZero() {
		assertThat(withCheckCharacter("91350100MA000000E")).isEqualTo("91350100MA000000E0");
		assertThat(CreditCodes.isValid("91350100MA000000E0")).isTrue();
	}

	@Test
	void acceptsTheLastLetterOfTheAlphabetAsCheckCharacter() {
		assertThat(CreditCodes.isValid("91350100MA000000QY")).isTrue();
	}

	@Test
	void rejectsEveryCheckCharacterButTheRightOne() {
		String body = "91350100M000100Y4";
		for (char candidate : ALPHABET.toCharArray()) {
			assertThat(CreditCodes.isValid(body + candidate)).as("check character %s", candidate)
				.isEqualTo(candidate == '3');
		}
	}

	@Test
	void rejectsLettersOutsideTheAlphabet() {
		for (String excluded : new String[] { "I", "O", "S", "V", "Z" }) {
			String body = "91350100M000100" + excluded + "4";
			for (char candidate : (ALPHABET + "IOSVZ").toCharArray()) {
				assertThat(CreditCodes.isValid(body + candidate)).as(body + candidate).isFalse();
			}
			assertThat(CreditCodes.isValid("91350100M000100Y4" + excluded)).isFalse();
		}
	}

	@Test
	void rejectsARegionCodeThatIsNotSixDigits() {
		assertThat(CreditCodes.isValid(withCheckCharacter("91A50100M000100Y4"))).isFalse();
		assertThat(CreditCodes.isValid(withCheckCharacter("913501M0M000100Y4"))).isFalse();
		assertThat(CreditCodes.isValid(withCheckCharacter("91350100M000100Y4"))).isTrue();
	}

	@Test
	void rejectsCodesOfTheWrongLength() {
		assertThat(CreditCodes.isValid(null)).isFalse();
		assertThat(CreditCodes.isValid("")).isFalse();
		assertThat(CreditCodes.isValid("91350100M000100Y4")).isFalse();
		assertThat(CreditCodes.isValid("91350100M000100Y430")).isFalse();
	}

	@Test
	void rejectsCodesThatAreNotNormalized() {
		assertThat(CreditCodes.isValid("91350100m000100y43")).isFalse();
		assertThat(CreditCodes.isValid("91350100 M000100Y43")).isFalse();
	}

	@Test
	void normalizesSpacesHyphensAndLowerCase() {
		assertThat(CreditCodes.normalize(" 9135-0100 m000100y43\t")).isEqualTo("91350100M000100Y43");
		assertThat(CreditCodes.isValid(CreditCodes.normalize("91350100-m000100y43"))).isTrue();
		assertThat(CreditCodes.normalize(null)).isEmpty();
	}

	/**
	 * Appends the GB 32100 check character, computed from its definition rather than from
	 * the table of weights: character {@code i} (from 0) weighs {@code 3^i mod 31}, and
	 * the check value brings the weighted sum to a multiple of 31.
	 */
	private static String withCheckCharacter(String seventeen) {
		int sum = 0;
		int weight = 1;
		for (char c : seventeen.toCharArray()) {
			sum += ALPHABET.indexOf(c) * weight;
			weight = (weight * 3) % 31;
		}
		return seventeen + ALPHABET.charAt(Math.floorMod(-sum, 31));
	}

}
