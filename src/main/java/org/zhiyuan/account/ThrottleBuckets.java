package org.zhiyuan.account;

import java.util.List;
import java.util.Optional;

import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.AbstractSelectForUpdateBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.LockAndGetResult;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.SelectForUpdateBasedTransaction;
import io.github.bucket4j.distributed.remote.RemoteBucketState;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * Bucket4j token buckets kept in the {@code sign_in_throttle} table (the sign-in's and
 * the password reset's), so that every instance on the database sees the same counts.
 * Each change reads the bucket's row {@code FOR UPDATE} in a transaction of its own, with
 * SQL that H2 and PostgreSQL both speak; Bucket4j's own PostgreSQL store uses
 * {@code ON CONFLICT (id)}, which H2 does not.
 */
final class ThrottleBuckets extends AbstractSelectForUpdateBasedProxyManager<Long> {

	private static final TransactionDefinition OWN_TRANSACTION = new DefaultTransactionDefinition(
			TransactionDefinition.PROPAGATION_REQUIRES_NEW);

	private final JdbcClient jdbc;

	private final PlatformTransactionManager transactions;

	ThrottleBuckets(JdbcClient jdbc, PlatformTransactionManager transactions, ClientSideConfig config) {
		super(config);
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	@Override
	public boolean isExpireAfterWriteSupported() {
		return true;
	}

	@Override
	public void removeProxy(Long key) {
		this.jdbc.sql("DELETE FROM sign_in_throttle WHERE id = :id").param("id", key).update();
	}

	/**
	 * Deletes the buckets that have refilled completely: they hold nothing to remember.
	 */
	int removeExpired(long nowMillis) {
		return this.jdbc.sql("DELETE FROM sign_in_throttle WHERE expires_at < :now").param("now", nowMillis).update();
	}

	@Override
	protected SelectForUpdateBasedTransaction allocateTransaction(Long key, Optional<Long> timeoutNanos) {
		return new RowTransaction(key);
	}

	private final class RowTransaction implements SelectForUpdateBasedTransaction {

		private final long key;

		private TransactionStatus status;

		RowTransaction(long key) {
			this.key = key;
		}

		@Override
		public void begin(Optional<Long> timeoutNanos) {
			this.status = ThrottleBuckets.this.transactions.getTransaction(OWN_TRANSACTION);
		}

		@Override
		public LockAndGetResult tryLockAndGet(Optional<Long> timeoutNanos) {
			List<byte[]> rows = ThrottleBuckets.this.jdbc
				.sql("SELECT state FROM sign_in_throttle WHERE id = :id FOR UPDATE")
				.param("id", this.key)
				.query((rs, row) -> rs.getBytes("state"))
				.list();
			return rows.isEmpty() ? LockAndGetResult.notLocked() : LockAndGetResult.locked(rows.get(0));
		}

		@Override
		public boolean tryInsertEmptyData(Optional<Long> timeoutNanos) {
			// without a conflict target, which H2 would not accept
			return ThrottleBuckets.this.jdbc
				.sql("INSERT INTO sign_in_throttle (id, state, expires_at) VALUES (:id, NULL, NULL)"
						+ " ON CONFLICT DO NOTHING")
				.param("id", this.key)
				.update() > 0;
		}

		@Override
		public void update(byte[] data, RemoteBucketState newState, Optional<Long> timeoutNanos) {
			long now = currentTimeNanos();
			Long expiresAt = getClientSideConfig().getExpirationAfterWriteStrategy().map((strategy) -> {
				long ttl = strategy.calculateTimeToLiveMillis(newState, now);
				return (ttl < 0) ? Long.MAX_VALUE : System.currentTimeMillis() + ttl;
			}).orElse(null);
			ThrottleBuckets.this.jdbc
				.sql("UPDATE sign_in_throttle SET state = :state, expires_at = :expiresAt WHERE id = :id")
				.param("state", data)
				.param("expiresAt", expiresAt)
				.param("id", this.key)
				.update();
		}

		@Override
		public void commit(Optional<Long> timeoutNanos) {
			TransactionStatus open = this.status;
			this.status = null;
			ThrottleBuckets.this.transactions.commit(open);
		}

		@Override
		public void rollback() {
			TransactionStatus open = this.status;
			this.status = null;
			if (open != null) {
				ThrottleBuckets.this.transactions.rollback(open);
			}
		}

		@Override
		public void release() {
			rollback();
		}

	}

}
