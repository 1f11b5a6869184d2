package org.zhiyuan.stats;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * On the first start after the statistics came (and after a database is created, or a
 * migration added a rollup and asked for them to be built again), builds them once from
 * the facts already there, before the application serves a request or runs a task; later
 * starts find them built and do nothing. Whichever instance comes first builds; the
 * others wait for the fold's lock and find them built.
 */
@Component
class StatsBackfill implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(StatsBackfill.class);

	private final StatsRebuild rebuild;

	StatsBackfill(StatsRebuild rebuild) {
		this.rebuild = rebuild;
	}

	@Override
	public void afterSingletonsInstantiated() {
		long started = System.nanoTime();
		if (this.rebuild.buildIfNeeded()) {
			log.info("Statistics built from the facts in {} ms", (System.nanoTime() - started) / 1_000_000);
		}
	}

}
