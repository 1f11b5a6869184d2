package org.zhiyuan.audit;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.zhiyuan.access.PersonalDataSection;
import org.zhiyuan.access.PersonalDataSource;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who else read or acted on a person's data, allowed or refused, as the audit log holds
 * it (see {@link AuditLog#on}), for their own data download. Their own reads are not
 * there: those are not audited as access to another's data.
 */
@Component
@Order(60)
class AuditPersonalData implements PersonalDataSource {

	private final JdbcClient jdbc;

	AuditPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<PersonalDataSection> sectionsOf(Subject subject) {
		List<AccessRow> accesses = this.jdbc
			.sql("SELECT occurred_at, actor_id, action, outcome, object_type, object_id FROM audit_event"
					+ " WHERE action LIKE 'personal-data.%'"
					+ " AND (subject_account_id = :account OR (object_type = 'volunteer' AND object_id = :volunteer))"
					+ " AND (actor_id IS NULL OR actor_id <> :account) ORDER BY occurred_at, id")
			.param("account", subject.accountId())
			.param("volunteer", subject.volunteerId().toString())
			.query((rs, row) -> new AccessRow(rs.getObject("occurred_at", OffsetDateTime.class),
					rs.getObject("actor_id", UUID.class), rs.getString("action"), rs.getString("outcome"),
					rs.getString("object_type"), rs.getString("object_id")))
			.list();
		return List.of(new PersonalDataSection("accessToMyData", "他人查阅 Access by others", accesses));
	}

	/**
	 * One time someone else asked to read ({@code personal-data.read}) or act on
	 * ({@code personal-data.manage}) the person's data: who (their account), what, and
	 * whether it was allowed.
	 */
	record AccessRow(OffsetDateTime occurredAt, UUID actorId, String action, String outcome, String objectType,
			String objectId) {

	}

}
