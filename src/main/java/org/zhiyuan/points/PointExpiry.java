package org.zhiyuan.points;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes off expired points every hour, a volunteer at a time in a transaction of their
 * own. Until it runs an expired lot is already out of the balance and never spent; the
 * entry makes the write-off visible in the volunteer's history.
 */
@Component
public class PointExpiry {

	static final int BATCH = 500;

	private final PointsRepository repository;

	private final PointLedger ledger;

	private final TransactionTemplate transaction;

	PointExpiry(PointsRepository repository, PointLedger ledger, PlatformTransactionManager transactions) {
		this.repository = repository;
		this.ledger = ledger;
		this.transaction = new TransactionTemplate(transactions);
	}

	/** Writes off what has expired; returns the points written off. */
	public int run() {
		int total = 0;
		List<UUID> volunteers;
		do {
			volunteers = this.repository.withExpiredLots(PointLedger.now(), BATCH);
			for (UUID volunteer : volunteers) {
				Integer expired = this.transaction.execute((status) -> this.ledger.expire(volunteer));
				total += (expired != null) ? expired : 0;
			}
		}
		while (volunteers.size() == BATCH);
		return total;
	}

	@Configuration(proxyBeanMethods = false)
	static class Jobs {

		@Bean
		RecurringTask<Void> expirePoints(@Lazy PointExpiry expiry) {
			return Tasks.recurring("expire-points", FixedDelay.of(Duration.ofHours(1)))
				.execute((instance, context) -> expiry.run());
		}

	}

}
