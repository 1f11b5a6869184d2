package org.zhiyuan.notification.web;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.zhiyuan.notification.NotificationKind;
import org.zhiyuan.notification.NotificationView;

import org.springframework.context.MessageSource;

/**
 * A notification as shown: its message rendered in the reader's language, with the key
 * and arguments it was rendered from.
 */
record NotificationItem(UUID id, NotificationKind kind, String message, String messageKey, List<String> args,
		String link, OffsetDateTime createdAt, boolean read) {

	static NotificationItem of(NotificationView view, MessageSource messages, Locale locale) {
		String message = messages.getMessage(view.messageKey(), view.args().toArray(), view.messageKey(), locale);
		return new NotificationItem(view.id(), view.kind(), message, view.messageKey(), view.args(), view.link(),
				view.createdAt(), view.read());
	}

}
