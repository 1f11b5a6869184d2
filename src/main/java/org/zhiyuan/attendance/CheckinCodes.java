package org.zhiyuan.attendance;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.ProblemException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Check-in codes: signed with HMAC-SHA256 by a key every instance shares, so any instance
 * verifies them without a database read. A code names its activity and a one-minute
 * window; it is accepted in that window and the next, so it lives at most two minutes and
 * rotates every minute. The QR carries the full code; a volunteer on the activity's page
 * can type the 8-character short code instead. Other modules sign their own events with
 * it (a training session's id in place of an activity's).
 */
@Component
public class CheckinCodes {

	static final Duration WINDOW = Duration.ofMinutes(1);

	private static final String SECRET_NAME = "checkin-hmac";

	private static final String SHORT_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private final byte[] key;

	CheckinCodes(JdbcClient jdbc) {
		this.key = Base64.getDecoder().decode(secret(jdbc));
	}

	/**
	 * The code of the current window for an activity, and when it stops being accepted.
	 */
	public Issued issue(UUID activityId, Instant now) {
		long window = now.getEpochSecond() / WINDOW.toSeconds();
		ByteBuffer payload = ByteBuffer.allocate(24)
			.putLong(activityId.getMostSignificantBits())
			.putLong(activityId.getLeastSignificantBits())
			.putLong(window);
		byte[] signature = sign(payload.array());
		byte[] token = ByteBuffer.allocate(34).put(payload.array()).put(signature, 0, 10).array();
		Instant expires = Instant.ofEpochSecond((window + 2) * WINDOW.toSeconds());
		return new Issued(Base64.getUrlEncoder().withoutPadding().encodeToString(token), shortCode(activityId, window),
				OffsetDateTime.ofInstant(expires, ZoneOffset.UTC));
	}

	/** Reads a full code: the activity it names, or why it is refused. */
	public Verdict verify(String code, Instant now) {
		byte[] token;
		try {
			token = Base64.getUrlDecoder().decode((code != null) ? code.strip() : "");
		}
		catch (IllegalArgumentException ex) {
			return Verdict.rejected();
		}
		if (token.length != 34) {
			return Verdict.rejected();
		}
		ByteBuffer buffer = ByteBuffer.wrap(token);
		UUID activityId = new UUID(buffer.getLong(), buffer.getLong());
		long window = buffer.getLong();
		byte[] given = new byte[10];
		buffer.get(given);
		byte[] expected = new byte[10];
		System.arraycopy(sign(java.util.Arrays.copyOf(token, 24)), 0, expected, 0, 10);
		if (!MessageDigest.isEqual(given, expected)) {
			return Verdict.rejected();
		}
		return inTime(activityId, window, now);
	}

	/** Reads a typed short code for a known activity. */
	public Verdict verifyShort(UUID activityId, String shortCode, Instant now) {
		String typed = (shortCode != null) ? shortCode.strip().toUpperCase(java.util.Locale.ROOT) : "";
		long current = now.getEpochSecond() / WINDOW.toSeconds();
		for (long window = current; window >= current - 1; window--) {
			if (MessageDigest.isEqual(typed.getBytes(StandardCharsets.US_ASCII),
					shortCode(activityId, window).getBytes(StandardCharsets.US_ASCII))) {
				return new Verdict(Optional.of(activityId), false);
			}
		}
		return Verdict.rejected();
	}

	/**
	 * What a check-in names, by the full code of its QR image or by the id and the short
	 * code shown beside it.
	 * @throws ProblemException 400 on {@code code} when neither is given, 422
	 * {@code CODE_INVALID} or {@code CODE_EXPIRED}
	 */
	public UUID require(String code, UUID id, String shortCode, Instant now) {
		Verdict verdict;
		if (code != null && !code.isBlank()) {
			verdict = verify(code, now);
		}
		else if (id != null && shortCode != null) {
			verdict = verifyShort(id, shortCode, now);
		}
		else {
			throw ProblemException.invalid(List.of(new FieldProblem("code", "validation.required")));
		}
		if (verdict.invalid()) {
			throw ProblemException.unprocessable("CODE_INVALID", "attendance.codeInvalid");
		}
		if (verdict.expired()) {
			throw ProblemException.unprocessable("CODE_EXPIRED", "attendance.codeExpired");
		}
		return verdict.activityId().get();
	}

	private Verdict inTime(UUID activityId, long window, Instant now) {
		long current = now.getEpochSecond() / WINDOW.toSeconds();
		boolean fresh = window == current || window == current - 1;
		return new Verdict(Optional.of(activityId), !fresh);
	}

	private String shortCode(UUID activityId, long window) {
		byte[] mac = sign((activityId + ":" + window).getBytes(StandardCharsets.US_ASCII));
		StringBuilder code = new StringBuilder();
		for (int i = 0; i < 8; i++) {
			code.append(SHORT_ALPHABET.charAt((mac[i] & 0xFF) % SHORT_ALPHABET.length()));
		}
		return code.toString();
	}

	private byte[] sign(byte[] data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.key, "HmacSHA256"));
			return mac.doFinal(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 unavailable", ex);
		}
	}

	private static String secret(JdbcClient jdbc) {
		Optional<String> existing = read(jdbc);
		if (existing.isPresent()) {
			return existing.get();
		}
		byte[] fresh = new byte[32];
		new SecureRandom().nextBytes(fresh);
		try {
			jdbc.sql("INSERT INTO platform_secret (name, secret, created_at) SELECT :name, :secret, :now"
					+ " WHERE NOT EXISTS (SELECT 1 FROM platform_secret WHERE name = :name)")
				.param("name", SECRET_NAME)
				.param("secret", Base64.getEncoder().encodeToString(fresh))
				.param("now", OffsetDateTime.now(ZoneOffset.UTC))
				.update();
		}
		catch (DuplicateKeyException ex) {
			// another instance stored its key first; that one is read below
		}
		return read(jdbc).orElseThrow();
	}

	private static Optional<String> read(JdbcClient jdbc) {
		return jdbc.sql("SELECT secret FROM platform_secret WHERE name = :name")
			.param("name", SECRET_NAME)
			.query(String.class)
			.optional();
	}

	/** A code for the current window. */
	public record Issued(String code, String shortCode, OffsetDateTime expiresAt) {

	}

	/** The activity a code names, or that it is invalid or expired. */
	public record Verdict(Optional<UUID> activityId, boolean expired) {

		static Verdict rejected() {
			return new Verdict(Optional.empty(), false);
		}

		public boolean invalid() {
			return this.activityId.isEmpty();
		}

	}

}
