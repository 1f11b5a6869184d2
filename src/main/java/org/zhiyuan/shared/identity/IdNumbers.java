package org.zhiyuan.shared.identity;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Checks identity document numbers and masks them for display.
 * <p>
 * The 18-character numbers (resident identity cards, residence permits for Hong Kong,
 * Macao and Taiwan residents, and foreign permanent resident cards issued since 2023)
 * follow GB 11643-1999: six digits of region, eight digits of birth date
 * ({@code yyyyMMdd}), three digits of sequence whose last is odd for men, and an ISO 7064
 * MOD 11-2 check character ({@code 0}–{@code 9} or {@code X}).
 * <p>
 * What a person types is first normalized: spaces and dashes of any width are removed and
 * {@code a}–{@code z} upper-cased, nothing else. A control character, a zero-width or
 * other invisible character, a full-width digit or any other non-ASCII character stays in
 * the number and makes it {@link IdProblem#FORMAT malformed}: a number is what its
 * characters say, and a character that cannot be seen must not silently change it.
 */
public final class IdNumbers {

	private static final int[] GB11643_WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final String GB11643_CHECK_CHARACTERS = "10X98765432";

	private static final Pattern GB11643_SHAPE = Pattern.compile("[0-9]{17}[0-9X]");

	/**
	 * The province-level codes of GB/T 2260 on the mainland, where resident identity
	 * cards are issued. {@code 00} is no province, {@code 71} (Taiwan), {@code 81} (Hong
	 * Kong) and {@code 82} (Macao) are used only by the residence permits.
	 */
	private static final Set<String> MAINLAND_PROVINCES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31",
			"32", "33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61",
			"62", "63", "64", "65");

	// Residence permits use the region code of the place of origin, not of residence.
	private static final Set<String> HMT_REGIONS = Set.of("810000", "820000", "830000");

	// The card issued since 2013 added two digits to the 8 of the older booklet.
	private static final Pattern HK_MACAO_PERMIT = Pattern.compile("[HM]([0-9]{8}|[0-9]{10})");

	// Cards issued since 2015 have 8 digits, renewals may carry a letter; older ones 10.
	private static final Pattern TAIWAN_PERMIT = Pattern.compile("[0-9]{8}[A-Z]?|[A-Z0-9][0-9]{9}");

	private static final Pattern FOREIGN_2017 = Pattern.compile("[A-Z]{3}[0-9]{12}");

	// Countries differ too much for more than this: letters and digits, at least one
	// digit.
	private static final Pattern PASSPORT = Pattern.compile("(?=.*[0-9])[A-Z0-9]{5,17}");

	private static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

	private IdNumbers() {
	}

	/**
	 * Checks an identity document number as typed by a person.
	 * @param type the kind of document the number belongs to
	 * @param raw the number as typed; spaces, dashes and the case of ASCII letters do not
	 * matter, any other character that is not an ASCII letter or digit makes the number
	 * malformed
	 * @param today the day of the check: birth dates after it are refused
	 * @param provinceExists tells whether a 2-digit province prefix such as {@code "11"}
	 * is a real province; the caller supplies it from its region dataset. Only resident
	 * identity numbers consult it, and only for the prefixes of the 31 mainland provinces
	 * of GB/T 2260 ({@code 11}–{@code 15}, {@code 21}–{@code 23}, {@code 31}–{@code 37},
	 * {@code 41}–{@code 46}, {@code 50}–{@code 54}, {@code 61}–{@code 65}): every other
	 * prefix is refused whatever the dataset says, since GB 11643 takes the address code
	 * from the county of household registration. The rest of the address code is not
	 * checked: a number keeps the code of a county that has since been renamed or merged.
	 * @return the normalized number with its problem, or with the birth date and gender
	 * it encodes when it is valid and its type encodes them
	 * @throws NullPointerException if {@code type}, {@code today} or
	 * {@code provinceExists} is {@code null}
	 */
	public static IdCheck check(IdType type, String raw, LocalDate today, Predicate<String> provinceExists) {
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(today, "today");
		Objects.requireNonNull(provinceExists, "provinceExists");
		String normalized = NumberText.normalize(raw);
		if (normalized.isEmpty()) {
			return IdCheck.refused(normalized, IdProblem.REQUIRED);
		}
		return switch (type) {
			case RESIDENT_ID -> checkGb11643(normalized, today, (number) -> isMainlandProvince(number, provinceExists));
			case HMT_RESIDENCE_PERMIT ->
				checkGb11643(normalized, today, (number) -> HMT_REGIONS.contains(number.substring(0, 6)));
			case HK_MACAO_PERMIT -> checkShape(normalized, HK_MACAO_PERMIT);
			case TAIWAN_PERMIT -> checkShape(normalized, TAIWAN_PERMIT);
			case FOREIGN_PERMANENT_RESIDENCE_ID -> checkForeignPermanentResidenceId(normalized, today);
			case PASSPORT -> checkShape(normalized, PASSPORT);
		};
	}

	/**
	 * Masks a normalized number for display, keeping as many characters at each end as
	 * its length allows: 3 and 4 of 18 or more characters ({@code 110***********1234}), 2
	 * and 3 of 10 to 17, 2 and 2 of 8 or 9, 1 and 2 of 5 to 7; shorter numbers are masked
	 * entirely. Every hidden character becomes one {@code *}, so at most 7 characters are
	 * ever revealed.
	 * @param normalized a number as returned in {@link IdCheck#normalized()}
	 * @return the masked number, or the empty string for {@code null} or a blank number
	 */
	public static String mask(String normalized) {
		String number = NumberText.normalize(normalized);
		int length = number.length();
		if (length >= 18) {
			return NumberText.mask(number, 3, 4);
		}
		if (length >= 10) {
			return NumberText.mask(number, 2, 3);
		}
		if (length >= 8) {
			return NumberText.mask(number, 2, 2);
		}
		if (length >= 5) {
			return NumberText.mask(number, 1, 2);
		}
		return NumberText.mask(number, 0, 0);
	}

	private static IdCheck checkGb11643(String number, LocalDate today, Predicate<String> regionAllowed) {
		if (!GB11643_SHAPE.matcher(number).matches()) {
			return IdCheck.refused(number, IdProblem.FORMAT);
		}
		if (!regionAllowed.test(number)) {
			return IdCheck.refused(number, IdProblem.REGION);
		}
		return checkGb11643BirthDateAndCheckCharacter(number, today);
	}

	private static boolean isMainlandProvince(String number, Predicate<String> provinceExists) {
		String prefix = number.substring(0, 2);
		return MAINLAND_PROVINCES.contains(prefix) && provinceExists.test(prefix);
	}

	private static IdCheck checkGb11643BirthDateAndCheckCharacter(String number, LocalDate today) {
		LocalDate birthDate = dateOrNull(digits(number, 6, 10), digits(number, 10, 12), digits(number, 12, 14));
		IdProblem birthDateProblem = birthDateProblem(birthDate, today);
		if (birthDateProblem != null) {
			return IdCheck.refused(number, birthDateProblem);
		}
		if (number.charAt(17) != gb11643CheckCharacter(number)) {
			return IdCheck.refused(number, IdProblem.CHECK_DIGIT);
		}
		Gender gender = (digits(number, 16, 17) % 2 == 1) ? Gender.MALE : Gender.FEMALE;
		return new IdCheck(number, null, birthDate, gender);
	}

	private static char gb11643CheckCharacter(String number) {
		int sum = 0;
		for (int i = 0; i < GB11643_WEIGHTS.length; i++) {
			sum += (number.charAt(i) - '0') * GB11643_WEIGHTS[i];
		}
		return GB11643_CHECK_CHARACTERS.charAt(sum % 11);
	}

	private static IdCheck checkForeignPermanentResidenceId(String number, LocalDate today) {
		if (number.charAt(0) == '9' && GB11643_SHAPE.matcher(number).matches()) {
			return checkGb11643BirthDateAndCheckCharacter(number, today);
		}
		if (FOREIGN_2017.matcher(number).matches()) {
			return checkForeign2017(number, today);
		}
		return IdCheck.refused(number, IdProblem.FORMAT);
	}

	/**
	 * The cards issued until 2023 have three letters of nationality, four digits of the
	 * issuing region, the birth date as {@code yyMMdd} and two more digits, with no check
	 * character and no gender.
	 */
	private static IdCheck checkForeign2017(String number, LocalDate today) {
		int yearOfCentury = digits(number, 7, 9);
		int month = digits(number, 9, 11);
		int day = digits(number, 11, 13);
		// A holder cannot be born in the future, so the latest century that keeps the
		// date
		// in the past is the right one.
		LocalDate birthDate = dateOrNull(2000 + yearOfCentury, month, day);
		if (birthDate != null && birthDate.isAfter(today)) {
			birthDate = dateOrNull(1900 + yearOfCentury, month, day);
		}
		IdProblem birthDateProblem = birthDateProblem(birthDate, today);
		if (birthDateProblem != null) {
			return IdCheck.refused(number, birthDateProblem);
		}
		return new IdCheck(number, null, birthDate, null);
	}

	private static IdCheck checkShape(String number, Pattern shape) {
		return shape.matcher(number).matches() ? IdCheck.accepted(number) : IdCheck.refused(number, IdProblem.FORMAT);
	}

	private static IdProblem birthDateProblem(LocalDate birthDate, LocalDate today) {
		if (birthDate == null || birthDate.isBefore(EARLIEST_BIRTH_DATE)) {
			return IdProblem.BIRTH_DATE;
		}
		if (birthDate.isAfter(today)) {
			return IdProblem.FUTURE_BIRTH_DATE;
		}
		return null;
	}

	private static LocalDate dateOrNull(int year, int month, int day) {
		try {
			return LocalDate.of(year, month, day);
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	/** The ASCII digits from {@code from} (inclusive) to {@code to} as a number. */
	private static int digits(String number, int from, int to) {
		return Integer.parseInt(number, from, to, 10);
	}

}
