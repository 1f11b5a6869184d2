package org.zhiyuan.stats;

import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * On the first start after the statistics came (and after a database is created, or a
 * migration added a rollup and asked for them to be built again), builds them once from
 * the facts already there; later starts find them built and do nothing. A small
 * installation (at most {@code zhiyuan.stats.build-before-serving} service records) has
 * them built before the application serves, in a moment; a large one starts serving at
 * once and builds them in the background, while the dashboards say that the figures are
 * being built and the fold waits (the build reads the facts as of one moment, and what is
 * written meanwhile is folded after it). Whichever instance comes first builds; the
 * others wait for the fold's lock and find them built.
 */
@Component
class StatsBackfill implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(StatsBackfill.class);

	private final StatsRebuild rebuild;

	private final long beforeServing;

	private volatile boolean inBackground;

	StatsBackfill(StatsRebuild rebuild, @Value("${zhiyuan.stats.build-before-serving}") long beforeServing) {
		this.rebuild = rebuild;
		this.beforeServing = beforeServing;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (!this.rebuild.needed()) {
			return;
		}
		if (this.rebuild.factsUpTo(this.beforeServing + 1) > this.beforeServing) {
			this.inBackground = true;
			log.info("Statistics will be built from the facts in the background once the platform serves");
			return;
		}
		long started = System.nanoTime();
		if (this.rebuild.buildIfNeeded()) {
			log.info("Statistics built from the facts in {} ms", (System.nanoTime() - started) / 1_000_000);
		}
	}

	@EventListener(ApplicationReadyEvent.class)
	void ready() {
		if (this.inBackground) {
			inBackground();
		}
	}

	/**
	 * Builds the statistics in a thread of their own unless they are built; tells whether
	 * this call built them.
	 */
	CompletableFuture<Boolean> inBackground() {
		CompletableFuture<Boolean> done = new CompletableFuture<>();
		Thread thread = new Thread(() -> {
			long started = System.nanoTime();
			try {
				boolean built = this.rebuild.buildIfNeeded();
				if (built) {
					log.info("Statistics built from the facts in the background in {} s",
							(System.nanoTime() - started) / 1_000_000_000);
				}
				done.complete(built);
			}
			catch (RuntimeException ex) {
				log.error("Statistics could not be built; they are built again at the next start", ex);
				done.completeExceptionally(ex);
			}
		}, "statistics-build");
		thread.setDaemon(true);
		thread.start();
		return done;
	}

}
