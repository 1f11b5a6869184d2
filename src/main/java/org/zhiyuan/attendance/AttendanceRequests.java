package org.zhiyuan.attendance;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.zhiyuan.access.Actor;
import org.zhiyuan.attendance.Attendance.CheckOut;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.ProblemException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the requests that close attendances and write service records (check-out, manual
 * check-out, bulk entry) once per {@code Idempotency-Key} and account: the first claims
 * the key in its own transaction, and a repeat gets the first answer, also when it
 * arrives while the first is still at work. A request that fails leaves no claim, so its
 * repeat acts afresh.
 */
@Component
class AttendanceRequests {

	/** How long a repeat waits for the request that holds its key to finish. */
	private static final Duration PATIENCE = Duration.ofSeconds(5);

	private final AttendanceRepository attendance;

	private final TransactionTemplate transaction;

	AttendanceRequests(AttendanceRepository attendance, PlatformTransactionManager transactions) {
		this.attendance = attendance;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * Runs the action, which closes attendances and returns them with their check-outs,
	 * in a transaction, and answers with the check-outs; with a key, at most once.
	 * @throws ProblemException 400 for a key longer than 100 characters
	 */
	List<CheckOut> once(Actor actor, Operation operation, String idempotencyKey, Supplier<List<Closed>> action) {
		String key = (idempotencyKey != null && !idempotencyKey.isBlank()) ? idempotencyKey.strip() : null;
		if (key != null && key.length() > 100) {
			throw ProblemException.invalid(List.of(new FieldProblem("Idempotency-Key", "validation.record.key")));
		}
		for (int attempt = 1;; attempt++) {
			try {
				return (key != null) ? claimed(actor.accountId(), operation, key, action)
						: answers(this.transaction.execute((status) -> action.get()));
			}
			catch (DuplicateKeyException ex) {
				// Another request holds the key (PostgreSQL lets the claim wait until
				// that
				// one has committed, H2 may refuse it at once), or won a race for the
				// same
				// attendance: wait for its answer, else act once more on what it left.
				List<UUID> answer = (key != null) ? awaitAnswer(actor.accountId(), operation, key) : List.of();
				if (!answer.isEmpty()) {
					return this.attendance.checkOuts(answer);
				}
				if (attempt > 1) {
					throw ex;
				}
			}
		}
	}

	private List<CheckOut> claimed(UUID account, Operation operation, String key, Supplier<List<Closed>> action) {
		List<UUID> earlier = this.attendance.answered(account, operation.name(), key);
		if (!earlier.isEmpty()) {
			return this.attendance.checkOuts(earlier);
		}
		return this.transaction.execute((status) -> {
			this.attendance.claim(account, operation.name(), key, OffsetDateTime.now(ZoneOffset.UTC));
			List<Closed> closed = action.get();
			this.attendance.answer(account, operation.name(), key, closed.stream().map(Closed::attendanceId).toList());
			return answers(closed);
		});
	}

	private List<UUID> awaitAnswer(UUID account, Operation operation, String key) {
		Instant deadline = Instant.now().plus(PATIENCE);
		List<UUID> answer = this.attendance.answered(account, operation.name(), key);
		while (answer.isEmpty() && Instant.now().isBefore(deadline)) {
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException interrupted) {
				Thread.currentThread().interrupt();
				break;
			}
			answer = this.attendance.answered(account, operation.name(), key);
		}
		return answer;
	}

	private static List<CheckOut> answers(List<Closed> closed) {
		return closed.stream().map(Closed::answer).toList();
	}

	/** An attendance just closed, and the check-out that answers for it. */
	record Closed(UUID attendanceId, CheckOut answer) {

	}

	/** The requests that take a key; each keeps its own keys. */
	enum Operation {

		CHECK_OUT, MANUAL_CHECK_OUT, BULK

	}

}
