package org.zhiyuan.volunteer;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.zhiyuan.audit.AuditNames;
import org.zhiyuan.shared.identity.PersonNames;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Names volunteers in the audit log, masked as everywhere ({@code 李*}). */
@Component
class VolunteerAuditNames implements AuditNames {

	private final JdbcClient jdbc;

	VolunteerAuditNames(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Set<String> types() {
		return Set.of("volunteer");
	}

	@Override
	public Map<String, String> namesOf(String type, Collection<String> ids) {
		List<UUID> uuids = AuditNames.uuids(ids);
		Map<String, String> names = new HashMap<>();
		if (uuids.isEmpty()) {
			return names;
		}
		this.jdbc.sql("SELECT id, name FROM volunteer WHERE id IN (:ids)")
			.param("ids", uuids)
			.query((rs, row) -> Map.entry(rs.getObject("id", UUID.class).toString(),
					PersonNames.mask(rs.getString("name"))))
			.list()
			.forEach((e) -> names.put(e.getKey(), e.getValue()));
		return names;
	}

}
