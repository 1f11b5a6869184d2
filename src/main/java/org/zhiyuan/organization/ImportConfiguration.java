package org.zhiyuan.organization;

import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

@Configuration(proxyBeanMethods = false)
class ImportConfiguration {

	/**
	 * Each queued import runs once, on whichever instance picks it; a crash resumes it.
	 */
	@Bean
	OneTimeTask<Void> volunteerImportTask(@Lazy VolunteerImports imports) {
		return Tasks.oneTime(VolunteerImports.TASK)
			.execute((instance, context) -> imports.process(UUID.fromString(instance.getId())));
	}

}
