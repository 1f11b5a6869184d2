package org.zhiyuan.activity;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.zhiyuan.audit.AuditNames;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Names activities and projects in the audit log by their titles. */
@Component
class ActivityAuditNames implements AuditNames {

	private final JdbcClient jdbc;

	ActivityAuditNames(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Set<String> types() {
		return Set.of("activity", "activity-attendance", "activity-roster", "project");
	}

	@Override
	public Map<String, String> namesOf(String type, Collection<String> ids) {
		List<UUID> uuids = AuditNames.uuids(ids);
		Map<String, String> names = new HashMap<>();
		if (uuids.isEmpty()) {
			return names;
		}
		this.jdbc
			.sql("project".equals(type) ? "SELECT id, name AS title FROM project WHERE id IN (:ids)"
					: "SELECT id, title FROM activity WHERE id IN (:ids)")
			.param("ids", uuids)
			.query((rs, row) -> Map.entry(rs.getObject("id", UUID.class).toString(), rs.getString("title")))
			.list()
			.forEach((e) -> names.put(e.getKey(), e.getValue()));
		return names;
	}

}
