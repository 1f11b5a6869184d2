package org.zhiyuan.signup;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Sign-ups for one position that arrive while others for it are being written wait in
 * that position's lane and are then written together, by whichever of them comes first,
 * in one transaction that locks the position once and commits once.
 * <p>
 * A popular activity's position is a hot row: written one sign-up per transaction, every
 * request waits in turn for the row lock, and each holds it until its own commit. In a
 * lane the requests that pile up behind a running batch become the next batch, so the
 * busier the position, the more sign-ups share one lock and one commit; a lone sign-up is
 * written at once, as before. Nothing waits on purpose.
 * <p>
 * Lanes are per instance. Several instances each batch their own requests, and the
 * database's row lock still orders the batches, so no place is ever given twice. A lane
 * is dropped when it runs empty; a request that still finds the dropped lane simply
 * writes itself.
 */
final class PositionLanes<T extends PositionLanes.Request> {

	/** The most sign-ups one transaction writes. */
	static final int MAX_BATCH = 200;

	private final ConcurrentHashMap<UUID, Lane<T>> lanes = new ConcurrentHashMap<>();

	/**
	 * Queues the request in its position's lane and returns once it has been written, by
	 * this thread or by another. {@code writer} writes a batch in arrival order and must
	 * settle every request in it.
	 */
	void submit(UUID positionId, T request, Consumer<List<T>> writer) {
		Lane<T> lane = this.lanes.computeIfAbsent(positionId, (id) -> new Lane<>());
		lane.waiting.add(request);
		lane.lock.lock();
		try {
			while (!request.settled()) {
				List<T> batch = new ArrayList<>();
				T next;
				while (batch.size() < MAX_BATCH && (next = lane.waiting.poll()) != null) {
					batch.add(next);
				}
				try {
					writer.accept(batch);
				}
				catch (RuntimeException | Error ex) {
					for (T each : batch) {
						if (!each.settled()) {
							each.fail(ex);
						}
					}
				}
			}
		}
		finally {
			lane.lock.unlock();
		}
		if (lane.waiting.isEmpty()) {
			this.lanes.remove(positionId, lane);
		}
	}

	/** How many positions have a lane now (for tests). */
	int open() {
		return this.lanes.size();
	}

	private static final class Lane<T> {

		final Queue<T> waiting = new ConcurrentLinkedQueue<>();

		final ReentrantLock lock = new ReentrantLock();

	}

	/** A request in a lane: settled once written or failed. */
	interface Request {

		boolean settled();

		void fail(Throwable failure);

	}

}
