package org.zhiyuan.audit;

import java.util.List;

import org.zhiyuan.access.ErasureSource;
import org.zhiyuan.access.PersonalDataSource.Subject;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The audit log is kept as it is: it holds no personal data beyond ids, and it is the
 * record of who did what, the erasure included.
 */
@Component
@Order(60)
class AuditErasure implements ErasureSource {

	private final JdbcClient jdbc;

	AuditErasure(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<ErasureItem> erasureOf(Subject subject) {
		long count = this.jdbc
			.sql("SELECT COUNT(*) FROM audit_event WHERE actor_id = :account OR subject_account_id = :account"
					+ " OR (object_type = 'volunteer' AND object_id = :volunteer)")
			.param("account", subject.accountId())
			.param("volunteer", subject.volunteerId().toString())
			.query(Long.class)
			.single();
		return List.of(ErasureItem.keep("audit", "erasure.item.auditLog", count, null));
	}

	@Override
	public void erase(Subject subject) {
		// the audit log is append-only
	}

}
