package org.zhiyuan.pairing;

import java.time.Duration;
import java.time.LocalDate;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

@Configuration(proxyBeanMethods = false)
class PairingJobs {

	/**
	 * Every hour, on one instance: visit periods that ended without a visit are flagged,
	 * once each, to the organization's admins and the region's operators.
	 */
	@Bean
	RecurringTask<Void> flagMissedPairingVisits(@Lazy Pairings pairings) {
		return Tasks.recurring("flag-missed-pairing-visits", FixedDelay.of(Duration.ofHours(1)))
			.execute((instance, context) -> pairings.flagMissedVisits(LocalDate.now(Pairings.CHINA)));
	}

}
