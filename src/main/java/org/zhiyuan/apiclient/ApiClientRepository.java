package org.zhiyuan.apiclient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.zhiyuan.region.Regions;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code api_client} table. */
@Repository
class ApiClientRepository {

	private static final String COLUMNS = "id, client_id, name, scopes, region_code, account_id, secret_hash,"
			+ " secret_version, status, created_by, created_at, secret_rotated_at, revoked_at, last_used_at";

	private final JdbcClient jdbc;

	ApiClientRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(ApiClientRow row, String idempotencyKey) {
		this.jdbc
			.sql("INSERT INTO api_client (" + COLUMNS + ", idempotency_key) VALUES (:id, :clientId, :name,"
					+ " :scopes, :region, :account, :hash, :version, :status, :by, :at, NULL, NULL, NULL, :key)")
			.param("id", row.id())
			.param("clientId", row.clientId())
			.param("name", row.name())
			.param("scopes", String.join(" ", row.scopes()))
			.param("region", row.regionCode())
			.param("account", row.accountId())
			.param("hash", row.secretHash())
			.param("version", row.secretVersion())
			.param("status", row.status())
			.param("by", row.createdBy())
			.param("at", row.createdAt())
			.param("key", idempotencyKey)
			.update();
	}

	Optional<ApiClientRow> find(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM api_client WHERE id = :id")
			.param("id", id)
			.query(ApiClientRepository::map)
			.optional();
	}

	Optional<ApiClientRow> findByClientId(String clientId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM api_client WHERE client_id = :clientId")
			.param("clientId", clientId)
			.query(ApiClientRepository::map)
			.optional();
	}

	Optional<ApiClientRow> findByKey(UUID createdBy, String idempotencyKey) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM api_client WHERE created_by = :by AND idempotency_key = :key")
			.param("by", createdBy)
			.param("key", idempotencyKey)
			.query(ApiClientRepository::map)
			.optional();
	}

	/** The clients of the region and the regions below it, the newest first. */
	List<ApiClientRow> within(String regionCode, int limit, long offset) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM api_client WHERE region_code LIKE :prefix"
					+ " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
			.param("prefix", prefix(regionCode))
			.param("limit", limit)
			.param("offset", offset)
			.query(ApiClientRepository::map)
			.list();
	}

	long countWithin(String regionCode) {
		return this.jdbc.sql("SELECT COUNT(*) FROM api_client WHERE region_code LIKE :prefix")
			.param("prefix", prefix(regionCode))
			.query(Long.class)
			.single();
	}

	/** A new secret; the version goes up so that tokens of the old one are refused. */
	int rotate(UUID id, String secretHash, OffsetDateTime now) {
		return this.jdbc
			.sql("UPDATE api_client SET secret_hash = :hash, secret_version = secret_version + 1,"
					+ " secret_rotated_at = :now WHERE id = :id AND status = 'ACTIVE'")
			.param("hash", secretHash)
			.param("now", now)
			.param("id", id)
			.update();
	}

	/** The same secret hashed anew (a stronger encoding): tokens stay valid. */
	void rehash(String clientId, String secretHash) {
		this.jdbc.sql("UPDATE api_client SET secret_hash = :hash WHERE client_id = :clientId")
			.param("hash", secretHash)
			.param("clientId", clientId)
			.update();
	}

	int revoke(UUID id, UUID by, OffsetDateTime now) {
		return this.jdbc
			.sql("UPDATE api_client SET status = 'REVOKED', revoked_at = :now, revoked_by = :by"
					+ " WHERE id = :id AND status = 'ACTIVE'")
			.param("now", now)
			.param("by", by)
			.param("id", id)
			.update();
	}

	/** Notes a call; written at most once a minute a client. */
	void used(UUID id, OffsetDateTime now) {
		this.jdbc
			.sql("UPDATE api_client SET last_used_at = :now WHERE id = :id"
					+ " AND (last_used_at IS NULL OR last_used_at < :minuteAgo)")
			.param("now", now)
			.param("minuteAgo", now.minusMinutes(1))
			.param("id", id)
			.update();
	}

	private static String prefix(String regionCode) {
		return Regions.prefixOf(regionCode) + "%";
	}

	private static ApiClientRow map(ResultSet rs, int row) throws SQLException {
		return new ApiClientRow(rs.getObject("id", UUID.class), rs.getString("client_id"), rs.getString("name"),
				ApiClientRow.scopesOf(rs.getString("scopes")), rs.getString("region_code"),
				rs.getObject("account_id", UUID.class), rs.getString("secret_hash"), rs.getInt("secret_version"),
				rs.getString("status"), rs.getObject("created_by", UUID.class),
				rs.getObject("created_at", OffsetDateTime.class),
				rs.getObject("secret_rotated_at", OffsetDateTime.class),
				rs.getObject("revoked_at", OffsetDateTime.class), rs.getObject("last_used_at", OffsetDateTime.class));
	}

}
