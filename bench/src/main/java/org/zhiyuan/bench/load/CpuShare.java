package org.zhiyuan.bench.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where the machine's processor time went during a measured phase: the platform, the
 * database, this driver, everything else, and what stayed idle, in cores (a second of
 * processor time per second of the phase). The platform, the database and the driver
 * share the same cores, so this says whether a scenario was limited by the machine and
 * which of them used it.
 * <p>
 * Read from Linux's {@code /proc}: each process's user and system time, and the machine's
 * idle time. Processes that end during the phase are not counted (the platform keeps its
 * database connections, so their server processes last); elsewhere than Linux the figures
 * are simply absent.
 */
final class CpuShare {

	/** Linux's clock ticks per second for {@code /proc} times (USER_HZ). */
	private static final double TICKS = 100.0;

	private static final Path PROC = Path.of("/proc");

	private static final long SELF = ProcessHandle.current().pid();

	private CpuShare() {
	}

	/** The processes' and the machine's times now; empty when {@code /proc} is absent. */
	static Snapshot snapshot() {
		if (!Files.isReadable(PROC.resolve("stat"))) {
			return Snapshot.NONE;
		}
		Map<Long, long[]> processes = new HashMap<>();
		try (Stream<Path> entries = Files.list(PROC)) {
			entries.forEach((entry) -> {
				String name = entry.getFileName().toString();
				if (!name.chars().allMatch(Character::isDigit)) {
					return;
				}
				long pid = Long.parseLong(name);
				long ticks = ticksOf(entry);
				if (ticks >= 0) {
					processes.put(pid, new long[] { ticks, kindOf(pid, entry) });
				}
			});
			return new Snapshot(processes, idleTicks());
		}
		catch (IOException | RuntimeException ex) {
			return Snapshot.NONE;
		}
	}

	/**
	 * Processor time in each kind of process between two snapshots, as processor
	 * {@code ticks}, and the machine's idle ticks under {@code idle}.
	 */
	static Map<String, Long> between(Snapshot before, Snapshot after) {
		Map<String, Long> ticks = new LinkedHashMap<>();
		if (before == Snapshot.NONE || after == Snapshot.NONE) {
			return ticks;
		}
		for (Kind kind : Kind.values()) {
			ticks.put(kind.label, 0L);
		}
		after.processes.forEach((pid, now) -> {
			long[] then = before.processes.get(pid);
			long used = (then != null) ? now[0] - then[0] : now[0];
			ticks.merge(Kind.values()[(int) now[1]].label, Math.max(0, used), Long::sum);
		});
		ticks.put("idle", Math.max(0, after.idle - before.idle));
		return ticks;
	}

	/** Ticks over a phase's seconds as cores, rounded to hundredths. */
	static Map<String, Double> cores(Map<String, Long> ticks, double seconds) {
		Map<String, Double> cores = new LinkedHashMap<>();
		if (seconds <= 0) {
			return cores;
		}
		ticks.forEach((kind, used) -> cores.put(kind, Recorder.round(used / TICKS / seconds, 2)));
		return cores;
	}

	private static long ticksOf(Path process) {
		try {
			String stat = Files.readString(process.resolve("stat"), StandardCharsets.ISO_8859_1);
			// the fields after the command's name, which is in parentheses and may hold
			// spaces: state is the first, utime the 12th and stime the 13th
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

	private static long kindOf(long pid, Path process) {
		if (pid == SELF) {
			return Kind.DRIVER.ordinal();
		}
		try {
			String command = new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8)
				.replace('\0', ' ');
			String name = Files.readString(process.resolve("comm"), StandardCharsets.UTF_8).strip();
			if (command.contains("--server.port=")) {
				return Kind.PLATFORM.ordinal();
			}
			if (name.equals("postgres") || command.startsWith("postgres")) {
				return Kind.DATABASE.ordinal();
			}
		}
		catch (IOException | RuntimeException ex) {
			// a process that ended meanwhile
		}
		return Kind.OTHER.ordinal();
	}

	/** The machine's idle and I/O-wait ticks, over all its cores. */
	private static long idleTicks() throws IOException {
		String cpu = Files.readAllLines(PROC.resolve("stat")).get(0);
		String[] fields = cpu.trim().split("\\s+");
		return Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
	}

	private enum Kind {

		PLATFORM("platform"), DATABASE("database"), DRIVER("driver"), OTHER("other");

		final String label;

		Kind(String label) {
			this.label = label;
		}

	}

	/** Each process's ticks and kind, and the machine's idle ticks. */
	record Snapshot(Map<Long, long[]> processes, long idle) {

		static final Snapshot NONE = new Snapshot(Map.of(), 0);

	}

}
