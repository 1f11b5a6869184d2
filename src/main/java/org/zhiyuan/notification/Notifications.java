package org.zhiyuan.notification;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.zhiyuan.notification.NotificationChannel.Delivery;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;
import org.zhiyuan.shared.ProblemException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends notifications and lets their recipients read them. Sending joins the caller's
 * transaction (or starts one), so a notification exists exactly when the action that
 * caused it does; the {@link NotificationChannel channels} receive it only after that
 * transaction has committed.
 */
@Service
public class Notifications {

	private final NotificationRepository repository;

	private final NotificationDispatcher dispatcher;

	private final TransactionTemplate joining;

	Notifications(NotificationRepository repository, NotificationDispatcher dispatcher,
			PlatformTransactionManager transactions) {
		this.repository = repository;
		this.dispatcher = dispatcher;
		this.joining = new TransactionTemplate(transactions);
	}

	/**
	 * Stores the notification and delivers it to the channels after commit. A second
	 * request with the same dedupe key for the same account is silently ignored.
	 * @throws IllegalArgumentException for a kind that is not
	 * {@linkplain NotificationKind#listed() listed}: those go through
	 * {@link #deliverOnly}
	 */
	public void send(NotificationRequest request) {
		sendAll(List.of(request));
	}

	/** Sends each request as {@link #send} does, all in the caller's transaction. */
	public void sendAll(Collection<NotificationRequest> requests) {
		if (requests.isEmpty()) {
			return;
		}
		for (NotificationRequest request : requests) {
			if (!request.kind().listed()) {
				throw new IllegalArgumentException(request.kind() + " notifications are delivered, never stored");
			}
		}
		this.joining.executeWithoutResult((status) -> {
			OffsetDateTime now = now();
			List<Delivery> stored = new ArrayList<>();
			for (NotificationRequest request : requests) {
				if (store(request, now)) {
					stored.add(new Delivery(request.accountId(), request.kind(), request.messageKey(), request.args(),
							request.link()));
				}
			}
			this.dispatcher.afterCommit(stored);
		});
	}

	/**
	 * Sends the same notification to every account that {@code accountQuery} selects, as
	 * {@link #send} does one by one: for a message to thousands at once. The query is a
	 * {@code SELECT} of one column named {@code account_id}, with its named parameters in
	 * {@code params}; it runs once, in the caller's transaction, and the notifications
	 * are written in batches. The template's account is ignored; its dedupe key,
	 * required, leaves out the accounts that hold one with it already.
	 * @return how many notifications were stored
	 */
	public int sendToEach(String accountQuery, Map<String, ?> params, NotificationRequest template) {
		if (!template.kind().listed() || template.dedupeKey() == null) {
			throw new IllegalArgumentException("A notification to many is listed and has a dedupe key");
		}
		Integer stored = this.joining.execute((status) -> {
			OffsetDateTime now = now();
			List<UUID> recipients = this.repository.insertForEach(
					this.repository.accountsWithout(accountQuery, params, template.dedupeKey()), template, now);
			this.dispatcher.afterCommit(recipients.stream()
				.map((account) -> new Delivery(account, template.kind(), template.messageKey(), template.args(),
						template.link()))
				.toList());
			return recipients.size();
		});
		return (stored != null) ? stored : 0;
	}

	/**
	 * Hands a message to the channels only, never to the in-app list: for a one-time code
	 * that must not be kept anywhere. Like a stored notification it reaches the channels
	 * once the caller's transaction has committed (at once outside one), and not at all
	 * when it rolls back. The dedupe key is ignored: nothing is kept to compare it with.
	 * @throws IllegalArgumentException for a {@linkplain NotificationKind#listed()
	 * listed} kind, which {@link #send} must keep for its recipient
	 */
	public void deliverOnly(NotificationRequest request) {
		if (request.kind().listed()) {
			throw new IllegalArgumentException(request.kind() + " notifications are kept: send them");
		}
		this.dispatcher.afterCommit(List.of(new Delivery(request.accountId(), request.kind(), request.messageKey(),
				request.args(), request.link())));
	}

	/** The account's notifications, newest first. */
	public PageResult<NotificationView> listFor(UUID accountId, boolean unreadOnly, PageQuery page) {
		return this.repository.findFor(accountId, unreadOnly, page);
	}

	public long unreadCount(UUID accountId) {
		return this.repository.countUnread(accountId);
	}

	/**
	 * Marks one of the account's notifications read; marking a read one again changes
	 * nothing.
	 * @throws ProblemException 404 {@code NOTIFICATION_NOT_FOUND} when the account has no
	 * such notification, whoever else it belongs to
	 */
	public void markRead(UUID accountId, UUID notificationId) {
		if (this.repository.markRead(accountId, notificationId, now()) == 0
				&& !this.repository.exists(accountId, notificationId)) {
			throw ProblemException.notFound("NOTIFICATION_NOT_FOUND", "notification.notFound");
		}
	}

	public void markAllRead(UUID accountId) {
		this.repository.markAllRead(accountId, now());
	}

	private boolean store(NotificationRequest request, OffsetDateTime now) {
		// a dedupe key already stored, also by a concurrent transaction, leaves the
		// statement without a row rather than failing it (which on PostgreSQL would abort
		// the caller's whole transaction; a savepoint around it cost two more statements)
		try {
			return this.repository.insert(request, now);
		}
		catch (DuplicateKeyException ex) {
			// H2 may still report the concurrent one; its statement failing does not
			// abort the transaction
			return false;
		}
	}

	private static OffsetDateTime now() {
		return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
	}

}
