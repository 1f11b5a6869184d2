package org.zhiyuan.shared.cache;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.zhiyuan.support.ApiTestSupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Settings kept in memory are read once, and read again after a change committed here or
 * on another instance sharing the database; a transaction that changes them reads its
 * own, and one that rolls back leaves what others keep.
 */
class SharedCachesApiTests extends ApiTestSupport {

	@Autowired
	SharedCaches caches;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void aValueIsReadOnceAndAgainAfterAChangeCommittedHere() {
		String name = uniqueName();
		SharedCache<String, String> cache = this.caches.cache(name, 10);
		AtomicInteger reads = new AtomicInteger();
		this.caches.poll();
		assertThat(cache.get("k", (k) -> "v" + reads.incrementAndGet())).isEqualTo("v1");
		assertThat(cache.get("k", (k) -> "v" + reads.incrementAndGet())).as("kept").isEqualTo("v1");
		new TransactionTemplate(this.transactions).executeWithoutResult((status) -> {
			this.caches.changed(name);
			assertThat(cache.get("k", (k) -> "mine" + reads.incrementAndGet()))
				.as("the changing transaction reads afresh")
				.isEqualTo("mine2");
		});
		assertThat(cache.get("k", (k) -> "v" + reads.incrementAndGet())).as("read again after the commit")
			.isEqualTo("v3");
		assertThat(cache.get("k", (k) -> "v" + reads.incrementAndGet())).isEqualTo("v3");
	}

	@Test
	void aChangeRolledBackKeepsWhatWasKept() {
		String name = uniqueName();
		SharedCache<String, String> cache = this.caches.cache(name, 10);
		this.caches.poll();
		assertThat(cache.get("k", (k) -> "before")).isEqualTo("before");
		TransactionTemplate transaction = new TransactionTemplate(this.transactions);
		transaction.executeWithoutResult((status) -> {
			this.caches.changed(name);
			status.setRollbackOnly();
		});
		this.caches.poll();
		assertThat(cache.get("k", (k) -> "after")).isEqualTo("before");
	}

	@Test
	void aChangeCommittedByAnotherInstanceIsSeenAtTheNextReadOfTheVersions() {
		String name = uniqueName();
		SharedCache<String, String> cache = this.caches.cache(name, 10);
		this.caches.changed(name);
		this.caches.poll();
		assertThat(cache.get("k", (k) -> "old")).isEqualTo("old");
		// what another instance's change leaves in the shared database
		this.jdbc.sql("UPDATE cache_version SET version = version + 1 WHERE name = :name").param("name", name).update();
		assertThat(cache.get("k", (k) -> "new")).as("until this instance reads the versions").isEqualTo("old");
		this.caches.poll();
		assertThat(cache.get("k", (k) -> "new")).isEqualTo("new");
	}

	private static String uniqueName() {
		return "test-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
