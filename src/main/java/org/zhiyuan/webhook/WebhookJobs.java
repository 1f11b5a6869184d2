package org.zhiyuan.webhook;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import org.springframework.beans.factory.annotation.Value;
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

	/**
	 * Every day: the delivery log keeps {@code zhiyuan.webhooks.log-days} (default 30)
	 * days of ended deliveries.
	 */
	@Bean
	RecurringTask<Void> purgeWebhookLog(@Lazy WebhookSender sender,
			@Value("${zhiyuan.webhooks.log-days:30}") int days) {
		return Tasks.recurring("webhook-log-purge", FixedDelay.of(Duration.ofHours(24)))
			.execute((instance, context) -> sender.purge(Webhooks.now().minusDays(Math.max(1, days))));
	}

}
