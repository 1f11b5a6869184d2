package org.zhiyuan.complaint;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

@Configuration(proxyBeanMethods = false)
class ComplaintJobs {

	/**
	 * Every hour, on one instance: the operators of each complaint past its deadline are
	 * told once.
	 */
	@Bean
	RecurringTask<Void> notifyOverdueComplaints(@Lazy Complaints complaints) {
		return Tasks.recurring("complaints-overdue", FixedDelay.of(Duration.ofHours(1)))
			.execute((instance, context) -> complaints.notifyOverdue());
	}

}
