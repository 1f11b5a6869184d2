package org.zhiyuan.notification;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhiyuan.notification.NotificationChannel.Delivery;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Hands stored notifications to every {@link NotificationChannel} once the current
 * transaction has committed, and not at all when it rolls back. One channel's failure
 * neither reaches the sender nor stops the other channels.
 */
@Component
class NotificationDispatcher {

	private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);

	private final List<NotificationChannel> channels;

	NotificationDispatcher(List<NotificationChannel> channels) {
		this.channels = List.copyOf(channels);
	}

	void afterCommit(List<Delivery> deliveries) {
		if (deliveries.isEmpty() || this.channels.isEmpty()) {
			return;
		}
		List<Delivery> pending = List.copyOf(deliveries);
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			// nothing left to commit: the notifications are stored already
			deliver(pending);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				deliver(pending);
			}

		});
	}

	private void deliver(List<Delivery> deliveries) {
		for (Delivery delivery : deliveries) {
			for (NotificationChannel channel : this.channels) {
				try {
					channel.deliver(delivery);
				}
				catch (RuntimeException ex) {
					// the type only: a gateway's message may quote the recipient's number
					log.warn("Notification channel {} failed to deliver a {} notification: {}", channel.name(),
							delivery.kind(), ex.getClass().getName());
				}
			}
		}
	}

}
