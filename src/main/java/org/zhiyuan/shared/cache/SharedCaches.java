package org.zhiyuan.shared.cache;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Settings that requests read all the time and people change seldom (star thresholds,
 * point rules, webhook subscriptions), kept in this instance's memory and still correct
 * when several instances share one database.
 * <p>
 * Each kind of settings has a version in the database ({@code cache_version}). Whoever
 * changes the settings calls {@link #changed} in the same transaction, which adds one to
 * the version; this instance reads every version once a second. What a cache keeps is
 * tagged with the version it was read under and served only while that is still the
 * newest version this instance knows, so that:
 * <ul>
 * <li>a change made on this instance is seen at once, by the transaction that makes it
 * (which bypasses the cache) and by everyone else as soon as it commits;</li>
 * <li>a change made on another instance is seen here within about a second;</li>
 * <li>a value read from the database while a change was committing is never kept past the
 * next read of the versions;</li>
 * <li>when the versions cannot be read for {@value #TRUST_SECONDS} seconds (the database
 * unreachable, the reader stuck), nothing is served from memory.</li>
 * </ul>
 */
@Component
public class SharedCaches implements SmartLifecycle {

	/** How often the versions are read. */
	static final Duration POLL = Duration.ofSeconds(1);

	/** Without a successful read of the versions for this long, every read is fresh. */
	static final int TRUST_SECONDS = 10;

	private static final Logger log = LoggerFactory.getLogger(SharedCaches.class);

	private final JdbcClient jdbc;

	private final Map<String, Long> versions = new ConcurrentHashMap<>();

	private volatile long readAtNanos;

	private volatile boolean readOnce;

	private volatile ScheduledExecutorService poller;

	SharedCaches(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A cache of the named settings, holding at most {@code capacity} keys. */
	public <K, V> SharedCache<K, V> cache(String name, int capacity) {
		return new SharedCache<>(name, capacity, this);
	}

	/**
	 * Marks the named settings as changed, in the caller's transaction: every instance
	 * drops what it keeps of them once the transaction has committed.
	 */
	public void changed(String name) {
		if (this.jdbc.sql("UPDATE cache_version SET version = version + 1 WHERE name = :name")
			.param("name", name)
			.update() == 0) {
			this.jdbc.sql("INSERT INTO cache_version (name, version) VALUES (:name, 1)").param("name", name).update();
		}
		long version = this.jdbc.sql("SELECT version FROM cache_version WHERE name = :name")
			.param("name", name)
			.query(Long.class)
			.single();
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			seen(name, version);
			return;
		}
		Changed key = new Changed(name);
		AtomicLong written = (AtomicLong) TransactionSynchronizationManager.getResource(key);
		if (written != null) {
			written.accumulateAndGet(version, Math::max);
			return;
		}
		AtomicLong mine = new AtomicLong(version);
		TransactionSynchronizationManager.bindResource(key, mine);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				seen(name, mine.get());
			}

			@Override
			public void afterCompletion(int status) {
				TransactionSynchronizationManager.unbindResourceIfPossible(key);
			}

		});
	}

	/** Whether the current transaction has changed the named settings. */
	boolean changedHere(String name) {
		return TransactionSynchronizationManager.hasResource(new Changed(name));
	}

	/**
	 * The newest version of the named settings that this instance knows, or -1 when what
	 * it knows is too old to serve from memory.
	 */
	long current(String name) {
		if (!this.readOnce || System.nanoTime() - this.readAtNanos > TimeUnit.SECONDS.toNanos(TRUST_SECONDS)) {
			return -1;
		}
		return this.versions.getOrDefault(name, 0L);
	}

	/** Reads every version; run once a second. */
	void poll() {
		try {
			this.jdbc.sql("SELECT name, version FROM cache_version").query((rs) -> {
				seen(rs.getString(1), rs.getLong(2));
			});
			this.readAtNanos = System.nanoTime();
			this.readOnce = true;
		}
		catch (RuntimeException ex) {
			log.warn("The shared caches' versions could not be read: {}", ex.toString());
		}
	}

	private void seen(String name, long version) {
		this.versions.merge(name, version, Math::max);
	}

	@Override
	public void start() {
		poll();
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "shared-caches");
			thread.setDaemon(true);
			return thread;
		});
		executor.scheduleWithFixedDelay(this::poll, POLL.toMillis(), POLL.toMillis(), TimeUnit.MILLISECONDS);
		this.poller = executor;
	}

	@Override
	public void stop() {
		ScheduledExecutorService executor = this.poller;
		this.poller = null;
		if (executor != null) {
			executor.shutdownNow();
		}
	}

	@Override
	public boolean isRunning() {
		return this.poller != null;
	}

	/** The key under which a transaction notes the settings it has changed. */
	private record Changed(String name) {

	}

}
