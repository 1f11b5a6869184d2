package org.zhiyuan.account;

import java.sql.ResultSet;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.zhiyuan.access.Grant;
import org.zhiyuan.access.Role;
import org.zhiyuan.region.Regions;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AccountRepository {

	private static final String COLUMNS = "id, username, password_hash, display_name, status, credentials_version,"
			+ " created_at";

	private final JdbcClient jdbc;

	AccountRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<AccountRow> findByUsername(String username) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM account WHERE username = :username")
			.param("username", username)
			.query(AccountRepository::row)
			.optional();
	}

	Optional<AccountRow> findById(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM account WHERE id = :id")
			.param("id", id)
			.query(AccountRepository::row)
			.optional();
	}

	boolean existsByUsername(String username) {
		return this.jdbc.sql("SELECT COUNT(*) FROM account WHERE username = :username")
			.param("username", username)
			.query(Integer.class)
			.single() > 0;
	}

	void insert(AccountRow account, OffsetDateTime now) {
		this.jdbc
			.sql("INSERT INTO account (" + COLUMNS + ", password_changed_at) VALUES (:id, :username, :hash,"
					+ " :displayName, :status, 0, :createdAt, :createdAt)")
			.param("id", account.id())
			.param("username", account.username())
			.param("hash", account.passwordHash())
			.param("displayName", account.displayName())
			.param("status", account.status().name())
			.param("createdAt", now)
			.update();
	}

	/**
	 * An account with its grants, in one query: what every request with a token reads.
	 */
	Optional<AccountWithGrants> findWithGrants(UUID id) {
		List<Object[]> rows = this.jdbc
			.sql("SELECT a.id, a.username, a.password_hash, a.display_name, a.status, a.credentials_version,"
					+ " a.created_at, g.role, g.scope FROM account a LEFT JOIN account_grant g ON g.account_id = a.id"
					+ " WHERE a.id = :id")
			.param("id", id)
			.query((rs,
					rowNum) -> new Object[] { row(rs, rowNum),
							(rs.getString("role") != null)
									? new Grant(Role.valueOf(rs.getString("role")), rs.getString("scope")) : null })
			.list();
		if (rows.isEmpty()) {
			return Optional.empty();
		}
		Set<Grant> grants = new HashSet<>();
		for (Object[] row : rows) {
			if (row[1] != null) {
				grants.add((Grant) row[1]);
			}
		}
		return Optional.of(new AccountWithGrants((AccountRow) rows.get(0)[0], grants));
	}

	/** An account and what it may do. */
	record AccountWithGrants(AccountRow account, Set<Grant> grants) {

	}

	Set<Grant> grantsOf(UUID accountId) {
		return new HashSet<>(this.jdbc.sql("SELECT role, scope FROM account_grant WHERE account_id = :id")
			.param("id", accountId)
			.query((rs, row) -> new Grant(Role.valueOf(rs.getString("role")), rs.getString("scope")))
			.list());
	}

	void grant(UUID accountId, Grant grant, UUID grantedBy, OffsetDateTime now) {
		this.jdbc
			.sql("INSERT INTO account_grant (account_id, role, scope, granted_at, granted_by)"
					+ " SELECT :id, :role, :scope, :now, :by WHERE NOT EXISTS (SELECT 1 FROM account_grant"
					+ " WHERE account_id = :id AND role = :role AND scope = :scope)")
			.param("id", accountId)
			.param("role", grant.role().name())
			.param("scope", grant.scope())
			.param("now", now)
			.param("by", grantedBy)
			.update();
	}

	int revoke(UUID accountId, Grant grant) {
		return this.jdbc.sql("DELETE FROM account_grant WHERE account_id = :id AND role = :role AND scope = :scope")
			.param("id", accountId)
			.param("role", grant.role().name())
			.param("scope", grant.scope())
			.update();
	}

	/**
	 * Sets a new password and bumps the credentials version, which revokes every token.
	 */
	void changePassword(UUID id, String hash, OffsetDateTime now) {
		this.jdbc
			.sql("UPDATE account SET password_hash = :hash, credentials_version = credentials_version + 1,"
					+ " password_changed_at = :now WHERE id = :id")
			.param("id", id)
			.param("hash", hash)
			.param("now", now)
			.update();
	}

	void close(UUID id, String releasedUsername, OffsetDateTime now) {
		this.jdbc
			.sql("UPDATE account SET status = 'CLOSED', username = :released, display_name = '-',"
					+ " credentials_version = credentials_version + 1, password_changed_at = :now WHERE id = :id")
			.param("id", id)
			.param("released", releasedUsername)
			.param("now", now)
			.update();
	}

	/** Accounts holding an operator or auditor grant within the region prefix. */
	List<AccountRow> findStaffWithin(String regionCode, int limit, long offset) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM account a WHERE EXISTS (SELECT 1 FROM account_grant g"
					+ " WHERE g.account_id = a.id AND g.role IN ('OPERATOR', 'AUDITOR') AND g.scope LIKE :prefix)"
					+ " ORDER BY a.created_at, a.id LIMIT :limit OFFSET :offset")
			.param("prefix", Regions.prefixOf(regionCode) + "%")
			.param("limit", limit)
			.param("offset", offset)
			.query(AccountRepository::row)
			.list();
	}

	long countStaffWithin(String regionCode) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM account a WHERE EXISTS (SELECT 1 FROM account_grant g"
					+ " WHERE g.account_id = a.id AND g.role IN ('OPERATOR', 'AUDITOR') AND g.scope LIKE :prefix)")
			.param("prefix", Regions.prefixOf(regionCode) + "%")
			.query(Long.class)
			.single();
	}

	/**
	 * The named platform secret: 32 random bytes in base64, created by whichever instance
	 * asks first and read by every other.
	 */
	String secret(String name) {
		return findSecret(name).orElseGet(() -> {
			byte[] fresh = new byte[32];
			new SecureRandom().nextBytes(fresh);
			try {
				insertSecretIfAbsent(name, Base64.getEncoder().encodeToString(fresh), AccountManagement.now());
			}
			catch (DuplicateKeyException ex) {
				// another instance created it first; theirs is read below
			}
			return findSecret(name).orElseThrow();
		});
	}

	Optional<String> findSecret(String name) {
		return this.jdbc.sql("SELECT secret FROM platform_secret WHERE name = :name")
			.param("name", name)
			.query(String.class)
			.optional();
	}

	void insertSecretIfAbsent(String name, String secret, OffsetDateTime now) {
		this.jdbc
			.sql("INSERT INTO platform_secret (name, secret, created_at) SELECT :name, :secret, :now"
					+ " WHERE NOT EXISTS (SELECT 1 FROM platform_secret WHERE name = :name)")
			.param("name", name)
			.param("secret", secret)
			.param("now", now)
			.update();
	}

	private static AccountRow row(ResultSet rs, int rowNum) throws SQLException {
		return new AccountRow(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("password_hash"),
				rs.getString("display_name"), AccountStatus.valueOf(rs.getString("status")),
				rs.getInt("credentials_version"), rs.getObject("created_at", OffsetDateTime.class));
	}

}
