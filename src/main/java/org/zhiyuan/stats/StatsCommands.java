package org.zhiyuan.stats;

import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhiyuan.access.Actor;
import org.zhiyuan.access.Grant;
import org.zhiyuan.audit.AuditLog;
import org.zhiyuan.audit.AuditRecord;
import org.zhiyuan.region.Regions;
import org.zhiyuan.stats.Reconciliation.Difference;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The statistics' commands, run as {@code java -jar zhiyuan.jar --server.port=0 …} by
 * whoever can run the jar against the database (trusted with it; runs are audited):
 * {@code --zhiyuan.verify-stats=110105} reconciles a region's figures with the facts,
 * logs each difference and exits with 0 when there is none and 3 otherwise;
 * {@code --zhiyuan.rebuild-stats=true} builds every figure from the facts again (after a
 * bulk load into the tables, or an upgrade during which older instances kept writing) and
 * exits with 0.
 */
@Configuration(proxyBeanMethods = false)
class StatsCommands {

	/** The actor of commands run on the server itself, as the audit log shows it. */
	static final UUID COMMAND_ACTOR = new UUID(0, 1);

	private static final Logger log = LoggerFactory.getLogger(StatsCommands.class);

	@Bean
	@ConditionalOnProperty("zhiyuan.verify-stats")
	ApplicationRunner verifyStatistics(Statistics statistics, ConfigurableApplicationContext context,
			@Value("${zhiyuan.verify-stats}") String regionCode) {
		return (ApplicationArguments args) -> {
			String region = regionCode.isBlank() || "true".equals(regionCode.strip()) ? Regions.NATIONAL
					: regionCode.strip();
			Actor command = new Actor(COMMAND_ACTOR, "command", "command", Set.of(Grant.operatorOf(Regions.NATIONAL)));
			Reconciliation result = statistics.reconcile(command, region);
			for (Difference difference : result.differences()) {
				log.error("Statistics differ: {} {} {}={} {}: recounted {}, rolled up {}", difference.check(),
						difference.figure(), difference.dim(), difference.key(), difference.period(),
						difference.expected(), difference.actual());
			}
			log.info("Statistics of {}: {} figures checked, {} differences", region, result.figuresChecked(),
					result.differences().size());
			int code = result.consistent() ? 0 : 3;
			exit(context, code);
		};
	}

	@Bean
	@ConditionalOnProperty(name = "zhiyuan.rebuild-stats", havingValue = "true")
	ApplicationRunner rebuildStatistics(StatsRebuild rebuild, AuditLog auditLog,
			ConfigurableApplicationContext context) {
		return (ApplicationArguments args) -> {
			long started = System.nanoTime();
			rebuild.rebuild();
			auditLog.record(AuditRecord.of("stats.rebuild", COMMAND_ACTOR)
				.on("region", Regions.NATIONAL)
				.inRegion(Regions.NATIONAL));
			log.info("Statistics rebuilt from the facts in {} ms", (System.nanoTime() - started) / 1_000_000);
			exit(context, 0);
		};
	}

	private static void exit(ConfigurableApplicationContext context, int code) {
		ExitCodeGenerator exit = () -> code;
		System.exit(SpringApplication.exit(context, exit));
	}

}
