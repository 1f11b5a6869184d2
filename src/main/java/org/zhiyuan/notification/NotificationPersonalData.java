package org.zhiyuan.notification;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

import org.zhiyuan.access.PersonalDataSection;
import org.zhiyuan.access.PersonalDataSource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The notifications a person was sent, read or not, in the language they download in, for
 * their own data download.
 */
@Component
@Order(50)
class NotificationPersonalData implements PersonalDataSource {

	private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final MessageSource messages;

	NotificationPersonalData(JdbcClient jdbc, JsonMapper json, MessageSource messages) {
		this.jdbc = jdbc;
		this.json = json;
		this.messages = messages;
	}

	@Override
	public List<PersonalDataSection> sectionsOf(Subject subject) {
		Locale locale = LocaleContextHolder.getLocale();
		List<NotificationRow> notifications = this.jdbc
			.sql("SELECT kind, message_key, message_args, link, created_at, read_at FROM notification"
					+ " WHERE account_id = :account ORDER BY created_at, id")
			.param("account", subject.accountId())
			.query((rs, row) -> {
				String key = rs.getString("message_key");
				List<String> args = this.json.readValue(rs.getString("message_args"), STRINGS);
				return new NotificationRow(rs.getString("kind"),
						this.messages.getMessage(key, args.toArray(), key, locale), rs.getString("link"),
						rs.getObject("created_at", OffsetDateTime.class),
						rs.getObject("read_at", OffsetDateTime.class));
			})
			.list();
		return List.of(new PersonalDataSection("notifications", "通知 Notifications", notifications));
	}

	/** A notification as the person saw it, and when they read it. */
	record NotificationRow(String kind, String message, String link, OffsetDateTime sentAt, OffsetDateTime readAt) {

	}

}
