package org.zhiyuan.organization;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.zhiyuan.audit.AuditNames;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Names organizations in the audit log. */
@Component
class OrganizationAuditNames implements AuditNames {

	private final JdbcClient jdbc;

	OrganizationAuditNames(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Set<String> types() {
		return Set.of("organization", "organization-flagged-records", "member-candidates");
	}

	@Override
	public Map<String, String> namesOf(String type, Collection<String> ids) {
		List<UUID> uuids = AuditNames.uuids(ids);
		Map<String, String> names = new HashMap<>();
		if (uuids.isEmpty()) {
			return names;
		}
		this.jdbc.sql("SELECT id, name FROM organization WHERE id IN (:ids)")
			.param("ids", uuids)
			.query((rs, row) -> Map.entry(rs.getObject("id", UUID.class).toString(), rs.getString("name")))
			.list()
			.forEach((e) -> names.put(e.getKey(), e.getValue()));
		return names;
	}

}
