package org.zhiyuan.system;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.stats.MicrometerStatsRegistry;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import io.micrometer.core.instrument.MeterRegistry;

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

	/**
	 * The scheduler of this instance. Its name (host and process) is what the
	 * {@code picked_by} column shows for an execution it runs; its executions are counted
	 * per task in the metrics ({@code dbscheduler_task_completions_total},
	 * {@code dbscheduler_task_last_run_timestamp_seconds} at
	 * {@code /actuator/prometheus}), so that a job that stops running, or fails every
	 * time, can raise an alarm instead of going unnoticed.
	 */
	@Bean(destroyMethod = "stop")
	Scheduler scheduler(DataSource dataSource, ObjectProvider<Task<?>> tasks, ObjectProvider<MeterRegistry> meters) {
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
		List<Task<?>> all = new ArrayList<>(known);
		all.addAll(recurring);
		SchedulerBuilder builder = Scheduler.create(dataSource, known)
			.schedulerName(new SchedulerName.Fixed(instanceName()))
			.startTasks(recurring)
			.threads(2)
			.pollingInterval(Duration.ofSeconds(5))
			.enableImmediateExecution();
		MeterRegistry registry = meters.getIfAvailable();
		if (registry != null) {
			builder.statsRegistry(new MicrometerStatsRegistry(registry, all));
		}
		return builder.build();
	}

	/** The host's name and this process's id: unique among instances on one host. */
	private static String instanceName() {
		String host = System.getenv("HOSTNAME");
		if (host == null || host.isBlank()) {
			try {
				host = InetAddress.getLocalHost().getHostName();
			}
			catch (UnknownHostException ex) {
				host = "localhost";
			}
		}
		return host + "-" + ProcessHandle.current().pid();
	}

	/** Starts only once the application is ready, so that migrations have run. */
	@EventListener(ApplicationReadyEvent.class)
	void start(ApplicationReadyEvent event) {
		event.getApplicationContext().getBean(Scheduler.class).start();
	}

}
