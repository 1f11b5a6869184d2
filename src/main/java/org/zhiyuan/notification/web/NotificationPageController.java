package org.zhiyuan.notification.web;

import java.util.Locale;
import java.util.UUID;

import org.zhiyuan.access.Actor;
import org.zhiyuan.notification.Notifications;
import org.zhiyuan.shared.PageQuery;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The notifications page, where opening a notification marks it read, and the unread
 * badge that the navigation bar polls.
 */
@Controller
class NotificationPageController {

	private final Notifications notifications;

	private final MessageSource messages;

	NotificationPageController(Notifications notifications, MessageSource messages) {
		this.notifications = notifications;
		this.messages = messages;
	}

	@GetMapping("/notifications")
	String list(@AuthenticationPrincipal Actor actor, @RequestParam(defaultValue = "false") boolean unreadOnly,
			@RequestParam(required = false) Integer page, Locale locale, Model model) {
		model.addAttribute("unreadOnly", unreadOnly);
		model.addAttribute("unread", this.notifications.unreadCount(actor.accountId()));
		model.addAttribute("notifications",
				this.notifications.listFor(actor.accountId(), unreadOnly, PageQuery.of(page, 20))
					.map((view) -> NotificationItem.of(view, this.messages, locale)));
		return "notification/list";
	}

	@GetMapping("/notifications/badge")
	String badge(@AuthenticationPrincipal Actor actor, Model model) {
		model.addAttribute("unread", this.notifications.unreadCount(actor.accountId()));
		return "notification/badge :: badge";
	}

	/**
	 * Marks the notification read and follows its link, if it has one within the site.
	 */
	@PostMapping("/notifications/{id}/read")
	String open(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) String next) {
		this.notifications.markRead(actor.accountId(), id);
		return "redirect:" + (isLocalPath(next) ? next : "/notifications");
	}

	@PostMapping("/notifications/read-all")
	String markAllRead(@AuthenticationPrincipal Actor actor) {
		this.notifications.markAllRead(actor.accountId());
		return "redirect:/notifications";
	}

	// the link comes back from the form, so it must not lead off the site ("//host",
	// "/\host")
	private static boolean isLocalPath(String next) {
		return next != null && next.startsWith("/") && !next.startsWith("//")
				&& next.chars().noneMatch((c) -> c == '\\' || Character.isWhitespace(c) || Character.isISOControl(c));
	}

}
