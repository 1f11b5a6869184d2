package org.zhiyuan.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.zhiyuan.shared.Ids;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

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

	private final JdbcClient jdbc;

	NotificationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
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
	 * The accounts that {@code accountQuery} selects and that hold no notification with
	 * the dedupe key yet.
	 */
	List<UUID> accountsOf(String accountQuery, java.util.Map<String, ?> params, String dedupeKey) {
		return this.jdbc
			.sql("SELECT s.account_id FROM (" + accountQuery + ") s WHERE NOT EXISTS (SELECT 1 FROM notification n"
					+ " WHERE n.account_id = s.account_id AND n.dedupe_key = :notificationDedupe)")
			.params(params)
			.param("notificationDedupe", dedupeKey)
			.query(UUID.class)
			.list();
	}

	/**
	 * Stores one notification for each account that {@code accountQuery} selects (a
	 * {@code SELECT} of one column named {@code account_id}), in one statement; accounts
	 * that hold one with the dedupe key already are left out.
	 * @return how many were stored
	 */
	int insertForEach(String accountQuery, java.util.Map<String, ?> params, NotificationRequest template,
			OffsetDateTime now) {
		String args = JSON.writeValueAsString(template.args());
		if (args.length() > MAX_ARGS_LENGTH) {
			throw new IllegalArgumentException("Notification arguments exceed " + MAX_ARGS_LENGTH + " characters");
		}
		return this.jdbc
			.sql("INSERT INTO notification (id, account_id, kind, message_key, message_args, link, created_at,"
					+ " dedupe_key) SELECT GEN_RANDOM_UUID(), s.account_id, CAST(:notificationKind AS VARCHAR(40)),"
					+ " CAST(:notificationKey AS VARCHAR(100)), CAST(:notificationArgs AS VARCHAR(1000)),"
					+ " CAST(:notificationLink AS VARCHAR(300)), :notificationNow,"
					+ " CAST(:notificationDedupe AS VARCHAR(200)) FROM (" + accountQuery
					+ ") s WHERE NOT EXISTS (SELECT 1 FROM notification n WHERE n.account_id ="
					+ " s.account_id AND n.dedupe_key = :notificationDedupe)")
			.params(params)
			.param("notificationKind", template.kind().name())
			.param("notificationKey", template.messageKey())
			.param("notificationArgs", args)
			.param("notificationLink", template.link())
			.param("notificationNow", now)
			.param("notificationDedupe", template.dedupeKey())
			.update();
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
