package org.zhiyuan.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.zhiyuan.notification.NotificationChannel.Delivery;

import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationDispatcherUnitTests {

	private final Capturing channel = new Capturing();

	private final NotificationDispatcher dispatcher = new NotificationDispatcher(List.of(new Failing(), this.channel));

	private final TransactionTemplate transaction = new TransactionTemplate(new NoDatabaseTransactions());

	private final Delivery delivery = new Delivery(UUID.randomUUID(), NotificationKind.ACTIVITY_CANCELLED,
			"notification.activityCancelled", List.of("社区敬老"), null);

	@Test
	void deliversOnlyOnceTheTransactionHasCommitted() {
		this.transaction.executeWithoutResult((status) -> {
			this.dispatcher.afterCommit(List.of(this.delivery));
			assertThat(this.channel.delivered).isEmpty();
		});
		assertThat(this.channel.delivered).containsExactly(this.delivery);
	}

	@Test
	void deliversNothingWhenTheTransactionRollsBack() {
		this.transaction.executeWithoutResult((status) -> {
			this.dispatcher.afterCommit(List.of(this.delivery));
			status.setRollbackOnly();
		});
		assertThat(this.channel.delivered).isEmpty();
	}

	@Test
	void deliversAtOnceOutsideATransaction() {
		this.dispatcher.afterCommit(List.of(this.delivery));
		assertThat(this.channel.delivered).containsExactly(this.delivery);
	}

	@Test
	void keepsDeliveringWhenAnotherChannelFails() {
		Delivery second = new Delivery(UUID.randomUUID(), NotificationKind.GENERAL, "notification.general", List.of(),
				"/notifications");
		this.transaction.executeWithoutResult((status) -> this.dispatcher.afterCommit(List.of(this.delivery, second)));
		assertThat(this.channel.delivered).containsExactly(this.delivery, second);
	}

	static final class Capturing implements NotificationChannel {

		final List<Delivery> delivered = new ArrayList<>();

		@Override
		public String name() {
			return "capturing";
		}

		@Override
		public void deliver(Delivery delivery) {
			this.delivered.add(delivery);
		}

	}

	static final class Failing implements NotificationChannel {

		@Override
		public String name() {
			return "failing";
		}

		@Override
		public void deliver(Delivery delivery) {
			throw new IllegalStateException("gateway down");
		}

	}

	/** Transactions with synchronization and nothing behind them. */
	static final class NoDatabaseTransactions extends AbstractPlatformTransactionManager {

		@Override
		protected Object doGetTransaction() {
			return new Object();
		}

		@Override
		protected void doBegin(Object transaction, TransactionDefinition definition) {
		}

		@Override
		protected void doCommit(DefaultTransactionStatus status) {
		}

		@Override
		protected void doRollback(DefaultTransactionStatus status) {
		}

	}

}
