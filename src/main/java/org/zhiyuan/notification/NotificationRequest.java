package org.zhiyuan.notification;

import java.util.List;
import java.util.UUID;

/**
 * A notification to send to one account.
 * <p>
 * {@code messageKey} is an i18n key, rendered with {@code args} in the reader's language
 * whenever the notification is shown, so the reader's later choice of language applies.
 * {@code args} are plain text that every channel may show or send on: they must never
 * contain ID numbers or phone numbers (name the activity or organization instead), and
 * together they must fit in 1000 characters as a JSON array. {@code link} is an optional
 * path within the platform ({@code /activities/…}), never an external address.
 * {@code dedupeKey}, when given, makes the notification idempotent per account: a second
 * request with the same key for the same account is silently ignored (e.g.
 * {@code reminder:<activity id>:24h}).
 */
public record NotificationRequest(UUID accountId, NotificationKind kind, String messageKey, List<String> args,
		String link, String dedupeKey) {

	public NotificationRequest {
		if (accountId == null || kind == null) {
			throw new IllegalArgumentException("A notification needs an account and a kind");
		}
		if (messageKey == null || messageKey.isBlank() || messageKey.length() > 100) {
			throw new IllegalArgumentException("A notification needs a message key of at most 100 characters");
		}
		args = (args != null) ? List.copyOf(args) : List.of();
		if (link != null && !isLocalPath(link)) {
			throw new IllegalArgumentException("A notification link must be a path within the platform");
		}
		if (dedupeKey != null && (dedupeKey.isBlank() || dedupeKey.length() > 200)) {
			throw new IllegalArgumentException("A dedupe key has 1 to 200 characters");
		}
	}

	/**
	 * Whether the link stays on this site: "//host" and "/\host" are other sites to a
	 * browser.
	 */
	static boolean isLocalPath(String link) {
		if (link.length() > 300 || !link.startsWith("/") || link.startsWith("//")) {
			return false;
		}
		return link.chars().noneMatch((c) -> c == '\\' || Character.isWhitespace(c) || Character.isISOControl(c));
	}

}
