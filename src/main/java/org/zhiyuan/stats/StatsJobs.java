package org.zhiyuan.stats;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

@Configuration(proxyBeanMethods = false)
class StatsJobs {

	/**
	 * Every two seconds, on one instance at a time: the outbox is folded into the
	 * rollups, so that figures follow the facts within seconds (the scheduler's polling
	 * sets the pace when it is slower).
	 */
	@Bean
	RecurringTask<Void> foldStatistics(@Lazy StatisticsFold fold) {
		return Tasks.recurring("fold-statistics", FixedDelay.of(Duration.ofSeconds(2)))
			.execute((instance, context) -> fold.foldAll());
	}

}
