package org.zhiyuan.bench.load;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs closed-loop clients: each of {@code clients} workers takes the next unit of work
 * as soon as its previous request has been answered, like pgbench's clients. Workers are
 * virtual threads when the running JDK has them (found by reflection, so the driver still
 * builds for Java 17), else platform threads, one per client.
 */
final class Workers implements AutoCloseable {

	private final ExecutorService executor;

	private final boolean virtual;

	Workers(int maxClients) {
		ExecutorService virtualExecutor = null;
		try {
			Method factory = Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
			virtualExecutor = (ExecutorService) factory.invoke(null);
		}
		catch (ReflectiveOperationException ex) {
			// Java 17 to 20: no virtual threads
		}
		this.virtual = virtualExecutor != null;
		this.executor = this.virtual ? virtualExecutor : Executors.newFixedThreadPool(maxClients + 8);
	}

	boolean virtual() {
		return this.virtual;
	}

	ExecutorService executor() {
		return this.executor;
	}

	/**
	 * Runs units {@code 0..total-1} on {@code clients} concurrent workers; waits for all.
	 */
	void run(int clients, int total, Unit unit) throws InterruptedException {
		AtomicInteger next = new AtomicInteger();
		List<Future<?>> futures = new ArrayList<>();
		for (int c = 0; c < Math.min(clients, Math.max(total, 1)); c++) {
			futures.add(this.executor.submit(() -> {
				for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
					unit.run(i);
				}
				return null;
			}));
		}
		for (Future<?> future : futures) {
			try {
				future.get();
			}
			catch (ExecutionException ex) {
				throw new IllegalStateException("a worker failed", ex.getCause());
			}
		}
	}

	@Override
	public void close() {
		this.executor.shutdownNow();
	}

	/** One unit of work, e.g. one volunteer's sign-up. */
	@FunctionalInterface
	interface Unit {

		void run(int index) throws Exception;

	}

}
