package org.zhiyuan.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Stands in for an SMS gateway: logs that a message would be sent, with the account id,
 * kind and message key only, never its arguments or a phone number. This is the place to
 * plug a real SMS or WeChat gateway: implement {@link NotificationChannel} with the
 * gateway's client (looking up the recipient's number from the account id, rendering the
 * message key in their language) and turn this one off with
 * {@code zhiyuan.notification.sms-log.enabled=false}.
 */
@Component
@ConditionalOnBooleanProperty(name = "zhiyuan.notification.sms-log.enabled", matchIfMissing = true)
class LoggingSmsChannel implements NotificationChannel {

	private static final Logger log = LoggerFactory.getLogger(LoggingSmsChannel.class);

	@Override
	public String name() {
		return "sms-log";
	}

	@Override
	public void deliver(Delivery delivery) {
		log.info("SMS (log only) to account {}: {} {}", delivery.accountId(), delivery.kind(), delivery.messageKey());
	}

}
