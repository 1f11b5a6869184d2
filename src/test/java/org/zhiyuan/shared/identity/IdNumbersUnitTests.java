package org.zhiyuan.shared.identity;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class IdNumbersUnitTests {

	private static final LocalDate TODAY = LocalDate.of(2025, 6, 1);

	private static final Predicate<String> PROVINCES = Set.of("11", "31", "44", "65")::contains;

	private static final Predicate<String> NO_PROVINCES = (prefix) -> false;

	// What a region dataset that also lists the nation (000000), Taiwan, Hong Kong and
	// Macao would answer: the province list of GB 11643 must still decide.
	private static final Predicate<String> EVERY_PREFIX = (prefix) -> true;

	/** The province-level codes of GB/T 2260 for the mainland. */
	private static final Set<String> MAINLAND_PROVINCES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31",
			"32", "33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61",
			"62", "63", "64", "65");

	private static final String CONTROL_CHARACTERS = "\u0000\u0001\t\n\u000b\f\r\u001b\u001c\u001f\u007f\u0080\u0085\u009f";

	private static final String INVISIBLE_CHARACTERS = "\u00ad\u061c\u180e\u200b\u200c\u200d\u200e\u200f\u2028\u2029\u202a\u202e\u2060\u2066\ufeff";

	@Test
	void acceptsTheExampleFromTheStandard() {
		IdCheck check = residentId("11010519491231002X");
		assertThat(check.valid()).isTrue();
		assertThat(check.problem()).isNull();
		assertThat(check.normalized()).isEqualTo("11010519491231002X");
		assertThat(check.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
		assertThat(check.gender()).isEqualTo(Gender.FEMALE);
	}

	@Test
	void derivesBirthDateAndGenderFromAResidentId() {
		IdCheck man = residentId(withCheckCharacter("31010119900307001"));
		assertThat(man.valid()).isTrue();
		assertThat(man.birthDate()).isEqualTo(LocalDate.of(1990, 3, 7));
		assertThat(man.gender()).isEqualTo(Gender.MALE);

		IdCheck woman = residentId(withCheckCharacter("44030620000229128"));
		assertThat(woman.valid()).isTrue();
		assertThat(woman.birthDate()).isEqualTo(LocalDate.of(2000, 2, 29));
		assertThat(woman.gender()).isEqualTo(Gender.FEMALE);
	}

	@Test
	void normalizesSpacesHyphensAndALowerCaseX() {
		IdCheck check = residentId(" 110105-1949 1231 002x ");
		assertThat(check.valid()).isTrue();
		assertThat(check.normalized()).isEqualTo("11010519491231002X");
	}

	@Test
	void normalizesTypographicSpacesAndDashes() {
		IdCheck check = residentId("110105\u30001949\u00a01231\uff0d002X");
		assertThat(check.valid()).isTrue();
		assertThat(check.normalized()).isEqualTo("11010519491231002X");
	}

	@Test
	void rejectsAWrongCheckDigit() {
		IdCheck check = residentId("110105194912310021");
		assertThat(check.valid()).isFalse();
		assertThat(check.problem()).isEqualTo(IdProblem.CHECK_DIGIT);
		assertThat(check.birthDate()).isNull();
		assertThat(check.gender()).isNull();
		assertThat(check.normalized()).isEqualTo("110105194912310021");
	}

	@Test
	void rejectsEveryCheckCharacterButTheRightOne() {
		String body = "65010219781105433";
		char right = withCheckCharacter(body).charAt(17);
		for (char candidate : "0123456789X".toCharArray()) {
			assertThat(residentId(body + candidate).valid()).as("check character %s", candidate)
				.isEqualTo(candidate == right);
		}
	}

	@Test
	void requiresANumberOfEveryType() {
		for (IdType type : IdType.values()) {
			for (String blank : new String[] { null, "", "   ", " - ", "\t\n" }) {
				IdCheck check = IdNumbers.check(type, blank, TODAY, PROVINCES);
				assertThat(check.problem()).as("%s %s", type, blank).isEqualTo(IdProblem.REQUIRED);
				assertThat(check.normalized()).isEmpty();
			}
		}
	}

	@Test
	void rejectsOldFifteenDigitResidentIds() {
		assertThat(residentId("110105491231002").problem()).isEqualTo(IdProblem.FORMAT);
	}

	@Test
	void rejectsResidentIdsOfTheWrongShape() {
		assertThat(residentId("11010519491231002").problem()).isEqualTo(IdProblem.FORMAT);
		assertThat(residentId("11010519491231002X1").problem()).isEqualTo(IdProblem.FORMAT);
		assertThat(residentId("1101051949123100X2").problem()).isEqualTo(IdProblem.FORMAT);
		assertThat(residentId("11010519491231002Y").problem()).isEqualTo(IdProblem.FORMAT);
		assertThat(residentId("A1010519491231002X").problem()).isEqualTo(IdProblem.FORMAT);
	}

	@Test
	void doesNotTakeFullWidthDigitsForDigits() {
		assertThat(residentId("１１０１０５１９４９１２３１００２X").problem()).isEqualTo(IdProblem.FORMAT);
	}

	@Test
	void rejectsAProvinceTheRegionDatasetDoesNotKnow() {
		IdCheck check = residentId(withCheckCharacter("99010519491231002"));
		assertThat(check.problem()).isEqualTo(IdProblem.REGION);
		assertThat(IdNumbers.check(IdType.RESIDENT_ID, "11010519491231002X", TODAY, NO_PROVINCES).problem())
			.isEqualTo(IdProblem.REGION);
	}

	@Test
	void asksTheRegionDatasetAboutTheTwoDigitProvincePrefix() {
		Predicate<String> onlyBeijing = "11"::equals;
		assertThat(IdNumbers.check(IdType.RESIDENT_ID, "11010519491231002X", TODAY, onlyBeijing).valid()).isTrue();
		assertThat(IdNumbers.check(IdType.RESIDENT_ID, withCheckCharacter("31010119900307001"), TODAY, onlyBeijing)
			.problem()).isEqualTo(IdProblem.REGION);
	}

	@Test
	void rejectsBirthDatesThatAreNotOnTheCalendar() {
		assertThat(residentId(withCheckCharacter("11010519900230002")).problem()).isEqualTo(IdProblem.BIRTH_DATE);
		assertThat(residentId(withCheckCharacter("11010519901301002")).problem()).isEqualTo(IdProblem.BIRTH_DATE);
		assertThat(residentId(withCheckCharacter("11010520010229002")).problem()).isEqualTo(IdProblem.BIRTH_DATE);
		assertThat(residentId(withCheckCharacter("11010519900000002")).problem()).isEqualTo(IdProblem.BIRTH_DATE);
	}

	@Test
	void rejectsBirthDatesBefore1900() {
		assertThat(residentId(withCheckCharacter("11010518991231002")).problem()).isEqualTo(IdProblem.BIRTH_DATE);
		assertThat(residentId(withCheckCharacter("11010519000101002")).valid()).isTrue();
	}

	@Test
	void rejectsBirthDatesAfterToday() {
		assertThat(residentId(withCheckCharacter("11010520250602002")).problem())
			.isEqualTo(IdProblem.FUTURE_BIRTH_DATE);
		assertThat(residentId(withCheckCharacter("11010520250601002")).valid()).isTrue();
	}

	@Test
	void reportsFormatThenRegionThenBirthDateThenCheckDigit() {
		assertThat(residentId("9901051949123100").problem()).isEqualTo(IdProblem.FORMAT);
		assertThat(residentId("990105199002300021").problem()).isEqualTo(IdProblem.REGION);
		assertThat(residentId("110105199002300021").problem()).isEqualTo(IdProblem.BIRTH_DATE);
		assertThat(residentId("110105203001010021").problem()).isEqualTo(IdProblem.FUTURE_BIRTH_DATE);
		assertThat(residentId("110105199001010021").problem()).isEqualTo(IdProblem.CHECK_DIGIT);
	}

	@Test
	void acceptsResidencePermitsOfHongKongMacaoAndTaiwanResidents() {
		for (String region : new String[] { "810000", "820000", "830000" }) {
			IdCheck check = residencePermit(withCheckCharacter(region + "19850614003"));
			assertThat(check.valid()).as(region).isTrue();
			assertThat(check.birthDate()).isEqualTo(LocalDate.of(1985, 6, 14));
			assertThat(check.gender()).isEqualTo(Gender.MALE);
		}
	}

	@Test
	void doesNotAskTheRegionDatasetAboutResidencePermits() {
		IdCheck check = IdNumbers.check(IdType.HMT_RESIDENCE_PERMIT, withCheckCharacter("83000019921120004"), TODAY,
				NO_PROVINCES);
		assertThat(check.valid()).isTrue();
		assertThat(check.gender()).isEqualTo(Gender.FEMALE);
	}

	@Test
	void rejectsResidencePermitsFromOtherRegions() {
		assertThat(residencePermit("11010519491231002X").problem()).isEqualTo(IdProblem.REGION);
		assertThat(residencePermit(withCheckCharacter("81010019850614003")).problem()).isEqualTo(IdProblem.REGION);
		assertThat(residencePermit(withCheckCharacter("84000019850614003")).problem()).isEqualTo(IdProblem.REGION);
	}

	@Test
	void checksResidencePermitsLikeResidentIds() {
		assertThat(residencePermit("81000019850614003").problem()).isEqualTo(IdProblem.FORMAT);
		assertThat(residencePermit(withCheckCharacter("82000019850631003")).problem()).isEqualTo(IdProblem.BIRTH_DATE);
		assertThat(residencePermit(withCheckCharacter("82000020300101003")).problem())
			.isEqualTo(IdProblem.FUTURE_BIRTH_DATE);
		assertThat(residencePermit(withWrongCheckCharacter("82000019850614003")).problem())
			.isEqualTo(IdProblem.CHECK_DIGIT);
	}

	@Test
	void acceptsBothGenerationsOfHongKongAndMacaoTravelPermits() {
		for (String number : new String[] { "H12345678", "M87654321", "H1234567890", "M0123456789" }) {
			IdCheck check = check(IdType.HK_MACAO_PERMIT, number);
			assertThat(check.valid()).as(number).isTrue();
			assertThat(check.birthDate()).isNull();
			assertThat(check.gender()).isNull();
		}
		assertThat(check(IdType.HK_MACAO_PERMIT, "h 1234 5678").normalized()).isEqualTo("H12345678");
	}

	@Test
	void rejectsMalformedHongKongAndMacaoTravelPermits() {
		for (String number : new String[] { "A12345678", "12345678", "H1234567", "H123456789", "H12345678901",
				"HM1234567", "H1234567X" }) {
			assertThat(check(IdType.HK_MACAO_PERMIT, number).problem()).as(number).isEqualTo(IdProblem.FORMAT);
		}
	}

	@Test
	void acceptsTaiwanTravelPermitsOfEveryGeneration() {
		for (String number : new String[] { "12345678", "12345678B", "1234567890", "A123456789" }) {
			IdCheck check = check(IdType.TAIWAN_PERMIT, number);
			assertThat(check.valid()).as(number).isTrue();
			assertThat(check.birthDate()).isNull();
			assertThat(check.gender()).isNull();
		}
		assertThat(check(IdType.TAIWAN_PERMIT, "1234 5678 b").normalized()).isEqualTo("12345678B");
	}

	@Test
	void rejectsMalformedTaiwanTravelPermits() {
		for (String number : new String[] { "1234567", "123456789", "12345678BC", "AB12345678", "12345678901",
				"12345678(B)", "A12345678" }) {
			assertThat(check(IdType.TAIWAN_PERMIT, number).problem()).as(number).isEqualTo(IdProblem.FORMAT);
		}
	}

	@Test
	void derivesTheBirthDateFromAForeignPermanentResidenceIdOf2017() {
		IdCheck older = foreignResidenceId("USA110068091501");
		assertThat(older.valid()).isTrue();
		assertThat(older.birthDate()).isEqualTo(LocalDate.of(1968, 9, 15));
		assertThat(older.gender()).isNull();

		IdCheck younger = foreignResidenceId("can3100 050101 02");
		assertThat(younger.valid()).isTrue();
		assertThat(younger.normalized()).isEqualTo("CAN310005010102");
		assertThat(younger.birthDate()).isEqualTo(LocalDate.of(2005, 1, 1));
	}

	@Test
	void readsATwoDigitYearAsTheLatestYearNotAfterToday() {
		assertThat(foreignResidenceId("GBR440025060101").birthDate()).isEqualTo(LocalDate.of(2025, 6, 1));
		assertThat(foreignResidenceId("GBR440025060201").birthDate()).isEqualTo(LocalDate.of(1925, 6, 2));
	}

	@Test
	void rejectsAForeignPermanentResidenceIdOf2017WithAnImpossibleBirthDate() {
		assertThat(foreignResidenceId("DEU110099133201").problem()).isEqualTo(IdProblem.BIRTH_DATE);
		assertThat(foreignResidenceId("DEU110001023001").problem()).isEqualTo(IdProblem.BIRTH_DATE);
	}

	@Test
	void checksAForeignPermanentResidenceIdOf2023LikeAResidentId() {
		IdCheck check = foreignResidenceId(withCheckCharacter("93115619850614002"));
		assertThat(check.valid()).isTrue();
		assertThat(check.birthDate()).isEqualTo(LocalDate.of(1985, 6, 14));
		assertThat(check.gender()).isEqualTo(Gender.FEMALE);

		assertThat(foreignResidenceId(withWrongCheckCharacter("93115619850614002")).problem())
			.isEqualTo(IdProblem.CHECK_DIGIT);
		assertThat(foreignResidenceId(withCheckCharacter("93115619851314002")).problem())
			.isEqualTo(IdProblem.BIRTH_DATE);
		assertThat(foreignResidenceId(withCheckCharacter("93115620991231002")).problem())
			.isEqualTo(IdProblem.FUTURE_BIRTH_DATE);
	}

	@Test
	void doesNotAskTheRegionDatasetAboutAForeignPermanentResidenceId() {
		IdCheck check = IdNumbers.check(IdType.FOREIGN_PERMANENT_RESIDENCE_ID, withCheckCharacter("93115619850614001"),
				TODAY, NO_PROVINCES);
		assertThat(check.valid()).isTrue();
		assertThat(check.gender()).isEqualTo(Gender.MALE);
	}

	@Test
	void rejectsForeignPermanentResidenceIdsOfNeitherShape() {
		for (String number : new String[] { "11010519491231002X", "US110068091501", "USA11006809150",
				"USA1100680915012", "1USA10068091501", "9311561985061400", "93115619850614002Y" }) {
			assertThat(foreignResidenceId(number).problem()).as(number).isEqualTo(IdProblem.FORMAT);
		}
	}

	@Test
	void acceptsPassportsOfLettersAndDigits() {
		for (String number : new String[] { "E12345678", "G1234567", "12345", "PA1234567", "X1234567890123456" }) {
			IdCheck check = check(IdType.PASSPORT, number);
			assertThat(check.valid()).as(number).isTrue();
			assertThat(check.birthDate()).isNull();
			assertThat(check.gender()).isNull();
		}
		assertThat(check(IdType.PASSPORT, "e 1234-5678").normalized()).isEqualTo("E12345678");
	}

	@Test
	void rejectsPassportsWithoutADigitOrOfTheWrongLength() {
		for (String number : new String[] { "ABCDEFGH", "E123", "X12345678901234567", "E1234567!", "E1234.567" }) {
			assertThat(check(IdType.PASSPORT, number).problem()).as(number).isEqualTo(IdProblem.FORMAT);
		}
	}

	@Test
	void insistsOnTheTypeTheDayAndTheRegionDataset() {
		assertThatNullPointerException().isThrownBy(() -> IdNumbers.check(null, "E12345678", TODAY, PROVINCES));
		assertThatNullPointerException()
			.isThrownBy(() -> IdNumbers.check(IdType.PASSPORT, "E12345678", null, PROVINCES));
		assertThatNullPointerException().isThrownBy(() -> IdNumbers.check(IdType.PASSPORT, "E12345678", TODAY, null));
	}

	@Test
	void masksAnEighteenCharacterNumberButItsFirstThreeAndLastFour() {
		assertThat(IdNumbers.mask("11010519491231002X")).isEqualTo("110***********002X");
		assertThat(IdNumbers.mask("110105199001011234")).isEqualTo("110***********1234");
	}

	@Test
	void masksShorterNumbersMore() {
		assertThat(IdNumbers.mask("CAN310005010102")).isEqualTo("CA**********102");
		assertThat(IdNumbers.mask("H1234567890")).isEqualTo("H1******890");
		assertThat(IdNumbers.mask("1234567890")).isEqualTo("12*****890");
		assertThat(IdNumbers.mask("H12345678")).isEqualTo("H1*****78");
		assertThat(IdNumbers.mask("12345678")).isEqualTo("12****78");
		assertThat(IdNumbers.mask("G123456")).isEqualTo("G****56");
		assertThat(IdNumbers.mask("12345")).isEqualTo("1**45");
		assertThat(IdNumbers.mask("1234")).isEqualTo("****");
	}

	@Test
	void masksNothingIntoAnEmptyString() {
		assertThat(IdNumbers.mask(null)).isEmpty();
		assertThat(IdNumbers.mask("")).isEmpty();
		assertThat(IdNumbers.mask("  ")).isEmpty();
	}

	@Test
	void neverRevealsMoreThanEightCharactersNorHalfOfALongerNumber() {
		String digits = "123456789012345678901234567890";
		for (int length = 1; length <= digits.length(); length++) {
			String masked = IdNumbers.mask(digits.substring(0, length));
			long revealed = masked.chars().filter((c) -> c != '*').count();
			assertThat(masked).as("length %d", length).hasSize(length);
			assertThat(revealed).as("length %d", length).isLessThanOrEqualTo(8);
			if (length >= 8) {
				assertThat(revealed).as("length %d", length).isLessThanOrEqualTo(length / 2);
			}
		}
	}

	@Test
	void refusesTheNationalPlaceholderRegion00() {
		IdCheck check = IdNumbers.check(IdType.RESIDENT_ID, withCheckCharacter("00000019900307001"), TODAY,
				EVERY_PREFIX);
		assertThat(check.problem()).isEqualTo(IdProblem.REGION);
		assertThat(IdNumbers.check(IdType.RESIDENT_ID, withCheckCharacter("00010519900307001"), TODAY, EVERY_PREFIX)
			.problem()).isEqualTo(IdProblem.REGION);
	}

	@Test
	void acceptsExactlyTheMainlandProvincesAsResidentIdPrefixes() {
		Set<String> accepted = new TreeSet<>();
		for (int prefix = 0; prefix < 100; prefix++) {
			String two = String.format("%02d", prefix);
			if (IdNumbers.check(IdType.RESIDENT_ID, withCheckCharacter(two + "010519900307001"), TODAY, EVERY_PREFIX)
				.valid()) {
				accepted.add(two);
			}
		}
		assertThat(accepted).containsExactlyElementsOf(new TreeSet<>(MAINLAND_PROVINCES));
	}

	@Test
	void refusesEveryClassOfPrefixThatIsNoMainlandProvince() {
		// 0x and 10, the gaps between the regions of GB/T 2260 (16-20, 24-30, 38-40,
		// 47-49, 55-60, 66-70) and everything from 72 up but Hong Kong and Macao.
		for (String prefix : List.of("00", "01", "09", "10", "16", "20", "24", "30", "38", "40", "47", "49", "55", "60",
				"66", "70", "72", "80", "84", "90", "99")) {
			assertThat(IdNumbers
				.check(IdType.RESIDENT_ID, withCheckCharacter(prefix + "010519900307001"), TODAY, EVERY_PREFIX)
				.problem()).as(prefix).isEqualTo(IdProblem.REGION);
		}
	}

	@Test
	void leavesTaiwanHongKongAndMacaoToTheResidencePermit() {
		for (String region : List.of("710000", "810000", "820000", "830000", "810001")) {
			String number = withCheckCharacter(region + "19850614003");
			assertThat(IdNumbers.check(IdType.RESIDENT_ID, number, TODAY, EVERY_PREFIX).problem()).as(region)
				.isEqualTo(IdProblem.REGION);
		}
		assertThat(residencePermit(withCheckCharacter("81000019850614003")).valid()).isTrue();
		assertThat(residencePermit(withCheckCharacter("71000019850614003")).problem()).isEqualTo(IdProblem.REGION);
	}

	@Test
	void stillAsksTheRegionDatasetAboutAMainlandProvince() {
		assertThat(IdNumbers.check(IdType.RESIDENT_ID, "11010519491231002X", TODAY, "31"::equals).problem())
			.isEqualTo(IdProblem.REGION);
	}

	@Test
	void refusesControlCharactersInsteadOfStrippingThem() {
		String valid = "11010519491231002X";
		for (char control : CONTROL_CHARACTERS.toCharArray()) {
			for (int position : new int[] { 0, 1, 6, 14, 17, 18 }) {
				String raw = valid.substring(0, position) + control + valid.substring(position);
				IdCheck check = residentId(raw);
				assertThat(check.problem()).as("U+%04X at %d", (int) control, position).isEqualTo(IdProblem.FORMAT);
				assertThat(check.normalized()).as("U+%04X at %d", (int) control, position)
					.contains(String.valueOf(control));
			}
		}
	}

	@Test
	void refusesZeroWidthAndOtherInvisibleCharacters() {
		String valid = "11010519491231002X";
		for (char invisible : INVISIBLE_CHARACTERS.toCharArray()) {
			for (int position : new int[] { 0, 3, 17, 18 }) {
				String raw = valid.substring(0, position) + invisible + valid.substring(position);
				assertThat(residentId(raw).problem()).as("U+%04X at %d", (int) invisible, position)
					.isEqualTo(IdProblem.FORMAT);
			}
		}
	}

	@Test
	void refusesControlCharactersInEveryKindOfNumber() {
		assertThat(check(IdType.PASSPORT, "E1234\u00005678").problem()).isEqualTo(IdProblem.FORMAT);
		assertThat(check(IdType.HK_MACAO_PERMIT, "H1234\t5678").problem()).isEqualTo(IdProblem.FORMAT);
		assertThat(check(IdType.TAIWAN_PERMIT, "1234\u200b5678").problem()).isEqualTo(IdProblem.FORMAT);
		assertThat(foreignResidenceId("USA1100\n68091501").problem()).isEqualTo(IdProblem.FORMAT);
	}

	@Test
	void stillStripsSpacesAndDashesOfEveryWidth() {
		for (String raw : List.of("110105 19491231 002X", "110105-19491231-002X", "110105\u300019491231\u3000002X",
				"110105\u00a019491231\u202f002X", "110105\u201419491231\u2013002X", "110105\uff0d19491231\u2010002X",
				"  11010519491231002X  ", "\u300011010519491231002X\u3000")) {
			IdCheck check = residentId(raw);
			assertThat(check.valid()).as(raw).isTrue();
			assertThat(check.normalized()).as(raw).isEqualTo("11010519491231002X");
		}
	}

	@Test
	void takesAWhitespaceOnlyNumberForNoNumber() {
		assertThat(residentId(" \t\r\n ").problem()).isEqualTo(IdProblem.REQUIRED);
		assertThat(residentId("\u3000\u00a0-").problem()).isEqualTo(IdProblem.REQUIRED);
	}

	@Test
	void acceptsALowerCaseX() {
		IdCheck check = residentId("11010519491231002x");
		assertThat(check.valid()).isTrue();
		assertThat(check.normalized()).isEqualTo("11010519491231002X");
	}

	@Test
	void refusesAFullWidthX() {
		assertThat(residentId("11010519491231002\uff38").problem()).isEqualTo(IdProblem.FORMAT);
		assertThat(residentId("11010519491231002\uff58").problem()).isEqualTo(IdProblem.FORMAT);
	}

	@Test
	void upperCasesOnlyAsciiLetters() {
		// Locale-free upper-casing turns the long s into S and a ligature into two
		// letters.
		assertThat(check(IdType.PASSPORT, "E1234567\u017f").problem()).isEqualTo(IdProblem.FORMAT);
		assertThat(check(IdType.PASSPORT, "E\ufb0012345").problem()).isEqualTo(IdProblem.FORMAT);
		assertThat(check(IdType.PASSPORT, "E\ufb0012345").normalized()).hasSize(7);
		assertThat(check(IdType.PASSPORT, "E12345\u00df").problem()).isEqualTo(IdProblem.FORMAT);
		assertThat(check(IdType.PASSPORT, "\u0131D12345").problem()).isEqualTo(IdProblem.FORMAT);
		assertThat(check(IdType.PASSPORT, "e12345678").normalized()).isEqualTo("E12345678");
	}

	@Test
	void rejectsImpossibleDaysOfTheMonth() {
		assertThat(residentId(withCheckCharacter("11010519900100002")).problem()).isEqualTo(IdProblem.BIRTH_DATE);
		assertThat(residentId(withCheckCharacter("11010519900132002")).problem()).isEqualTo(IdProblem.BIRTH_DATE);
		assertThat(residentId(withCheckCharacter("11010519900431002")).problem()).isEqualTo(IdProblem.BIRTH_DATE);
		assertThat(residentId(withCheckCharacter("11010519000229002")).problem()).isEqualTo(IdProblem.BIRTH_DATE);
		assertThat(residentId(withCheckCharacter("11010520000229002")).valid()).isTrue();
		assertThat(residentId(withCheckCharacter("11010500000101002")).problem()).isEqualTo(IdProblem.BIRTH_DATE);
	}

	@Test
	void acceptsGeneratedNumbersAndCatchesEverySingleSubstitutionAndAdjacentSwap() {
		Random random = new Random(11643);
		String[] provinces = MAINLAND_PROVINCES.toArray(String[]::new);
		long days = TODAY.toEpochDay() - LocalDate.of(1900, 1, 1).toEpochDay();
		for (int n = 0; n < 3000; n++) {
			LocalDate birth = LocalDate.of(1900, 1, 1).plusDays(random.nextLong(days + 1));
			String body = provinces[random.nextInt(provinces.length)] + String.format("%04d", random.nextInt(10_000))
					+ birth.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", random.nextInt(1000));
			String number = withCheckCharacter(body);
			IdCheck check = IdNumbers.check(IdType.RESIDENT_ID, number, TODAY, EVERY_PREFIX);
			assertThat(check.valid()).as(number).isTrue();
			assertThat(check.birthDate()).isEqualTo(birth);
			for (int i = 0; i < 18; i++) {
				for (char other : "0123456789X".toCharArray()) {
					if (other != number.charAt(i)) {
						String mutated = number.substring(0, i) + other + number.substring(i + 1);
						assertThat(IdNumbers.check(IdType.RESIDENT_ID, mutated, TODAY, EVERY_PREFIX).valid())
							.as(mutated)
							.isFalse();
					}
				}
				if (i < 17 && number.charAt(i) != number.charAt(i + 1)) {
					String swapped = number.substring(0, i) + number.charAt(i + 1) + number.charAt(i)
							+ number.substring(i + 2);
					assertThat(IdNumbers.check(IdType.RESIDENT_ID, swapped, TODAY, EVERY_PREFIX).valid()).as(swapped)
						.isFalse();
				}
			}
			String separated = number.substring(0, 6) + " - " + number.substring(6, 14) + "\u3000"
					+ number.substring(14);
			assertThat(IdNumbers.check(IdType.RESIDENT_ID, separated, TODAY, EVERY_PREFIX).valid()).as(separated)
				.isTrue();
			int at = random.nextInt(19);
			String stray = String.valueOf(CONTROL_CHARACTERS.charAt(random.nextInt(CONTROL_CHARACTERS.length())));
			String polluted = number.substring(0, at) + stray + number.substring(at);
			assertThat(IdNumbers.check(IdType.RESIDENT_ID, polluted, TODAY, EVERY_PREFIX).problem())
				.isEqualTo(IdProblem.FORMAT);
		}
	}

	private static IdCheck check(IdType type, String raw) {
		return IdNumbers.check(type, raw, TODAY, PROVINCES);
	}

	private static IdCheck residentId(String raw) {
		return check(IdType.RESIDENT_ID, raw);
	}

	private static IdCheck residencePermit(String raw) {
		return check(IdType.HMT_RESIDENCE_PERMIT, raw);
	}

	private static IdCheck foreignResidenceId(String raw) {
		return check(IdType.FOREIGN_PERMANENT_RESIDENCE_ID, raw);
	}

	/**
	 * Appends the ISO 7064 MOD 11-2 check character, computed from its definition rather
	 * than from the table of GB 11643: digit {@code i} (counted from the right, the check
	 * character being position 1) weighs {@code 2^(i-1) mod 11}, and the check value
	 * {@code c} satisfies {@code (sum + c) mod 11 == 1}.
	 */
	private static String withCheckCharacter(String seventeenDigits) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			int position = 18 - i;
			int weight = 1;
			for (int power = 1; power < position; power++) {
				weight = (weight * 2) % 11;
			}
			sum += Character.getNumericValue(seventeenDigits.charAt(i)) * weight;
		}
		int check = Math.floorMod(1 - sum, 11);
		return seventeenDigits + ((check == 10) ? "X" : String.valueOf(check));
	}

	private static String withWrongCheckCharacter(String seventeenDigits) {
		String right = withCheckCharacter(seventeenDigits);
		char wrong = (right.charAt(17) == '0') ? '1' : '0';
		return seventeenDigits + wrong;
	}

}
