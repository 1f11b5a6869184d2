package org.zhiyuan.shared;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a transaction again when the database chose it to give way in a deadlock. On a
 * Citus cluster the directory's copies (accounts, grants, volunteers) are locked node by
 * node, so simultaneous writes to several of them may deadlock where one PostgreSQL would
 * have made one wait (see {@code docs/scale-out.md}). Only a transaction of its own can
 * be run again: inside a caller's transaction the failure goes to that caller, whose
 * transaction is lost with it.
 */
public final class DeadlockRetry {

	private static final int ATTEMPTS = 10;

	private DeadlockRetry() {
	}

	/**
	 * The value of {@code transaction}, run up to ten times, a few random milliseconds
	 * apart (more the more it has lost), while it loses deadlocks.
	 */
	public static <T> T run(Supplier<T> transaction) {
		for (int attempt = 1;; attempt++) {
			try {
				return transaction.get();
			}
			catch (PessimisticLockingFailureException ex) {
				if (attempt == ATTEMPTS || TransactionSynchronizationManager.isActualTransactionActive()) {
					throw ex;
				}
				try {
					// a moment apart, so that the attempts do not meet again
					Thread.sleep(ThreadLocalRandom.current().nextLong(10, 100L * attempt));
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw ex;
				}
			}
		}
	}

}
