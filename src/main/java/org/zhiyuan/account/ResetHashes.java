package org.zhiyuan.account;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hashes (HMAC-SHA256 with a platform secret shared by every instance) of what the
 * password reset must recognise but never keep: phone numbers, codes and client
 * addresses. Without the key, a leaked table cannot be matched against the few million
 * possible codes or numbers.
 */
final class ResetHashes {

	static final String SECRET_NAME = "password-reset-key";

	private final SecretKeySpec key;

	ResetHashes(AccountRepository accounts) {
		this.key = new SecretKeySpec(Base64.getDecoder().decode(accounts.secret(SECRET_NAME)), "HmacSHA256");
	}

	/** The number as the code table knows it: 64 hex digits. */
	String ofPhone(String phone) {
		return HexFormat.of().formatHex(mac("phone", phone));
	}

	/** A code, bound to the number it was sent to: 64 hex digits. */
	String ofCode(String phone, String code) {
		return HexFormat.of().formatHex(mac("code", phone + '\u0000' + code));
	}

	/**
	 * Whether two hashes are equal, in time that does not depend on where they differ.
	 */
	static boolean same(String one, String other) {
		return MessageDigest.isEqual(one.getBytes(StandardCharsets.US_ASCII),
				other.getBytes(StandardCharsets.US_ASCII));
	}

	/** The 64-bit key of a throttle bucket counting {@code counted}. */
	long bucketKey(String kind, String counted) {
		return ByteBuffer.wrap(mac(kind, counted)).getLong();
	}

	private byte[] mac(String purpose, String value) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			return mac.doFinal((purpose + '\u0000' + value).getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every Java runtime", ex);
		}
	}

}
