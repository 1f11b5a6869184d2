package org.zhiyuan.support;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test identities: valid resident ID numbers (GB 11643), credit codes (GB 32100), phone
 * numbers, passport numbers, volunteer numbers and name suffixes, unique by construction
 * so that tests never collide: each takes the next value of a counter, never a random
 * draw that might meet an earlier one.
 * <p>
 * The counters are this JVM's, which is enough: every test database is written by one JVM
 * only (the H2 and PostgreSQL runs are separate JVMs, each with its own fresh database, a
 * fresh schema per Spring context on a shared server, and the crash test's platform
 * process has its own database, filled from the test's JVM alone). Values stay clear of
 * the demo district's fixed ones ({@code 138…} phones, low ID sequences).
 */
public final class Identities {

	private static final int[] ID_WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final String ID_CHECK = "10X98765432";

	private static final String CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private static final int[] CREDIT_WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	/** Birth dates a person of a given age may have, spread over this many days. */
	private static final int BIRTH_DAYS = 300;

	private static final AtomicLong NEXT = new AtomicLong();

	/** The sequence numbers handed out per region and birth date. */
	private static final Map<String, AtomicInteger> SEQUENCES = new ConcurrentHashMap<>();

	private Identities() {
	}

	/**
	 * The next value of the one counter that every identity here is made from: never the
	 * same twice in this JVM.
	 */
	public static long next() {
		return NEXT.incrementAndGet();
	}

	/**
	 * A resident ID number never handed out before in this JVM: its three-digit sequence
	 * counts down from 999 for each region and birth date (the demo district's people
	 * have low ones), so at most a thousand per region and day.
	 * @throws IllegalStateException when the thousand of a region and day are used up
	 */
	public static String residentId(String region, LocalDate birthDate) {
		String day = region + birthDate.format(DateTimeFormatter.BASIC_ISO_DATE);
		int taken = SEQUENCES.computeIfAbsent(day, (key) -> new AtomicInteger()).getAndIncrement();
		if (taken >= 1000) {
			throw new IllegalStateException("No resident ID numbers left for " + day);
		}
		return withCheck(day + String.format("%03d", 999 - taken));
	}

	/**
	 * A resident ID number of someone aged {@code years} today, born in 朝阳区 on one of
	 * {@value #BIRTH_DAYS} days, taken in turn.
	 */
	public static String residentIdAged(int years) {
		long turn = next();
		LocalDate birth = LocalDate.now().minusYears(years).minusDays(1 + turn % BIRTH_DAYS);
		return residentId("110105", birth);
	}

	private static String withCheck(String body) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (body.charAt(i) - '0') * ID_WEIGHTS[i];
		}
		return body + ID_CHECK.charAt(sum % 11);
	}

	/** A mobile number {@code 139…} never handed out before in this JVM. */
	public static String phone() {
		return "139" + String.format("%08d", next());
	}

	/** A passport number: a letter and eight digits never handed out before. */
	public static String passportNumber(char letter) {
		return letter + String.format("%08d", 10_000_000 + next());
	}

	/**
	 * A volunteer number {@code T…} (the platform's own are all digits) never handed out
	 * before.
	 */
	public static String volunteerNumber() {
		return "T" + String.format("%017d", next());
	}

	/**
	 * A suffix that makes a name unique, of fixed width so that no name is a part of
	 * another.
	 */
	public static String suffix() {
		return String.format("%08d", next());
	}

	/**
	 * A credit code never handed out before, of a social organization (51) registered in
	 * 朝阳区 (110105).
	 */
	public static String creditCode() {
		return creditCode("51", "110105", String.format("%08d", next()));
	}

	/**
	 * A credit code after GB 32100 whose organization code carries its own GB 11714 check
	 * character, as real codes do.
	 * @param authorityAndKind the registration authority and the kind of organization,
	 * e.g. {@code 51} for a social organization registered with civil affairs
	 * @param region the six digits of the registering division
	 * @param organization the first eight characters of the organization code, from the
	 * alphabet of GB 32100
	 */
	public static String creditCode(String authorityAndKind, String region, String organization) {
		int[] weights = { 3, 7, 9, 10, 5, 8, 4, 2 };
		int sum = 0;
		for (int i = 0; i < 8; i++) {
			sum += Character.digit(organization.charAt(i), 36) * weights[i];
		}
		int check = 11 - sum % 11;
		char organizationCheck = (check == 10) ? 'X' : (check == 11) ? '0' : (char) ('0' + check);
		return withCreditCheck(authorityAndKind + region + organization + organizationCheck);
	}

	/** Appends the GB 32100 check character to any 17 characters of its alphabet. */
	public static String withCreditCheck(String seventeen) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += CREDIT_ALPHABET.indexOf(seventeen.charAt(i)) * CREDIT_WEIGHTS[i];
		}
		return seventeen + CREDIT_ALPHABET.charAt((31 - sum % 31) % 31);
	}

}
