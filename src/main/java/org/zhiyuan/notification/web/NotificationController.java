package org.zhiyuan.notification.web;

import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.zhiyuan.access.Actor;
import org.zhiyuan.notification.Notifications;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own notifications: list, unread count, mark read. */
@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "Notifications")
class NotificationController {

	private final Notifications notifications;

	private final MessageSource messages;

	NotificationController(Notifications notifications, MessageSource messages) {
		this.notifications = notifications;
		this.messages = messages;
	}

	@GetMapping
	@Operation(summary = "The caller's notifications, newest first",
			description = "message is rendered in the language of Accept-Language; messageKey and args are what it"
					+ " was rendered from.")
	PageResult<NotificationItem> list(@AuthenticationPrincipal Actor actor,
			@RequestParam(defaultValue = "false") boolean unreadOnly, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, Locale locale) {
		return this.notifications.listFor(actor.accountId(), unreadOnly, PageQuery.of(page, size))
			.map((view) -> NotificationItem.of(view, this.messages, locale));
	}

	@GetMapping("/unread-count")
	@Operation(summary = "How many of the caller's notifications are unread")
	UnreadCount unreadCount(@AuthenticationPrincipal Actor actor) {
		return new UnreadCount(this.notifications.unreadCount(actor.accountId()));
	}

	@PostMapping("/{id}/read")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Mark one of the caller's notifications read",
			description = "404 NOTIFICATION_NOT_FOUND when the caller has no such notification.")
	void markRead(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		this.notifications.markRead(actor.accountId(), id);
	}

	@PostMapping("/read-all")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Mark all of the caller's notifications read")
	void markAllRead(@AuthenticationPrincipal Actor actor) {
		this.notifications.markAllRead(actor.accountId());
	}

	record UnreadCount(long unread) {

	}

}
