package org.zhiyuan.bench;

import java.util.Arrays;

import org.zhiyuan.bench.ceiling.H2Ceiling;
import org.zhiyuan.bench.generate.DataGenerator;
import org.zhiyuan.bench.generate.H2Compaction;
import org.zhiyuan.bench.generate.ScenarioFixtures;
import org.zhiyuan.bench.load.LoadDriver;
import org.zhiyuan.bench.report.Report;

/**
 * The benchmark's command line: {@code generate} fills a database with a realistic data
 * set, {@code fixtures} adds the activities and sign-ups the scenarios need,
 * {@code drive} runs the HTTP scenarios against a running platform, {@code h2-ceiling}
 * runs the sign-up's transaction straight on the embedded database (in-process JDBC, the
 * platform stopped), {@code compact} gives an H2 file back the space of rewritten pages,
 * and {@code report} puts the HTTP figures, the pgbench and H2 ceilings and the start-up
 * measurements side by side.
 */
public final class Bench {

	private Bench() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length == 0) {
			Console.line("usage: bench generate|fixtures|drive|h2-ceiling|compact|report --option=value ...");
			System.exit(2);
		}
		Options options = Options.parse(Arrays.copyOfRange(args, 1, args.length));
		switch (args[0]) {
			case "generate" -> new DataGenerator(options).run();
			case "fixtures" -> new ScenarioFixtures(options).run();
			case "drive" -> new LoadDriver(options).run();
			case "h2-ceiling" -> new H2Ceiling(options).run();
			case "compact" -> new H2Compaction(options).run();
			case "report" -> new Report(options).run();
			default -> {
				Console.line("unknown command: " + args[0]);
				System.exit(2);
			}
		}
	}

}
