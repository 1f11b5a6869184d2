package org.zhiyuan.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Background work on db-scheduler: tasks live in the {@code scheduled_tasks} table and
 * each execution is picked by exactly one instance, so several instances can share one
 * database. Modules contribute work as {@link Task} beans; recurring ones start by
 * themselves.
 */
@Configuration(proxyBeanMethods = false)
class SchedulerConfiguration {

	@Bean
	RecurringTask<Void> purgeExpiredSessions(JdbcIndexedSessionRepository sessions) {
		return Tasks.recurring("purge-expired-sessions", FixedDelay.of(Duration.ofMinutes(10)))
			.execute((instance, context) -> sessions.cleanUpExpiredSessions());
	}

	@Bean(destroyMethod = "stop")
	Scheduler scheduler(DataSource dataSource, ObjectProvider<Task<?>> tasks) {
		List<Task<?>> known = new ArrayList<>();
		List<RecurringTask<?>> recurring = new ArrayList<>();
		tasks.orderedStream().forEach((task) -> {
			if (task instanceof RecurringTask<?> r) {
				recurring.add(r);
			}
			else {
				known.add(task);
			}
		});
		return Scheduler.create(dataSource, known)
			.startTasks(recurring)
			.threads(2)
			.pollingInterval(Duration.ofSeconds(5))
			.enableImmediateExecution()
			.build();
	}

	/** Starts only once the application is ready, so that migrations have run. */
	@EventListener(ApplicationReadyEvent.class)
	void start(ApplicationReadyEvent event) {
		event.getApplicationContext().getBean(Scheduler.class).start();
	}

}
