package org.zhiyuan.webhook;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

@Configuration(proxyBeanMethods = false)
class WebhookJobs {

	/**
	 * Every few seconds, on one instance: the webhook deliveries that are due are
	 * attempted.
	 */
	@Bean
	RecurringTask<Void> deliverWebhooks(@Lazy WebhookSender sender) {
		return Tasks.recurring("webhook-deliveries", FixedDelay.of(Duration.ofSeconds(2)))
			.execute((instance, context) -> sender.deliverDue(Webhooks.now()));
	}

}
