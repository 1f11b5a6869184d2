package org.zhiyuan.fault;

import java.net.ConnectException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A burst of requests on twelve connections, in random order, during which the platform
 * is killed once enough of them have been answered: the crash tests' common part. Each
 * request's outcome is kept with what came back, if anything: an answer, a refusal (sent
 * after the platform had died) or nothing (cut off mid-request).
 *
 * @param <T> what the test keeps of each request
 */
final class Burst<T extends Burst.Outcome> {

	private final ConcurrentLinkedQueue<T> outcomes = new ConcurrentLinkedQueue<>();

	private final CountDownLatch answered;

	private final int killAfter;

	Burst(int killAfter) {
		this.killAfter = killAfter;
		this.answered = new CountDownLatch(killAfter);
	}

	/** Keeps an outcome, counting it when it was answered; returns it. */
	T keep(T outcome) {
		this.outcomes.add(outcome);
		if (outcome.status() > 0) {
			this.answered.countDown();
		}
		return outcome;
	}

	/**
	 * Runs the tasks, kills the platform once {@code killAfter} requests have been
	 * answered, waits for every task to end and checks that the kill came mid-burst and
	 * that nothing was answered with an error before it.
	 */
	List<T> runAndKill(List<Callable<Void>> tasks, Platform platform, int requests, Logger log)
			throws InterruptedException {
		List<Callable<Void>> shuffled = new ArrayList<>(tasks);
		Collections.shuffle(shuffled, new Random(42));
		ExecutorService pool = Executors.newFixedThreadPool(12);
		try {
			shuffled.forEach(pool::submit);
			assertThat(this.answered.await(60, TimeUnit.SECONDS))
				.as("%d requests answered before the kill", this.killAfter)
				.isTrue();
			platform.kill();
		}
		finally {
			pool.shutdown();
			assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
		}
		List<T> all = List.copyOf(this.outcomes);
		log.info("{}: killed after {} of {} requests were answered; {} cut off mid-request, {} refused", platform,
				all.stream().filter((o) -> o.status() > 0).count(), requests,
				all.stream().filter(Outcome::cutOff).count(),
				all.stream().filter((o) -> o.status() < 0 && !o.cutOff()).count());
		assertThat(all.stream().filter(Outcome::cutOff).count())
			.as("requests under way when the platform died (the kill came mid-burst)")
			.isPositive();
		assertThat(all.stream().filter((o) -> o.status() >= 300).map(Outcome::body).toList())
			.as("no request answered with an error before the kill")
			.isEmpty();
		return all;
	}

	/**
	 * Posts the body, with the key when there is one; a request that got no answer has
	 * status -1.
	 */
	static Reply post(Api api, String path, Map<String, Object> body, String idempotencyKey) {
		try {
			Response response = (idempotencyKey != null)
					? api.postWithHeaders(path, body, Map.of("Idempotency-Key", idempotencyKey)) : api.post(path, body);
			return new Reply(response.status(), response.body(), false);
		}
		catch (IllegalStateException ex) {
			// refused: sent after the platform had died; anything else: cut off
			// mid-request
			boolean refused = ex.getCause() instanceof ConnectException;
			return new Reply(-1, null, !refused);
		}
	}

	/** What came back for one request. */
	record Reply(int status, String body, boolean cutOff) {

	}

	/** What a test keeps of a request: at least what came back. */
	interface Outcome {

		int status();

		String body();

		boolean cutOff();

		default boolean answered() {
			return status() >= 200 && status() < 300;
		}

		default tools.jackson.databind.JsonNode json() {
			return new Response(status(), body(), Map.of()).json();
		}

	}

}
