package org.zhiyuan.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.zhiyuan.shared.Ids;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code notification} table; message arguments are kept as a JSON array of strings.
 */
@Repository
class NotificationRepository {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
	};

	private static final int MAX_ARGS_LENGTH = 1000;

	private static final String COLUMNS = "id, kind, message_key, message_args, link, created_at, read_at";

	private static final int CHUNK = 500;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	NotificationRepository(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/**
	 * Stores the notification unless the account already has one with its dedupe key.
	 * @return whether it was stored
	 */
	boolean insert(NotificationRequest request, OffsetDateTime now) {
		String args = JSON.writeValueAsString(request.args());
		if (args.length() > MAX_ARGS_LENGTH) {
			throw new IllegalArgumentException("Notification arguments exceed " + MAX_ARGS_LENGTH + " characters");
		}
		return this.jdbc
			.sql("INSERT INTO notification (id, account_id, kind, message_key, message_args, link, created_at,"
					+ " dedupe_key) VALUES (:id, :account, :kind, :key, :args, :link, :now, :dedupe)"
					+ " ON CONFLICT DO NOTHING")
			.param("id", Ids.newId())
			.param("account", request.accountId())
			.param("kind", request.kind().name())
			.param("key", request.messageKey())
			.param("args", args)
			.param("link", request.link())
			.param("now", now)
			.param("dedupe", request.dedupeKey())
			.update() == 1;
	}

	/**
	 * The accounts that {@code accountQuery} selects (a {@code SELECT} of one column
	 * named {@code account_id}) and that hold no notification with the dedupe key yet,
	 * each once, in the order of their ids.
	 */
	List<UUID> accountsWithout(String accountQuery, Map<String, ?> params, String dedupeKey) {
		List<UUID> selected = this.jdbc
			.sql("SELECT DISTINCT s.account_id FROM (" + accountQuery + ") s ORDER BY s.account_id")
			.params(params)
			.query(UUID.class)
			.list();
		// asked by the account, so that each question is one account's (on Citus: one
		// shard's) index
		Set<UUID> holding = new HashSet<>();
		for (int from = 0; from < selected.size(); from += CHUNK) {
			holding.addAll(this.jdbc
				.sql("SELECT account_id FROM notification WHERE account_id IN (:accounts) AND dedupe_key = :dedupe")
				.param("accounts", selected.subList(from, Math.min(from + CHUNK, selected.size())))
				.param("dedupe", dedupeKey)
				.query(UUID.class)
				.list());
		}
		return selected.stream().filter((account) -> !holding.contains(account)).toList();
	}

	/**
	 * Stores the template's notification for each of {@code accounts}, in batches; an
	 * account that got one with the dedupe key meanwhile is left out.
	 * @return the accounts it was stored for
	 */
	List<UUID> insertForEach(List<UUID> accounts, NotificationRequest template, OffsetDateTime now) {
		String args = JSON.writeValueAsString(template.args());
		if (args.length() > MAX_ARGS_LENGTH) {
			throw new IllegalArgumentException("Notification arguments exceed " + MAX_ARGS_LENGTH + " characters");
		}
		List<Object[]> rows = new ArrayList<>(accounts.size());
		for (UUID account : accounts) {
			rows.add(new Object[] { Ids.newId(), account, template.kind().name(), template.messageKey(), args,
					template.link(), now, template.dedupeKey() });
		}
		List<UUID> stored = new ArrayList<>(accounts.size());
		for (int from = 0; from < rows.size(); from += CHUNK) {
			int[] counts = this.template.batchUpdate(
					"INSERT INTO notification (id, account_id, kind, message_key, message_args, link, created_at,"
							+ " dedupe_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
					rows.subList(from, Math.min(from + CHUNK, rows.size())));
			for (int i = 0; i < counts.length; i++) {
				// a driver that does not say (a negative count) stored it: the rows were
				// looked up just before
				if (counts[i] != 0) {
					stored.add(accounts.get(from + i));
				}
			}
		}
		return stored;
	}

	PageResult<NotificationView> findFor(UUID accountId, boolean unreadOnly, PageQuery page) {
		String where = " WHERE account_id = :account" + (unreadOnly ? " AND read_at IS NULL" : "");
		long total = this.jdbc.sql("SELECT COUNT(*) FROM notification" + where)
			.param("account", accountId)
			.query(Long.class)
			.single();
		List<NotificationView> items = this.jdbc
			.sql("SELECT " + COLUMNS + " FROM notification" + where
					+ " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
			.param("account", accountId)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, row) -> view(rs))
			.list();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	long countUnread(UUID accountId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM notification WHERE account_id = :account AND read_at IS NULL")
			.param("account", accountId)
			.query(Long.class)
			.single();
	}

	boolean exists(UUID accountId, UUID id) {
		return this.jdbc.sql("SELECT COUNT(*) FROM notification WHERE id = :id AND account_id = :account")
			.param("id", id)
			.param("account", accountId)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Marks the account's notification read unless it already is; returns the rows
	 * changed.
	 */
	int markRead(UUID accountId, UUID id, OffsetDateTime now) {
		return this.jdbc
			.sql("UPDATE notification SET read_at = :now WHERE id = :id AND account_id = :account"
					+ " AND read_at IS NULL")
			.param("now", now)
			.param("id", id)
			.param("account", accountId)
			.update();
	}

	int markAllRead(UUID accountId, OffsetDateTime now) {
		return this.jdbc.sql("UPDATE notification SET read_at = :now WHERE account_id = :account AND read_at IS NULL")
			.param("now", now)
			.param("account", accountId)
			.update();
	}

	private static NotificationView view(ResultSet rs) throws SQLException {
		return new NotificationView(rs.getObject("id", UUID.class), NotificationKind.valueOf(rs.getString("kind")),
				rs.getString("message_key"), JSON.readValue(rs.getString("message_args"), STRINGS),
				rs.getString("link"), rs.getObject("created_at", OffsetDateTime.class),
				rs.getObject("read_at") != null);
	}

}
