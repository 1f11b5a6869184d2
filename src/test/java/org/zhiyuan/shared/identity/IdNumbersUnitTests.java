package org.zhiyuan.shared.identity;

import java.time.LocalDate;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class IdNumbersUnitTests {

	private static final LocalDate TODAY = LocalDate.of(2025, 6, 1);

	private static final Predicate<String> PROVINCES = Set.of("11", "31", "44", "65")::contains;

	private static final Predicate<String> NO_PROVINCES = (prefix) -> false;

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
		IdCheck check = residentId(" 110105-1949 1231\t002x ");
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
