package org.zhiyuan.shared;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DeadlockLoserDataAccessException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A transaction that lost a deadlock runs again, a bounded number of times, and only when
 * it is a transaction of its own.
 */
class DeadlockRetryUnitTests {

	@Test
	void aTransactionThatLostDeadlocksRunsAgainUntilItCommits() {
		AtomicInteger runs = new AtomicInteger();
		String answer = DeadlockRetry.run(() -> {
			if (runs.incrementAndGet() < 3) {
				throw new DeadlockLoserDataAccessException("chosen to give way", null);
			}
			return "committed";
		});
		assertThat(answer).isEqualTo("committed");
		assertThat(runs).hasValue(3);
	}

	@Test
	void itGivesUpAfterFiveRuns() {
		AtomicInteger runs = new AtomicInteger();
		assertThatThrownBy(() -> DeadlockRetry.run(() -> {
			runs.incrementAndGet();
			throw new DeadlockLoserDataAccessException("chosen to give way", null);
		})).isInstanceOf(DeadlockLoserDataAccessException.class);
		assertThat(runs).hasValue(10);
	}

	@Test
	void insideACallersTransactionTheFailureGoesToTheCaller() {
		AtomicInteger runs = new AtomicInteger();
		TransactionSynchronizationManager.setActualTransactionActive(true);
		try {
			assertThatThrownBy(() -> DeadlockRetry.run(() -> {
				runs.incrementAndGet();
				throw new DeadlockLoserDataAccessException("chosen to give way", null);
			})).isInstanceOf(DeadlockLoserDataAccessException.class);
		}
		finally {
			TransactionSynchronizationManager.setActualTransactionActive(false);
		}
		assertThat(runs).hasValue(1);
	}

	@Test
	void otherFailuresAreNotRunAgain() {
		AtomicInteger runs = new AtomicInteger();
		assertThatThrownBy(() -> DeadlockRetry.run(() -> {
			runs.incrementAndGet();
			throw new DataIntegrityViolationException("a duplicate");
		})).isInstanceOf(DataIntegrityViolationException.class);
		assertThat(runs).hasValue(1);
	}

}
