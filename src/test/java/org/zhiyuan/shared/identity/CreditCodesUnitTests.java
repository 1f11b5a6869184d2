package org.zhiyuan.shared.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CreditCodesUnitTests {

	private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	/** The divisions that the codes of these tests are registered in. */
	private static final Set<String> DIVISIONS = Set.of("110000", "110105", "110108", "310115", "330100", "350100",
			"440300", "440305", "650102");

	private static final Predicate<String> KNOWN_DIVISIONS = DIVISIONS::contains;

	/**
	 * The registration authorities of GB 32100-2015 (with its 2016 amendment adding
	 * {@code A} and {@code N}) and the organization kinds each assigns.
	 */
	private static final Map<Character, String> KINDS = Map.ofEntries(Map.entry('1', "1239"), Map.entry('2', "19"),
			Map.entry('3', "123459"), Map.entry('4', "19"), Map.entry('5', "1239"), Map.entry('6', "129"),
			Map.entry('7', "129"), Map.entry('8', "19"), Map.entry('9', "123"), Map.entry('A', "19"),
			Map.entry('N', "1239"), Map.entry('Y', "1"));

	@Test
	void acceptsPublishedCodes() {
		for (String code : List.of("91350100M000100Y43", "91110000600037341L", "914403001922038216",
				"91440300708461136T", "91330100799655058B", "91110108551385082Q")) {
			assertThat(valid(code)).as(code).isTrue();
		}
	}

	@Test
	void acceptsTheNationalRegion100000OfCentralRegistrationsWithoutAskingTheDataset() {
		assertThat(CreditCodes.isValid("12100000400000624D", (division) -> false)).isTrue();
		assertThat(CreditCodes.isValid("53100000500021676K", (division) -> false)).isTrue();
	}

	@Test
	void acceptsCodesBuiltWithBothCheckCharacters() {
		assertThat(valid(code("91", "440300", "MA5FUHKR"))).isTrue();
		assertThat(valid(code("12", "100000", "40001234"))).isTrue();
		assertThat(valid(code("Y1", "310115", "NJ000000"))).isTrue();
	}

	@Test
	void acceptsEveryKindThatTheStandardGivesEachAuthority() {
		KINDS.forEach((authority, kinds) -> {
			for (char kind : kinds.toCharArray()) {
				String code = code("" + authority + kind, "110105", "MJ018264");
				assertThat(valid(code)).as(code).isTrue();
			}
		});
	}

	@Test
	void refusesEveryOtherAuthorityAndKind() {
		for (char authority : ALPHABET.toCharArray()) {
			for (char kind : ALPHABET.toCharArray()) {
				String code = code("" + authority + kind, "110105", "MJ018264");
				boolean listed = KINDS.containsKey(authority) && KINDS.get(authority).indexOf(kind) >= 0;
				assertThat(valid(code)).as(code).isEqualTo(listed);
			}
		}
	}

	@Test
	void refusesIndustryAndCommerceCodesOfKind9AndOtherAuthoritiesBeyondTheirKinds() {
		assertThat(valid(code("99", "110105", "MJ018264"))).isFalse();
		assertThat(valid(code("Y9", "110105", "MJ018264"))).isFalse();
		assertThat(valid(code("54", "110105", "MJ018264"))).isFalse();
		assertThat(valid(code("B1", "110105", "MJ018264"))).isFalse();
		assertThat(valid(code("01", "110105", "MJ018264"))).isFalse();
	}

	@Test
	void refusesAnOrganizationCodeWhoseOwnCheckCharacterIsWrong() {
		String right = code("51", "110105", "MJ018264");
		char organizationCheck = right.charAt(16);
		for (char candidate : "0123456789X".toCharArray()) {
			String code = withCheckCharacter(right.substring(0, 16) + candidate);
			assertThat(valid(code)).as(code).isEqualTo(candidate == organizationCheck);
		}
	}

	@Test
	void refusesAnOrganizationCheckCharacterThatGb11714DoesNotUse() {
		for (char candidate : "ABCDEFGHJKLMNPQRTUWY".toCharArray()) {
			assertThat(valid(withCheckCharacter("51110105MJ018264" + candidate))).as("%s", candidate).isFalse();
		}
	}

	@Test
	void writesAnOrganizationCheckValueOf10AsXAnd11As0() {
		assertThat(organizationCode("40000000")).isEqualTo("40000000X");
		assertThat(organizationCode("00000000")).isEqualTo("000000000");
		assertThat(valid(code("51", "110105", "40000000"))).isTrue();
		assertThat(valid(withCheckCharacter("51110105400000000"))).isFalse();
		assertThat(valid(code("51", "110105", "00000000"))).isTrue();
	}

	@Test
	void valuesTheLettersOfTheOrganizationCodeFromATo35() {
		// J is 19 in GB 11714 but 18 in the alphabet of GB 32100, which skips I.
		assertThat(organizationCode("J0000000")).isEqualTo("J00000009");
		assertThat(valid(code("51", "110105", "J0000000"))).isTrue();
		assertThat(valid(withCheckCharacter("51110105J00000001"))).isFalse();
	}

	@Test
	void refusesRegionDigitsThatNameNoKnownDivision() {
		assertThat(valid(code("51", "110199", "MJ018264"))).isFalse();
		assertThat(valid(code("51", "000000", "MJ018264"))).isFalse();
		assertThat(valid(code("51", "990000", "MJ018264"))).isFalse();
		assertThat(CreditCodes.isValid(code("51", "110105", "MJ018264"), Set.of("110105")::contains)).isTrue();
		assertThat(CreditCodes.isValid(code("51", "110105", "MJ018264"), Set.of("110000")::contains)).isFalse();
	}

	@Test
	void asksTheDatasetAboutTheSixRegionDigitsOnly() {
		List<String> asked = new ArrayList<>();
		CreditCodes.isValid(code("51", "650102", "MJ018264"), (division) -> asked.add(division));
		assertThat(asked).containsExactly("650102");
	}

	@Test
	void rejectsARegionCodeThatIsNotSixDigits() {
		assertThat(valid(withCheckCharacter("91A50100M000100Y4"))).isFalse();
		assertThat(valid(withCheckCharacter("913501M0M000100Y4"))).isFalse();
	}

	@Test
	void writesACheckValueOf31AsZero() {
		assertThat(withCheckCharacter("91350100MA000000E")).isEqualTo("91350100MA000000E0");
	}

	@Test
	void rejectsEveryCheckCharacterButTheRightOne() {
		String body = "91350100M000100Y4";
		for (char candidate : ALPHABET.toCharArray()) {
			assertThat(valid(body + candidate)).as("check character %s", candidate).isEqualTo(candidate == '3');
		}
	}

	@Test
	void rejectsEachLetterOutsideTheAlphabetInEveryPosition() {
		String valid = "91350100M000100Y43";
		for (char excluded : "IOSVZiosvz".toCharArray()) {
			for (int i = 0; i < 18; i++) {
				String code = CreditCodes.normalize(valid.substring(0, i) + excluded + valid.substring(i + 1));
				assertThat(valid(code)).as(code).isFalse();
				if (i < 17) {
					// Even with a check character that the whole code adds up to.
					String recomputed = withCheckCharacter(code.substring(0, 17));
					assertThat(valid(recomputed)).as(recomputed).isFalse();
				}
			}
		}
	}

	@Test
	void rejectsCodesOfTheWrongLength() {
		assertThat(valid(null)).isFalse();
		assertThat(valid("")).isFalse();
		assertThat(valid("91350100M000100Y4")).isFalse();
		assertThat(valid("91350100M000100Y430")).isFalse();
		assertThat(valid("91350100M000100Y43" + "91350100M000100Y43")).isFalse();
	}

	@Test
	void rejectsCodesThatAreNotNormalized() {
		assertThat(valid("91350100m000100y43")).isFalse();
		assertThat(valid("91350100 M000100Y43")).isFalse();
	}

	@Test
	void doesNotTurnALigatureIntoTwoLetters() {
		String code = code("91", "440300", "MA5FFHKR");
		assertThat(code).contains("FF");
		assertThat(valid(code)).isTrue();
		String ligature = code.replace("FF", "\ufb00");
		assertThat(ligature).hasSize(17);
		String normalized = CreditCodes.normalize(ligature);
		assertThat(normalized).hasSize(17);
		assertThat(valid(normalized)).isFalse();
		assertThat(valid(CreditCodes.normalize(code.replace("FF", "\ufb00").toLowerCase()))).isFalse();
	}

	@Test
	void upperCasesOnlyAsciiLetters() {
		String code = code("91", "440300", "MA5FUHKR");
		assertThat(CreditCodes.normalize(code.toLowerCase())).isEqualTo(code);
		// Full-width letters and digits, and letters that upper-case to ASCII ones.
		for (String replacement : List.of("\uff2d", "\uff4d", "\uff19", "\u0131", "\u017f", "\u212a", "\u00b5")) {
			String mutated = replacement + code.substring(1);
			assertThat(valid(CreditCodes.normalize(mutated))).as(mutated).isFalse();
			String inside = code.substring(0, 9) + replacement + code.substring(10);
			assertThat(valid(CreditCodes.normalize(inside))).as(inside).isFalse();
		}
	}

	@Test
	void refusesControlAndInvisibleCharactersInsteadOfStrippingThem() {
		String code = "91350100M000100Y43";
		for (char stray : "\u0000\t\n\r\u001f\u007f\u0085\u200b\u200d\u2060\ufeff\u00ad".toCharArray()) {
			for (int position : new int[] { 0, 8, 17, 18 }) {
				String raw = code.substring(0, position) + stray + code.substring(position);
				String normalized = CreditCodes.normalize(raw);
				assertThat(normalized).as("U+%04X at %d", (int) stray, position).hasSize(19);
				assertThat(valid(normalized)).as("U+%04X at %d", (int) stray, position).isFalse();
			}
		}
	}

	@Test
	void normalizesSpacesDashesAndLowerCase() {
		assertThat(CreditCodes.normalize(" 9135-0100 m000100y43 ")).isEqualTo("91350100M000100Y43");
		assertThat(CreditCodes.normalize("91350100\u3000M000100Y43\u00a0")).isEqualTo("91350100M000100Y43");
		assertThat(CreditCodes.normalize("9135\u20140100\uff0dM000100Y43")).isEqualTo("91350100M000100Y43");
		assertThat(valid(CreditCodes.normalize("91350100-m000100y43"))).isTrue();
		assertThat(CreditCodes.normalize(null)).isEmpty();
		assertThat(CreditCodes.normalize(" \t ")).isEmpty();
	}

	@Test
	void acceptsGeneratedCodesAndCatchesEverySingleSubstitutionAndAdjacentSwap() {
		Random random = new Random(32100);
		List<String> pairs = new ArrayList<>();
		KINDS.forEach((authority, kinds) -> kinds.chars().forEach((kind) -> pairs.add("" + authority + (char) kind)));
		List<String> divisions = new ArrayList<>(DIVISIONS);
		String mutations = ALPHABET + "IOSVZ";
		for (int n = 0; n < 3000; n++) {
			StringBuilder body = new StringBuilder(8);
			for (int i = 0; i < 8; i++) {
				body.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
			}
			String code = code(pairs.get(random.nextInt(pairs.size())), divisions.get(random.nextInt(divisions.size())),
					body.toString());
			assertThat(valid(code)).as(code).isTrue();
			for (int i = 0; i < 18; i++) {
				for (char other : mutations.toCharArray()) {
					if (other != code.charAt(i)) {
						String mutated = code.substring(0, i) + other + code.substring(i + 1);
						assertThat(valid(mutated)).as(mutated).isFalse();
					}
				}
				if (i < 17 && code.charAt(i) != code.charAt(i + 1)) {
					String swapped = code.substring(0, i) + code.charAt(i + 1) + code.charAt(i) + code.substring(i + 2);
					assertThat(valid(swapped)).as(swapped).isFalse();
				}
			}
			String lowerCaseWithSeparators = code.substring(0, 8).toLowerCase() + " - "
					+ code.substring(8).toLowerCase();
			assertThat(valid(CreditCodes.normalize(lowerCaseWithSeparators))).as(lowerCaseWithSeparators).isTrue();
		}
	}

	private static boolean valid(String normalized) {
		return CreditCodes.isValid(normalized, KNOWN_DIVISIONS);
	}

	/**
	 * A code with both check characters: the organization code's after GB 11714, then the
	 * whole code's after GB 32100.
	 */
	private static String code(String authorityAndKind, String region, String organizationBody) {
		return withCheckCharacter(authorityAndKind + region + organizationCode(organizationBody));
	}

	/**
	 * Appends the GB 11714-1997 check character, computed from its definition rather than
	 * from the table of weights: character {@code i} (from 1) weighs
	 * {@code 2^(9-i) mod 11}, letters count {@code A=10} to {@code Z=35}, and the check
	 * value is {@code 11 - sum mod 11}, written {@code X} for 10 and {@code 0} for 11.
	 */
	private static String organizationCode(String eight) {
		int sum = 0;
		for (int i = 1; i <= 8; i++) {
			int weight = 1;
			for (int power = 0; power < 9 - i; power++) {
				weight = (weight * 2) % 11;
			}
			sum += Character.digit(eight.charAt(i - 1), 36) * weight;
		}
		int check = 11 - sum % 11;
		return eight + ((check == 10) ? "X" : (check == 11) ? "0" : String.valueOf(check));
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
