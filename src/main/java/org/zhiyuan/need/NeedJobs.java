package org.zhiyuan.need;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

@Configuration(proxyBeanMethods = false)
class NeedJobs {

	/**
	 * Every five minutes, on one instance: needs late for a step are flagged to their
	 * region's operators, once per step ({@link NeedProperties}).
	 */
	@Bean
	RecurringTask<Void> flagLateNeeds(@Lazy Needs needs) {
		return Tasks.recurring("flag-late-needs", FixedDelay.of(Duration.ofMinutes(5)))
			.execute((instance, context) -> needs.flagLate());
	}

}
