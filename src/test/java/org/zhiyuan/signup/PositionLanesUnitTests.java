package org.zhiyuan.signup;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.zhiyuan.support.Concurrently;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PositionLanesUnitTests {

	private final PositionLanes<Item> lanes = new PositionLanes<>();

	@Test
	void aLoneRequestIsWrittenAtOnceByItsOwnThread() {
		Item item = new Item(1);
		List<List<Item>> batches = new ArrayList<>();
		this.lanes.submit(UUID.randomUUID(), item, (batch) -> {
			batches.add(batch);
			batch.forEach(Item::write);
		});
		assertThat(batches).containsExactly(List.of(item));
		assertThat(item.writes.get()).isEqualTo(1);
		assertThat(this.lanes.open()).isZero();
	}

	@Test
	void requestsPilingUpBehindABatchAreWrittenTogetherEachExactlyOnce() throws Exception {
		UUID position = UUID.randomUUID();
		int requests = 400;
		List<List<Item>> batches = Collections.synchronizedList(new ArrayList<>());
		List<Item> items = new ArrayList<>();
		for (int i = 0; i < requests; i++) {
			items.add(new Item(i));
		}
		List<Callable<Void>> tasks = new ArrayList<>();
		for (Item item : items) {
			tasks.add(() -> {
				this.lanes.submit(position, item, (batch) -> {
					batches.add(List.copyOf(batch));
					sleep(2);
					batch.forEach(Item::write);
				});
				return null;
			});
		}
		Concurrently.run(tasks);
		assertThat(items).allSatisfy((item) -> assertThat(item.writes.get()).isEqualTo(1));
		assertThat(batches.stream().mapToInt(List::size).sum()).isEqualTo(requests);
		assertThat(batches).allSatisfy((batch) -> assertThat(batch).hasSizeLessThanOrEqualTo(PositionLanes.MAX_BATCH));
		assertThat(batches.size()).as("far fewer transactions than requests").isLessThan(requests / 4);
		assertThat(this.lanes.open()).isZero();
	}

	@Test
	void aWriterThatThrowsFailsItsWholeBatchAndTheLaneGoesOn() {
		UUID position = UUID.randomUUID();
		Item doomed = new Item(1);
		this.lanes.submit(position, doomed, (batch) -> {
			throw new IllegalStateException("database gone");
		});
		assertThat(doomed.failure).isInstanceOf(IllegalStateException.class);
		Item next = new Item(2);
		this.lanes.submit(position, next, (batch) -> batch.forEach(Item::write));
		assertThat(next.writes.get()).isEqualTo(1);
		assertThatThrownBy(() -> {
			throw doomed.failure;
		}).hasMessage("database gone");
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static final class Item implements PositionLanes.Request {

		final int number;

		final AtomicInteger writes = new AtomicInteger();

		volatile boolean settled;

		volatile Throwable failure;

		Item(int number) {
			this.number = number;
		}

		void write() {
			this.writes.incrementAndGet();
			this.settled = true;
		}

		@Override
		public boolean settled() {
			return this.settled;
		}

		@Override
		public void fail(Throwable failure) {
			this.failure = failure;
			this.settled = true;
		}

	}

}
