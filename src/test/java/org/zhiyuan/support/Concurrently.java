package org.zhiyuan.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Real parallel requests for the concurrency tests: every task waits on one start latch,
 * so they all set off at the same moment, each on a thread of its own (at most
 * {@value #THREADS} at once). The answers come back in the order of the tasks; a task
 * still running after two minutes fails the test.
 */
public final class Concurrently {

	/** The most requests in flight at once. */
	public static final int THREADS = 64;

	private Concurrently() {
	}

	/** Runs the tasks all at once and returns their results in order. */
	public static <T> List<T> run(List<? extends Callable<T>> tasks) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(tasks.size(), THREADS)));
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<T>> futures = new ArrayList<>();
			for (Callable<T> task : tasks) {
				futures.add(pool.submit(() -> {
					start.await();
					return task.call();
				}));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get(2, TimeUnit.MINUTES));
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** Sends the calls to the application on the port all at once: their answers. */
	public static List<Api.Response> send(int port, List<Call> calls) throws Exception {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		List<Callable<Api.Response>> tasks = new ArrayList<>();
		for (Call call : calls) {
			tasks.add(() -> {
				HttpRequest.Builder request = HttpRequest
					.newBuilder(URI.create("http://localhost:" + port + call.path()))
					.header("Authorization", "Bearer " + call.token())
					.timeout(Duration.ofSeconds(60));
				if (call.body() != null) {
					request.header("Content-Type", "application/json")
						.method(call.method(), HttpRequest.BodyPublishers.ofString(call.body()));
				}
				else {
					request.method(call.method(), HttpRequest.BodyPublishers.noBody());
				}
				HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
				return new Api.Response(response.statusCode(), response.body(), response.headers().map());
			});
		}
		return run(tasks);
	}

	/** Sends the calls all at once: their status codes, in order. */
	public static List<Integer> statuses(int port, List<Call> calls) throws Exception {
		return send(port, calls).stream().map(Api.Response::status).toList();
	}

	/** The same POST by each token, all at once: the status codes, in order. */
	public static List<Integer> postByEach(int port, List<String> tokens, String path, String body) throws Exception {
		return statuses(port, tokens.stream().map((token) -> Call.post(token, path, body)).toList());
	}

	/** One request: its method, path, bearer token and JSON body (or none). */
	public record Call(String method, String path, String token, String body) {

		public static Call post(String token, String path, String body) {
			return new Call("POST", path, token, body);
		}

		public static Call delete(String token, String path) {
			return new Call("DELETE", path, token, null);
		}

	}

}
