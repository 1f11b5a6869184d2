package org.zhiyuan.erasure;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

@Configuration(proxyBeanMethods = false)
class ErasureJobs {

	/**
	 * Every six hours, on one instance: the data kept for carried-out erasures whose
	 * retention has ended loses what identified the volunteer.
	 */
	@Bean
	RecurringTask<Void> endErasureRetentions(@Lazy Erasures erasures) {
		return Tasks.recurring("erasure-retention", FixedDelay.of(Duration.ofHours(6)))
			.execute((instance, context) -> erasures.endRetentions(LocalDate.now(ZoneOffset.UTC)));
	}

}
