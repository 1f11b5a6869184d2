package org.zhiyuan.need;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.zhiyuan.access.AccessPolicy;
import org.zhiyuan.access.Actor;
import org.zhiyuan.audit.AuditLog;
import org.zhiyuan.audit.AuditRecord;
import org.zhiyuan.notification.NotificationKind;
import org.zhiyuan.notification.NotificationRequest;
import org.zhiyuan.notification.Notifications;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.ProblemException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A need withdrawn before it is served: by the resident who ordered it (plans change, a
 * neighbour helped), or by an operator of its region (a resident without a phone asked,
 * or the order was a mistake). Possible until the service is done; the organization's
 * admins and the volunteers who accepted are told, and nobody is flagged late for it
 * again. A done, rated or cancelled need is 409 {@code INVALID_STATE}.
 */
@Service
public class NeedCancellations {

	static final Set<NeedStatus> CANCELLABLE = Set.of(NeedStatus.SUBMITTED, NeedStatus.DISPATCHED, NeedStatus.ACCEPTED);

	private final Needs needs;

	private final NeedRepository repository;

	private final AccessPolicy accessPolicy;

	private final Notifications notifications;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	NeedCancellations(Needs needs, NeedRepository repository, AccessPolicy accessPolicy, Notifications notifications,
			AuditLog auditLog, ApplicationEventPublisher events, PlatformTransactionManager transactions) {
		this.needs = needs;
		this.repository = repository;
		this.accessPolicy = accessPolicy;
		this.notifications = notifications;
		this.auditLog = auditLog;
		this.events = events;
		this.transaction = new TransactionTemplate(transactions);
	}

	/** Whether the caller may cancel the need now: for the page's button. */
	public boolean mayCancel(Actor actor, NeedView need) {
		return actor != null && CANCELLABLE.contains(need.status()) && may(actor, this.needs.require(need.id()));
	}

	/**
	 * Cancels the need with the reason given.
	 * @throws ProblemException 403 for others than its resident and the operators of its
	 * region, 400 without a reason (or with one over 500 characters), 409
	 * {@code INVALID_STATE} once it is done, rated or cancelled
	 */
	public NeedView cancel(Actor actor, UUID id, String reason) {
		NeedRepository.NeedRow row = this.needs.require(id);
		if (!may(actor, row)) {
			throw ProblemException.forbidden("problem.forbidden.object");
		}
		List<FieldProblem> problems = new ArrayList<>();
		MenuItems.text(problems, "reason", reason, 500, true);
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		this.transaction.executeWithoutResult((status) -> {
			NeedStatus current = this.repository.lockStatus(id).orElseThrow();
			if (!CANCELLABLE.contains(current)) {
				throw Needs.invalidState(current);
			}
			OffsetDateTime now = Needs.now();
			this.repository.cancel(id, now);
			this.events.publishEvent(new NeedClosed(id, row.regionCode(), false, actor.accountId()));
			this.repository.insertEvent(id, NeedEventKind.CANCELLED, actor.accountId(), row.organizationId(),
					reason.strip(), now);
			this.auditLog.record(AuditRecord.of("need.cancel", actor.accountId())
				.on("need", id)
				.inRegion(row.regionCode())
				.inOrganization(row.organizationId()));
			List<String> args = List.of(row.title(), reason.strip());
			this.needs.notifyAdmins(row.organizationId(), "notice.need.cancelled", args, id);
			this.notifications.sendAll(this.repository.volunteersOf(id)
				.stream()
				.map((v) -> new NotificationRequest(v.accountId(), NotificationKind.GENERAL, "notice.need.cancelled",
						args, "/needs/" + id, "notice.need.cancelled:" + id + ":" + v.volunteerId()))
				.toList());
		});
		return this.needs.view(actor, id);
	}

	private boolean may(Actor actor, NeedRepository.NeedRow row) {
		return actor.accountId().equals(row.residentAccountId()) || this.accessPolicy.operates(actor, row.regionCode());
	}

}
