package org.zhiyuan.insurance;

import java.time.Duration;
import java.time.LocalDate;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

@Configuration(proxyBeanMethods = false)
class InsuranceJobs {

	/**
	 * Every six hours, on one instance: admins of organizations whose policies end within
	 * {@value InsurancePolicies#WARNING_DAYS} days are warned, once per policy.
	 */
	@Bean
	RecurringTask<Void> warnOfEndingPolicies(@Lazy InsurancePolicies insurance) {
		return Tasks.recurring("warn-of-ending-insurance", FixedDelay.of(Duration.ofHours(6)))
			.execute((instance, context) -> insurance.warnEnding(LocalDate.now(Cover.CHINA)));
	}

}
