package org.zhiyuan.record;

import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhiyuan.access.Actor;
import org.zhiyuan.access.Grant;
import org.zhiyuan.region.Regions;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The chain verification command: {@code java -jar zhiyuan.jar --server.port=0
 * --zhiyuan.verify-records=110105} checks every volunteer's record chain in the region,
 * logs each break, and exits with 0 when all chains are intact and 3 when one is broken.
 * Whoever can run the jar against the database is trusted with it; the run is audited.
 */
@Component
@ConditionalOnProperty("zhiyuan.verify-records")
class RecordVerificationCommand implements ApplicationRunner {

	/** The actor of commands run on the server itself, as the audit log shows it. */
	static final UUID COMMAND_ACTOR = new UUID(0, 1);

	private static final Logger log = LoggerFactory.getLogger(RecordVerificationCommand.class);

	private final RecordChains records;

	private final ConfigurableApplicationContext context;

	private final String regionCode;

	RecordVerificationCommand(RecordChains records, ConfigurableApplicationContext context,
			@Value("${zhiyuan.verify-records}") String regionCode) {
		this.records = records;
		this.context = context;
		this.regionCode = regionCode.strip();
	}

	@Override
	public void run(ApplicationArguments args) {
		String region = this.regionCode.isEmpty() || "true".equals(this.regionCode) ? Regions.NATIONAL
				: this.regionCode;
		Actor command = new Actor(COMMAND_ACTOR, "command", "command", Set.of(Grant.auditorOf(Regions.NATIONAL)));
		RegionVerification result = this.records.verifyAll(command, region);
		for (RegionVerification.BrokenChain broken : result.broken()) {
			log.error("Record chain broken: volunteer {} at record {}", broken.volunteerNumber(),
					broken.brokenAtSequence());
		}
		log.info("Record chains of {}: {} volunteers, {} records checked, {} broken{}", region,
				result.volunteersChecked(), result.recordsChecked(), result.broken().size(),
				result.capped() ? " (stopped at the cap; run per district for the rest)" : "");
		int code = result.broken().isEmpty() ? 0 : 3;
		ExitCodeGenerator exit = () -> code;
		System.exit(SpringApplication.exit(this.context, exit));
	}

}
