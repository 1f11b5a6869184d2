package org.zhiyuan.attendance;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

@Configuration(proxyBeanMethods = false)
class AttendanceJobs {

	/**
	 * Every ten minutes, on one instance: forgotten check-outs are closed and flagged.
	 */
	@Bean
	RecurringTask<Void> closeForgottenCheckouts(@Lazy Attendance attendance) {
		return Tasks.recurring("close-forgotten-checkouts", FixedDelay.of(Duration.ofMinutes(10)))
			.execute((instance, context) -> attendance.closeForgotten(OffsetDateTime.now(ZoneOffset.UTC)));
	}

}
