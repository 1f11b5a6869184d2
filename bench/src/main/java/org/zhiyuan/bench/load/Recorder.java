package org.zhiyuan.bench.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Collects one measured phase: the latency of every request, answers by status and
 * problem code, and the wall time from the first request to the last answer. Latency
 * percentiles are exact (every sample is kept, sorted once).
 */
final class Recorder {

	private final String name;

	private final List<long[]> chunks = new ArrayList<>();

	private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();

	private final Map<String, LongAdder> codes = new ConcurrentHashMap<>();

	private final Map<String, Object> checks = new LinkedHashMap<>();

	private final List<String> notes = new ArrayList<>();

	private long[] current = new long[1 << 16];

	private int used;

	private long started;

	private long ended;

	private CpuShare.Snapshot cpuAtStart = CpuShare.Snapshot.NONE;

	private Map<String, Long> cpuTicks = new LinkedHashMap<>();

	Recorder(String name) {
		this.name = name;
	}

	void start() {
		this.cpuAtStart = CpuShare.snapshot();
		this.started = System.nanoTime();
	}

	void stop() {
		this.ended = System.nanoTime();
		this.cpuTicks = CpuShare.between(this.cpuAtStart, CpuShare.snapshot());
	}

	/** Records an answer; problem codes only for answers that are not 2xx. */
	void record(Http.Reply reply) {
		synchronized (this) {
			if (this.used == this.current.length) {
				this.chunks.add(this.current);
				this.current = new long[this.current.length];
				this.used = 0;
			}
			this.current[this.used++] = reply.nanos();
		}
		this.statuses.computeIfAbsent(reply.status(), (k) -> new LongAdder()).increment();
		if (!reply.ok()) {
			this.codes.computeIfAbsent(reply.problemCode(), (k) -> new LongAdder()).increment();
		}
	}

	void check(String name, Object value) {
		this.checks.put(name, value);
	}

	void note(String note) {
		this.notes.add(note);
	}

	String name() {
		return this.name;
	}

	double seconds() {
		return (this.ended - this.started) / 1e9;
	}

	synchronized long[] samples() {
		int total = this.chunks.size() * this.current.length + this.used;
		long[] all = new long[total];
		int at = 0;
		for (long[] chunk : this.chunks) {
			System.arraycopy(chunk, 0, all, at, chunk.length);
			at += chunk.length;
		}
		System.arraycopy(this.current, 0, all, at, this.used);
		return all;
	}

	/** The figures of this phase, ready for the results file. */
	Map<String, Object> result() {
		return result(samples(), seconds());
	}

	/** The figures of several phases taken as one (their times added up). */
	static Map<String, Object> combined(String name, Recorder... parts) {
		Recorder whole = new Recorder(name);
		List<long[]> samples = new ArrayList<>();
		double seconds = 0;
		for (Recorder part : parts) {
			samples.add(part.samples());
			seconds += part.seconds();
			part.statuses.forEach((k, v) -> whole.statuses.computeIfAbsent(k, (x) -> new LongAdder()).add(v.sum()));
			part.codes.forEach((k, v) -> whole.codes.computeIfAbsent(k, (x) -> new LongAdder()).add(v.sum()));
			part.cpuTicks.forEach((kind, ticks) -> whole.cpuTicks.merge(kind, ticks, Long::sum));
		}
		long[] all = samples.stream().flatMapToLong(Arrays::stream).toArray();
		return whole.result(all, seconds);
	}

	private Map<String, Object> result(long[] samples, double seconds) {
		Arrays.sort(samples);
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("name", this.name);
		result.put("requests", samples.length);
		result.put("seconds", round(seconds, 2));
		result.put("throughput", (seconds > 0) ? round(samples.length / seconds, 1) : 0);
		result.put("p50Ms", percentile(samples, 50));
		result.put("p95Ms", percentile(samples, 95));
		result.put("p99Ms", percentile(samples, 99));
		result.put("maxMs", (samples.length > 0) ? round(samples[samples.length - 1] / 1e6, 1) : 0);
		Map<String, Long> byStatus = new TreeMap<>();
		this.statuses
			.forEach((status, count) -> byStatus.put((status < 0) ? "no answer" : status.toString(), count.sum()));
		result.put("statuses", byStatus);
		Map<String, Long> byCode = new TreeMap<>();
		this.codes.forEach((code, count) -> byCode.put(code, count.sum()));
		result.put("errors", byCode);
		result.put("checks", this.checks);
		result.put("notes", this.notes);
		// the machine's cores during the phase: platform, database, driver, other, idle
		result.put("cpuCores", CpuShare.cores(this.cpuTicks, seconds));
		return result;
	}

	private static double percentile(long[] sorted, double percent) {
		if (sorted.length == 0) {
			return 0;
		}
		int rank = (int) Math.ceil(percent / 100 * sorted.length) - 1;
		return round(sorted[Math.max(0, Math.min(sorted.length - 1, rank))] / 1e6, 1);
	}

	static double round(double value, int places) {
		double scale = Math.pow(10, places);
		return Math.round(value * scale) / scale;
	}

}
