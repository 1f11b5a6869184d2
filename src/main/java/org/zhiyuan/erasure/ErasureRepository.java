package org.zhiyuan.erasure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.zhiyuan.access.ErasureSource.ErasureItem.Treatment;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;
import org.zhiyuan.shared.identity.PersonNames;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ErasureRepository {

	static final String OPERATOR_ACCOUNTS = "SELECT DISTINCT account_id FROM account_grant WHERE role = 'OPERATOR'"
			+ " AND scope IN (:codes)";

	private static final String COLUMNS = "SELECT e.id, e.volunteer_id, e.account_id, e.region_code, e.scope,"
			+ " e.reason, e.status, e.requested_at, e.decided_at, e.decision_note, e.carried_out_at, e.retained_until,"
			+ " e.retention_ended_at, e.pseudonym, v.volunteer_number, v.name"
			+ " FROM erasure_request e JOIN volunteer v ON v.id = e.volunteer_id";

	private final JdbcClient jdbc;

	ErasureRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID id, UUID volunteerId, UUID accountId, String regionCode, ErasureScope scope, String reason,
			String idempotencyKey, OffsetDateTime now) {
		this.jdbc
			.sql("INSERT INTO erasure_request (id, volunteer_id, account_id, region_code, scope, reason, status,"
					+ " open_volunteer_id, idempotency_key, requested_at) VALUES (:id, :volunteer, :account, :region,"
					+ " :scope, :reason, 'QUEUED', :volunteer, :key, :now)")
			.param("id", id)
			.param("volunteer", volunteerId)
			.param("account", accountId)
			.param("region", regionCode)
			.param("scope", scope.name())
			.param("reason", reason)
			.param("key", idempotencyKey)
			.param("now", now)
			.update();
	}

	Optional<UUID> withKey(UUID accountId, String key) {
		if (key == null) {
			return Optional.empty();
		}
		return this.jdbc.sql("SELECT id FROM erasure_request WHERE account_id = :a AND idempotency_key = :k")
			.param("a", accountId)
			.param("k", key)
			.query(UUID.class)
			.optional();
	}

	boolean hasOpen(UUID volunteerId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM erasure_request WHERE open_volunteer_id = :v")
			.param("v", volunteerId)
			.query(Long.class)
			.single() > 0;
	}

	Optional<Stored> find(UUID id) {
		return this.jdbc.sql(COLUMNS + " WHERE e.id = :id").param("id", id).query(ErasureRepository::stored).optional();
	}

	Optional<ErasureStatus> lockStatus(UUID id) {
		return this.jdbc.sql("SELECT status FROM erasure_request WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query((rs, n) -> ErasureStatus.valueOf(rs.getString(1)))
			.optional();
	}

	void close(UUID id, ErasureStatus status) {
		this.jdbc.sql("UPDATE erasure_request SET status = :s, open_volunteer_id = NULL WHERE id = :id")
			.param("s", status.name())
			.param("id", id)
			.update();
	}

	void decide(UUID id, ErasureStatus status, UUID by, String note, OffsetDateTime now) {
		this.jdbc
			.sql("UPDATE erasure_request SET status = :s, open_volunteer_id = NULL, decided_by = :by,"
					+ " decided_at = :now, decision_note = :note WHERE id = :id")
			.param("s", status.name())
			.param("by", by)
			.param("now", now)
			.param("note", note)
			.param("id", id)
			.update();
	}

	void carriedOut(UUID id, LocalDate retainedUntil, OffsetDateTime now) {
		this.jdbc.sql("UPDATE erasure_request SET carried_out_at = :now, retained_until = :until WHERE id = :id")
			.param("now", now)
			.param("until", retainedUntil)
			.param("id", id)
			.update();
	}

	void insertItem(UUID requestId, int position, ErasureItemView item) {
		this.jdbc
			.sql("INSERT INTO erasure_item (request_id, position, module, item, treatment, row_count, kept_until,"
					+ " erased_at) VALUES (:r, :p, :module, :item, :treatment, :count, :until, :erased)")
			.param("r", requestId)
			.param("p", position)
			.param("module", item.module())
			.param("item", item.item())
			.param("treatment", item.treatment().name())
			.param("count", item.count())
			.param("until", item.keptUntil())
			.param("erased", item.erasedAt())
			.update();
	}

	List<ErasureItemView> items(UUID requestId) {
		return this.jdbc
			.sql("SELECT module, item, treatment, row_count, kept_until, erased_at FROM erasure_item"
					+ " WHERE request_id = :r ORDER BY position")
			.param("r", requestId)
			.query((rs, n) -> new ErasureItemView(rs.getString("module"), rs.getString("item"),
					Treatment.valueOf(rs.getString("treatment")), rs.getLong("row_count"),
					rs.getObject("kept_until", LocalDate.class), rs.getObject("erased_at", OffsetDateTime.class)))
			.list();
	}

	/** The carried-out ALL requests whose kept data's retention has ended by the day. */
	List<UUID> retentionDue(LocalDate today) {
		return this.jdbc
			.sql("SELECT id FROM erasure_request WHERE status = 'CARRIED_OUT' AND scope = 'ALL'"
					+ " AND retention_ended_at IS NULL AND retained_until <= :today ORDER BY retained_until, id")
			.param("today", today)
			.query(UUID.class)
			.list();
	}

	/** Marks the retention ended, once: false when another run has done it. */
	boolean retentionEnded(UUID id, String pseudonym, OffsetDateTime now) {
		boolean ended = this.jdbc
			.sql("UPDATE erasure_request SET retention_ended_at = :now, pseudonym = :p WHERE id = :id"
					+ " AND retention_ended_at IS NULL")
			.param("now", now)
			.param("p", pseudonym)
			.param("id", id)
			.update() == 1;
		if (ended) {
			this.jdbc.sql("UPDATE erasure_item SET erased_at = :now WHERE request_id = :id AND treatment = 'KEEP'")
				.param("now", now)
				.param("id", id)
				.update();
		}
		return ended;
	}

	PageResult<ErasureRequestView> ofVolunteer(UUID volunteerId, PageQuery page) {
		long total = this.jdbc.sql("SELECT COUNT(*) FROM erasure_request WHERE volunteer_id = :v")
			.param("v", volunteerId)
			.query(Long.class)
			.single();
		List<ErasureRequestView> items = this.jdbc
			.sql(COLUMNS + " WHERE e.volunteer_id = :v ORDER BY e.requested_at DESC, e.id LIMIT :size OFFSET :offset")
			.param("v", volunteerId)
			.param("size", page.size())
			.param("offset", page.offset())
			.query((rs, n) -> stored(rs, n).view())
			.list();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	PageResult<ErasureRequestView> ofRegions(List<String> prefixes, ErasureStatus status, PageQuery page) {
		StringBuilder where = new StringBuilder(" WHERE (");
		for (int i = 0; i < prefixes.size(); i++) {
			where.append((i > 0) ? " OR " : "").append("e.region_code LIKE :p").append(i);
		}
		where.append(")");
		if (status != null) {
			where.append(" AND e.status = :status");
		}
		long total = bind(this.jdbc.sql("SELECT COUNT(*) FROM erasure_request e" + where), prefixes, status)
			.query(Long.class)
			.single();
		List<ErasureRequestView> items = bind(this.jdbc
			.sql(COLUMNS + where + " ORDER BY CASE WHEN e.status = 'QUEUED' THEN 0 ELSE 1 END, e.requested_at, e.id"
					+ " LIMIT :size OFFSET :offset"),
				prefixes, status)
			.param("size", page.size())
			.param("offset", page.offset())
			.query((rs, n) -> stored(rs, n).view())
			.list();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, List<String> prefixes,
			ErasureStatus status) {
		for (int i = 0; i < prefixes.size(); i++) {
			spec = spec.param("p" + i, prefixes.get(i) + "%");
		}
		return (status != null) ? spec.param("status", status.name()) : spec;
	}

	private static Stored stored(ResultSet rs, int row) throws SQLException {
		String pseudonym = rs.getString("pseudonym");
		String name = (pseudonym != null) ? pseudonym : PersonNames.mask(rs.getString("name"));
		return new Stored(new ErasureRequestView(rs.getObject("id", UUID.class),
				rs.getObject("volunteer_id", UUID.class), rs.getString("volunteer_number"), name,
				rs.getString("region_code"), ErasureScope.valueOf(rs.getString("scope")), rs.getString("reason"),
				ErasureStatus.valueOf(rs.getString("status")), rs.getObject("requested_at", OffsetDateTime.class),
				rs.getObject("decided_at", OffsetDateTime.class), rs.getString("decision_note"),
				rs.getObject("carried_out_at", OffsetDateTime.class), rs.getObject("retained_until", LocalDate.class),
				rs.getObject("retention_ended_at", OffsetDateTime.class), null),
				rs.getObject("account_id", UUID.class));
	}

	/** A request as stored, with the volunteer's account. */
	record Stored(ErasureRequestView view, UUID accountId) {

	}

}
