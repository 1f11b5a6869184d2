package org.zhiyuan.support;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.zhiyuan.notification.NotificationChannel;
import org.zhiyuan.notification.NotificationKind;

/**
 * A notification channel that keeps what it is handed, as an SMS gateway would receive
 * it: for tests that need a code that only the channels ever see (the code to set a new
 * password).
 */
public class SentMessages implements NotificationChannel {

	private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

	@Override
	public String name() {
		return "test-capture";
	}

	@Override
	public void deliver(Delivery delivery) {
		this.deliveries.add(delivery);
	}

	/** Everything handed to the channel for the account, oldest first. */
	public List<Delivery> to(UUID accountId) {
		return this.deliveries.stream().filter((delivery) -> delivery.accountId().equals(accountId)).toList();
	}

	/** The newest code to set a new password sent to the account, if any. */
	public Optional<String> lastResetCodeFor(UUID accountId) {
		return to(accountId).stream()
			.filter((delivery) -> delivery.kind() == NotificationKind.PASSWORD_RESET_CODE)
			.reduce((first, second) -> second)
			.map((delivery) -> delivery.args().get(0));
	}

	/** The newest code sent to the account; fails the test when none was sent. */
	public String resetCodeFor(UUID accountId) {
		return lastResetCodeFor(accountId)
			.orElseThrow(() -> new AssertionError("no password reset code was sent to " + accountId));
	}

}
