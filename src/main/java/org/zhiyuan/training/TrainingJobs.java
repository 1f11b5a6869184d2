package org.zhiyuan.training;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

@Configuration(proxyBeanMethods = false)
class TrainingJobs {

	/**
	 * Every hour, on one instance: volunteers whose qualification expires within 30 days
	 * are told, once each, with the sessions that renew it.
	 */
	@Bean
	RecurringTask<Void> remindExpiringQualifications(@Lazy TrainingResults results) {
		return Tasks.recurring("remind-expiring-qualifications", FixedDelay.of(Duration.ofHours(1)))
			.execute((instance, context) -> results.remindExpiring(LocalDate.now(ZoneId.of("Asia/Shanghai"))));
	}

}
