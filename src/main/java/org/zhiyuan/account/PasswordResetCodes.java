package org.zhiyuan.account;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code password_reset_code} table: at most one code per number, by keyed hashes
 * ({@link ResetHashes}). Each entry of a code first reserves one of its attempts, in one
 * statement, so that parallel guesses cannot try more than the allowed few.
 */
@Repository
class PasswordResetCodes {

	private final JdbcClient jdbc;

	PasswordResetCodes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Puts a new code in place of the number's earlier one, which is void from now. */
	void replace(String phoneHash, UUID accountId, String codeHash, OffsetDateTime now, OffsetDateTime expiresAt) {
		this.jdbc.sql("DELETE FROM password_reset_code WHERE phone_hash = :phone").param("phone", phoneHash).update();
		this.jdbc
			.sql("INSERT INTO password_reset_code (phone_hash, account_id, code_hash, failed_attempts, created_at,"
					+ " expires_at) VALUES (:phone, :account, :code, 0, :now, :expires)")
			.param("phone", phoneHash)
			.param("account", accountId)
			.param("code", codeHash)
			.param("now", now)
			.param("expires", expiresAt)
			.update();
	}

	/**
	 * Counts one attempt at the number's code, if it is still valid and has attempts
	 * left.
	 * @return the code with the attempt counted, or empty when there is none to try
	 */
	Optional<StoredCode> reserveAttempt(String phoneHash, int maxAttempts, OffsetDateTime now) {
		int reserved = this.jdbc
			.sql("UPDATE password_reset_code SET failed_attempts = failed_attempts + 1 WHERE phone_hash = :phone"
					+ " AND failed_attempts < :max AND expires_at > :now")
			.param("phone", phoneHash)
			.param("max", maxAttempts)
			.param("now", now)
			.update();
		return (reserved == 0) ? Optional.empty() : find(phoneHash);
	}

	Optional<StoredCode> find(String phoneHash) {
		return this.jdbc
			.sql("SELECT account_id, code_hash, failed_attempts, expires_at FROM password_reset_code"
					+ " WHERE phone_hash = :phone")
			.param("phone", phoneHash)
			.query((rs, row) -> new StoredCode(rs.getObject("account_id", UUID.class), rs.getString("code_hash"),
					rs.getInt("failed_attempts"), rs.getObject("expires_at", OffsetDateTime.class)))
			.optional();
	}

	/** Gives back an attempt that found the right code but could not use it yet. */
	void refundAttempt(String phoneHash, String codeHash) {
		this.jdbc
			.sql("UPDATE password_reset_code SET failed_attempts = failed_attempts - 1 WHERE phone_hash = :phone"
					+ " AND code_hash = :code AND failed_attempts > 0")
			.param("phone", phoneHash)
			.param("code", codeHash)
			.update();
	}

	/**
	 * Uses the code up.
	 * @return whether it was there to use: not used, replaced or void meanwhile
	 */
	boolean consume(String phoneHash, String codeHash) {
		return this.jdbc.sql("DELETE FROM password_reset_code WHERE phone_hash = :phone AND code_hash = :code")
			.param("phone", phoneHash)
			.param("code", codeHash)
			.update() == 1;
	}

	/** Voids the code, e.g. after its last wrong attempt. */
	void remove(String phoneHash, String codeHash) {
		consume(phoneHash, codeHash);
	}

	/** Forgets codes that have expired: they can never be used. */
	int purgeExpired(OffsetDateTime now) {
		return this.jdbc.sql("DELETE FROM password_reset_code WHERE expires_at < :now").param("now", now).update();
	}

	/** A stored code: for whom (empty for a number without an account), and its state. */
	record StoredCode(UUID accountId, String codeHash, int failedAttempts, OffsetDateTime expiresAt) {

	}

}
