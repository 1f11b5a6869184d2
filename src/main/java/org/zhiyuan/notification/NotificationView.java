package org.zhiyuan.notification;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A stored notification as its recipient reads it, with its message still as key and
 * args.
 */
public record NotificationView(UUID id, NotificationKind kind, String messageKey, List<String> args, String link,
		OffsetDateTime createdAt, boolean read) {

}
