package org.zhiyuan.emergency;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

@Configuration(proxyBeanMethods = false)
class EmergencyJobs {

	/**
	 * Every minute, on one instance: the mobilizations whose needs still lack people call
	 * their next wave when its time has come.
	 */
	@Bean
	RecurringTask<Void> callEmergencyWaves(@Lazy Mobilizations mobilizations) {
		return Tasks.recurring("emergency-waves", FixedDelay.of(Duration.ofMinutes(1)))
			.execute((instance, context) -> mobilizations.callDueWaves());
	}

}
