package org.zhiyuan.activity;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

@Configuration(proxyBeanMethods = false)
class ActivityLifecycle {

	/**
	 * Every minute, on one instance: recruiting activities start, running ones finish.
	 */
	@Bean
	RecurringTask<Void> advanceActivityLifecycle(@Lazy Activities activities) {
		return Tasks.recurring("advance-activity-lifecycle", FixedDelay.of(Duration.ofMinutes(1)))
			.execute((instance, context) -> activities.advanceLifecycle());
	}

}
