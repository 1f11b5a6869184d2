package org.zhiyuan.bench;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/**
 * Where the benchmark tools write their progress and results: standard output, in UTF-8
 * whatever the platform default, each progress line prefixed with the time of day.
 */
public final class Console {

	private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);

	private Console() {
	}

	/** A progress line, with the time of day. */
	public static void line(String text) {
		OUT.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + text);
	}

	/** Output as it is, e.g. a table. */
	public static void raw(String text) {
		OUT.println(text);
	}

}
