package org.zhiyuan.complaint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The codes anonymous visitors follow their reports with: twelve characters from an
 * alphabet without look-alikes (no 0/O, 1/I/L), written in groups of four, about 60 bits
 * of chance; only their SHA-256 is kept to find the report.
 */
final class TrackingCodes {

	private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

	private static final int LENGTH = 12;

	private static final SecureRandom RANDOM = new SecureRandom();

	private TrackingCodes() {
	}

	/** A new code, such as {@code K7QM-3XRT-9HWA}. */
	static String newCode() {
		StringBuilder code = new StringBuilder();
		for (int i = 0; i < LENGTH; i++) {
			if (i > 0 && i % 4 == 0) {
				code.append('-');
			}
			code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return code.toString();
	}

	/**
	 * The code as typed, upper-cased and grouped, or {@code null} when it cannot be one:
	 * spaces and dashes anywhere are forgiven.
	 */
	static String normalize(String typed) {
		if (typed == null) {
			return null;
		}
		String bare = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
		if (bare.length() != LENGTH || !bare.chars().allMatch((c) -> ALPHABET.indexOf(c) >= 0)) {
			return null;
		}
		return bare.substring(0, 4) + "-" + bare.substring(4, 8) + "-" + bare.substring(8);
	}

	static String hash(String code) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
