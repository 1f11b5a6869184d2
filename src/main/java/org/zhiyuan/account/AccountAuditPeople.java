package org.zhiyuan.account;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.zhiyuan.audit.AuditNames;
import org.zhiyuan.audit.AuditPeople;
import org.zhiyuan.shared.identity.PersonNames;
import org.zhiyuan.shared.identity.PhoneNumbers;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Answers the audit log who the accounts of its entries are: actors by display name and
 * staff username (a volunteer's username is their phone number, shown masked), the people
 * whose data was read masked, and accounts named in an audit entry masked too.
 */
@Component
class AccountAuditPeople implements AuditPeople, AuditNames {

	private final JdbcClient jdbc;

	AccountAuditPeople(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<UUID, String> actorLabels(Collection<UUID> accountIds) {
		Map<UUID, String> labels = new HashMap<>();
		rows(accountIds).forEach((row) -> labels.put(row.id(), row.displayName() + " (" + username(row) + ")"));
		return labels;
	}

	@Override
	public Map<UUID, String> maskedNames(Collection<UUID> accountIds) {
		Map<UUID, String> names = new HashMap<>();
		rows(accountIds).forEach((row) -> names.put(row.id(), PersonNames.mask(row.displayName())));
		return names;
	}

	@Override
	public List<UUID> matching(String text, int limit) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		String needle = text.strip();
		return this.jdbc
			.sql("SELECT id FROM account WHERE display_name LIKE :like OR username = :username"
					+ " ORDER BY display_name LIMIT :limit")
			.param("like", "%" + needle.replace("\\", "").replace("%", "").replace("_", "") + "%")
			.param("username", AccountManagement.normalize(needle))
			.param("limit", limit)
			.query(UUID.class)
			.list();
	}

	@Override
	public java.util.Set<String> types() {
		return java.util.Set.of("account");
	}

	@Override
	public Map<String, String> namesOf(String type, Collection<String> ids) {
		Map<String, String> names = new HashMap<>();
		maskedNames(AuditNames.uuids(ids)).forEach((id, name) -> names.put(id.toString(), name));
		return names;
	}

	private List<Row> rows(Collection<UUID> accountIds) {
		if (accountIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("SELECT id, username, display_name FROM account WHERE id IN (:ids)")
			.param("ids", List.copyOf(accountIds))
			.query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("username"),
					rs.getString("display_name")))
			.list();
	}

	private static String username(Row row) {
		String username = row.username().toLowerCase(Locale.ROOT);
		return username.chars().allMatch(Character::isDigit) ? PhoneNumbers.mask(username) : username;
	}

	private record Row(UUID id, String username, String displayName) {

	}

}
