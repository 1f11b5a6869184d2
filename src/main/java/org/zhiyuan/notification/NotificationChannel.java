package org.zhiyuan.notification;

import java.util.List;
import java.util.UUID;

/**
 * A further way to reach a person besides the in-app list: SMS, WeChat, e-mail. Every
 * bean of this type receives every notification once it is stored and the transaction
 * that stored it has committed; a notification of an action that rolled back is never
 * delivered. Kinds that are not {@linkplain NotificationKind#listed() listed} (a one-time
 * code) come here only, never stored: such a delivery's arguments must be sent and then
 * forgotten, never logged or kept.
 * <p>
 * {@link #deliver} runs on the sending thread right after the commit, so an
 * implementation that calls a remote gateway should hand the delivery to its own queue or
 * background job, and one that writes to the database must do so in a new transaction. A
 * failure it throws is logged (its type only) and does not affect the action or the other
 * channels. The recipient's phone number or WeChat id is the channel's to look up from
 * the account id.
 */
public interface NotificationChannel {

	/** A short stable name for logs, e.g. {@code sms}. */
	String name();

	void deliver(Delivery delivery);

	/**
	 * One notification to deliver: the message as an i18n key with its arguments,
	 * rendered by the channel in the recipient's language.
	 */
	record Delivery(UUID accountId, NotificationKind kind, String messageKey, List<String> args, String link) {

	}

}
