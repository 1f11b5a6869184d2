package org.zhiyuan.timebank;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.zhiyuan.access.AccessPolicy;
import org.zhiyuan.access.Actor;
import org.zhiyuan.audit.AuditLog;
import org.zhiyuan.audit.AuditRecord;
import org.zhiyuan.need.NeedClosed;
import org.zhiyuan.need.NeedReference;
import org.zhiyuan.need.Needs;
import org.zhiyuan.notification.NotificationKind;
import org.zhiyuan.notification.NotificationRequest;
import org.zhiyuan.notification.Notifications;
import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.Ids;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.shared.identity.PersonNames;
import org.zhiyuan.timebank.TimeBankRepository.ServiceRow;
import org.zhiyuan.timebank.TimeLedger.Locked;
import org.zhiyuan.timebank.TimeLedger.Movement;
import org.zhiyuan.volunteer.VolunteerView;
import org.zhiyuan.volunteer.Volunteers;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hours used for a service (用时间兑换服务): ordered by the volunteer whose hours pay for it, or
 * recorded for them by an operator of their region. Ordering holds the hours: they leave
 * the volunteer's account for the holds of the volunteer's region in one movement
 * ({@link EntryKind#HOLD}), the balance checked under the account's lock. An operator of
 * the region completes the service, which spends the held hours
 * ({@link EntryKind#WITHDRAWAL}, from the holds to the region's services account); the
 * volunteer or an operator cancels it, which gives them back ({@link EntryKind#RELEASE}).
 * Each is possible once, while the service is held: the service's row is locked first, so
 * that of a completion and a cancellation at once one wins and the other is 409
 * {@code INVALID_STATE}.
 * <p>
 * A release gives back hours the volunteer had before the order: it is never swept to the
 * donation pool, even when deposits have filled the account to the region's cap
 * meanwhile, so that cancelling costs the volunteer nothing. The balance may then stand
 * above the cap; later deposits go to the pool whole and gifts to the volunteer are
 * refused until they spend below it.
 * <p>
 * With an {@code Idempotency-Key} a repeat by the same account returns the first order
 * and holds nothing more, also when the two arrive at once. Every change is audited and
 * told to the volunteer.
 */
@Service
public class TimeServices {

	/** The most characters a description holds. */
	static final int DESCRIPTION_LENGTH = 200;

	private final TimeLedger ledger;

	private final TimeBankRepository repository;

	private final Volunteers volunteers;

	private final AccessPolicy accessPolicy;

	private final Regions regions;

	private final Needs needs;

	private final Notifications notifications;

	private final AuditLog auditLog;

	private final TransactionTemplate transaction;

	TimeServices(TimeLedger ledger, TimeBankRepository repository, Volunteers volunteers, AccessPolicy accessPolicy,
			Regions regions, Needs needs, Notifications notifications, AuditLog auditLog,
			PlatformTransactionManager transactions) {
		this.needs = needs;
		this.ledger = ledger;
		this.repository = repository;
		this.volunteers = volunteers;
		this.accessPolicy = accessPolicy;
		this.regions = regions;
		this.notifications = notifications;
		this.auditLog = auditLog;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * Orders a service paid with the volunteer's hours, which are held until it is done
	 * or cancelled. Without a {@code volunteerId} the hours are the caller's own.
	 * @throws ProblemException 400 naming every bad field; 404 {@code NOT_A_VOLUNTEER}
	 * for staff ordering for themselves, {@code VOLUNTEER_NOT_FOUND}; 403 for anyone but
	 * the volunteer and the operators of their region; 422 {@code INSUFFICIENT_BALANCE}
	 * when the volunteer holds less; 409 {@code IDEMPOTENCY_KEY_REUSED} when the key was
	 * used for another movement
	 */
	public TimeServiceView order(Actor actor, UUID volunteerId, BigDecimal hours, String description,
			String idempotencyKey) {
		return order(actor, volunteerId, hours, description, null, idempotencyKey);
	}

	/**
	 * Orders a service as {@link #order(Actor, UUID, BigDecimal, String, String)}, paying
	 * for a need of the needs module when {@code needId} is given (an operator of the
	 * need's region, the need still open and not paid for already): when the need is done
	 * the hours are spent, when it is cancelled they go back.
	 * @throws ProblemException as above; 404 {@code NEED_NOT_FOUND}; 403 unless the
	 * caller operates the need's region; 409 {@code INVALID_STATE} for a closed need,
	 * {@code NEED_ALREADY_PAID} when a held or spent service pays for it
	 */
	public TimeServiceView order(Actor actor, UUID volunteerId, BigDecimal hours, String description, UUID needId,
			String idempotencyKey) {
		List<FieldProblem> problems = problemsOf(hours, description, idempotencyKey);
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		BigDecimal scaled = hours.setScale(2, RoundingMode.UNNECESSARY);
		String what = description.strip();
		try {
			return this.transaction.execute((status) -> hold(actor, volunteerId, scaled, what, needId, idempotencyKey));
		}
		catch (DuplicateKeyException ex) {
			// the same key at the same moment: the other one ordered; or another order
			// paid for the need at the same moment
			Optional<TimeServiceView> earlier = this.transaction.execute((status) -> earlier(actor, idempotencyKey));
			if (earlier.isPresent()) {
				return earlier.get();
			}
			if (needId != null && this.repository.servicePaying(needId).isPresent()) {
				throw ProblemException.conflict("NEED_ALREADY_PAID", "timebank.service.needPaid");
			}
			throw ex;
		}
	}

	/**
	 * The bad fields of an order, each named: what a page checks beside its own fields.
	 */
	public static List<FieldProblem> problemsOf(BigDecimal hours, String description, String idempotencyKey) {
		List<FieldProblem> problems = new ArrayList<>();
		if (hours == null || hours.signum() <= 0 || hours.stripTrailingZeros().scale() > 2
				|| hours.compareTo(TimeGifts.MAX_HOURS) > 0) {
			problems.add(new FieldProblem("hours", "validation.timebank.hours", TimeGifts.MAX_HOURS.toPlainString()));
		}
		if (description == null || description.isBlank() || description.strip().length() > DESCRIPTION_LENGTH) {
			problems
				.add(new FieldProblem("description", "validation.timebank.service.description", DESCRIPTION_LENGTH));
		}
		if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 100)) {
			problems.add(new FieldProblem("Idempotency-Key", "validation.record.key"));
		}
		return problems;
	}

	private TimeServiceView hold(Actor actor, UUID volunteerId, BigDecimal hours, String description, UUID needId,
			String idempotencyKey) {
		if (idempotencyKey != null) {
			Optional<TimeServiceView> earlier = earlier(actor, idempotencyKey);
			if (earlier.isPresent()) {
				return earlier.get();
			}
		}
		NeedReference need = (needId != null) ? payable(actor, needId) : null;
		VolunteerView volunteer = payer(actor, volunteerId);
		if (idempotencyKey != null && this.repository.keyUsed(volunteer.id(), actor.accountId(), idempotencyKey)) {
			throw ProblemException.conflict("IDEMPOTENCY_KEY_REUSED", "timebank.keyReused");
		}
		UUID account = this.ledger.volunteerAccount(volunteer.id(), volunteer.regionCode());
		UUID holds = this.ledger.platformAccount(AccountKind.HOLDS, volunteer.regionCode());
		Locked locked = this.ledger.lock(List.of(account, holds));
		if (locked.balance(account).compareTo(hours) < 0) {
			throw ProblemException.unprocessable("INSUFFICIENT_BALANCE", "timebank.service.insufficient",
					locked.balance(account).toPlainString(), hours.toPlainString());
		}
		locked.move(account, holds, hours, EntryKind.HOLD);
		UUID transfer = Ids.newId();
		locked.post(new Movement(transfer, "HOLD", null, null, volunteer.id(), null, hours, description,
				actor.accountId(), idempotencyKey));
		UUID id = Ids.newId();
		this.repository.insertService(id, volunteer.id(), volunteer.regionCode(), hours, description, transfer,
				locked.balance(account), actor.accountId(), idempotencyKey, TimeLedger.now());
		if (need != null) {
			// the need's claim: a second order for it fails here
			this.repository.payFor(need.id(), id);
		}
		this.auditLog.record(AuditRecord.of("timebank.service.order", actor.accountId())
			.on("time-service", id)
			.inRegion(volunteer.regionCode())
			.withDetail(hours.toPlainString()));
		tell(volunteer, "notice.timebank.service.ordered", description, hours, id);
		return view(this.repository.service(id).orElseThrow());
	}

	/**
	 * The need a service is to pay for: open, not paid for, in a region the caller
	 * operates.
	 */
	private NeedReference payable(Actor actor, UUID needId) {
		NeedReference need = this.needs.reference(needId)
			.orElseThrow(() -> ProblemException.notFound("NEED_NOT_FOUND", "need.notFound"));
		if (!this.accessPolicy.operates(actor, need.regionCode())) {
			throw ProblemException.forbidden("problem.forbidden.object");
		}
		if (!need.open()) {
			throw ProblemException.conflict("INVALID_STATE", "need.invalidState", need.status().name());
		}
		if (this.repository.servicePaying(needId).isPresent()) {
			throw ProblemException.conflict("NEED_ALREADY_PAID", "timebank.service.needPaid");
		}
		return need;
	}

	/**
	 * The volunteer whose hours pay: the caller, or one of the region the caller
	 * operates.
	 */
	private VolunteerView payer(Actor actor, UUID volunteerId) {
		if (volunteerId == null) {
			return this.volunteers.mine(actor);
		}
		VolunteerView volunteer = this.volunteers.find(volunteerId)
			.orElseThrow(() -> ProblemException.notFound("VOLUNTEER_NOT_FOUND", "volunteer.notFound"));
		if (!actor.accountId().equals(volunteer.accountId())
				&& !this.accessPolicy.operates(actor, volunteer.regionCode())) {
			throw ProblemException.forbidden("problem.forbidden.object");
		}
		return volunteer;
	}

	/**
	 * Completes a held service (an operator of its region): its hours are spent.
	 * @throws ProblemException 404 {@code TIME_SERVICE_NOT_FOUND}, 403 for anyone else,
	 * 409 {@code INVALID_STATE} unless it is held
	 */
	public TimeServiceView complete(Actor actor, UUID id) {
		ServiceRow row = require(id);
		if (!this.accessPolicy.operates(actor, row.regionCode())) {
			throw ProblemException.forbidden("problem.forbidden.object");
		}
		this.transaction.executeWithoutResult((status) -> {
			held(id);
			spend(row, actor.accountId());
		});
		return view(require(id));
	}

	/** Spends a held service's hours, in the caller's transaction, its row locked. */
	void spend(ServiceRow row, UUID byAccountId) {
		UUID id = row.id();
		UUID holds = this.ledger.platformAccount(AccountKind.HOLDS, row.regionCode());
		UUID services = this.ledger.platformAccount(AccountKind.SERVICES, row.regionCode());
		Locked locked = this.ledger.lock(List.of(holds, services));
		locked.move(holds, services, row.hours(), EntryKind.WITHDRAWAL);
		UUID transfer = Ids.newId();
		locked.post(new Movement(transfer, "WITHDRAWAL", null, null, row.volunteerId(), null, row.hours(),
				row.description(), byAccountId, null));
		this.repository.decideService(id, TimeServiceStatus.DONE, transfer, byAccountId, TimeLedger.now());
		this.auditLog.record(AuditRecord.of("timebank.service.complete", byAccountId)
			.on("time-service", id)
			.inRegion(row.regionCode())
			.withDetail(row.hours().toPlainString()));
		this.volunteers.find(row.volunteerId())
			.ifPresent((v) -> tell(v, "notice.timebank.service.done", row.description(), row.hours(), id));
	}

	/**
	 * Cancels a held service (its volunteer, or an operator of its region): its hours go
	 * back to the volunteer, whatever their balance.
	 * @throws ProblemException 404 {@code TIME_SERVICE_NOT_FOUND}, 403 for anyone else,
	 * 409 {@code INVALID_STATE} unless it is held
	 */
	public TimeServiceView cancel(Actor actor, UUID id) {
		ServiceRow row = require(id);
		VolunteerView volunteer = this.volunteers.find(row.volunteerId()).orElseThrow();
		if (!actor.accountId().equals(volunteer.accountId()) && !this.accessPolicy.operates(actor, row.regionCode())) {
			throw ProblemException.forbidden("problem.forbidden.object");
		}
		this.transaction.executeWithoutResult((status) -> {
			held(id);
			release(row, volunteer, actor.accountId());
		});
		return view(require(id));
	}

	/**
	 * Gives a held service's hours back, in the caller's transaction, its row locked; the
	 * need it paid for, if any, may be paid for again.
	 */
	void release(ServiceRow row, VolunteerView volunteer, UUID byAccountId) {
		UUID id = row.id();
		UUID account = this.ledger.volunteerAccount(volunteer.id(), volunteer.regionCode());
		UUID holds = this.ledger.platformAccount(AccountKind.HOLDS, row.regionCode());
		Locked locked = this.ledger.lock(List.of(account, holds));
		locked.move(holds, account, row.hours(), EntryKind.RELEASE);
		UUID transfer = Ids.newId();
		locked.post(new Movement(transfer, "RELEASE", null, null, null, volunteer.id(), row.hours(), row.description(),
				byAccountId, null));
		this.repository.decideService(id, TimeServiceStatus.CANCELLED, transfer, byAccountId, TimeLedger.now());
		this.repository.unpay(id);
		this.auditLog.record(AuditRecord.of("timebank.service.cancel", byAccountId)
			.on("time-service", id)
			.inRegion(row.regionCode())
			.withDetail(row.hours().toPlainString()));
		tell(volunteer, "notice.timebank.service.cancelled", row.description(), row.hours(), id);
	}

	/**
	 * Settles the service that pays for a need just closed, in the transaction that
	 * closes it: spent when the need was done, given back when it was cancelled. Nothing
	 * when no held service pays for it.
	 */
	@EventListener
	void on(NeedClosed closed) {
		this.repository.servicePaying(closed.needId())
			.flatMap((serviceId) -> this.repository.lockServiceStatus(serviceId)
				.filter((status) -> status == TimeServiceStatus.HELD)
				.flatMap((status) -> this.repository.service(serviceId)))
			.ifPresent((row) -> {
				if (closed.done()) {
					spend(row, closed.byAccountId());
				}
				else {
					release(row, this.volunteers.find(row.volunteerId()).orElseThrow(), closed.byAccountId());
				}
			});
	}

	/**
	 * The open needs of the region that a service may pay for (none pays for them yet),
	 * for the operators' form.
	 */
	public List<NeedReference> payableNeeds(Actor actor, String regionCode) {
		List<NeedReference> open = this.needs.openIn(actor, regionCode, 100);
		java.util.Set<UUID> paid = this.repository.paidAmong(open.stream().map(NeedReference::id).toList());
		return open.stream().filter((need) -> !paid.contains(need.id())).toList();
	}

	/** The caller's services, newest first; 404 {@code NOT_A_VOLUNTEER} for staff. */
	public PageResult<TimeServiceView> mine(Actor actor, PageQuery page) {
		VolunteerView me = this.volunteers.mine(actor);
		return this.repository.servicesOf(me.id(), page).map(this::view);
	}

	/**
	 * The services of a region and the regions below it, in one state or all, oldest
	 * first: for its operators and auditors, audited.
	 * @throws ProblemException 404 {@code REGION_NOT_FOUND}, 403 for anyone else
	 */
	public PageResult<TimeServiceView> ofRegion(Actor actor, String regionCode, TimeServiceStatus status,
			PageQuery page) {
		if (regionCode == null || !this.regions.exists(regionCode)) {
			throw ProblemException.notFound("REGION_NOT_FOUND", "region.notFound", regionCode);
		}
		if (!this.accessPolicy.oversees(actor, regionCode)) {
			throw ProblemException.forbidden("problem.forbidden.region");
		}
		this.auditLog.record(AuditRecord.of("timebank.service.list", actor.accountId())
			.on("region", regionCode)
			.inRegion(regionCode));
		return this.repository.servicesOfRegion(Regions.prefixOf(regionCode), status, page).map(this::view);
	}

	/**
	 * Whether the caller may complete or cancel the region's services: for the buttons.
	 */
	public boolean mayDecide(Actor actor, String regionCode) {
		return this.accessPolicy.operates(actor, regionCode);
	}

	private void held(UUID id) {
		TimeServiceStatus current = this.repository.lockServiceStatus(id).orElseThrow();
		if (current != TimeServiceStatus.HELD) {
			throw ProblemException.conflict("INVALID_STATE", "timebank.service.state", current.name());
		}
	}

	private ServiceRow require(UUID id) {
		return this.repository.service(id)
			.orElseThrow(() -> ProblemException.notFound("TIME_SERVICE_NOT_FOUND", "timebank.service.notFound"));
	}

	private void tell(VolunteerView volunteer, String messageKey, String description, BigDecimal hours, UUID id) {
		this.notifications.send(new NotificationRequest(volunteer.accountId(), NotificationKind.GENERAL, messageKey,
				List.of(description, hours.toPlainString()), "/me/time-bank#services", messageKey + ":" + id));
	}

	private Optional<TimeServiceView> earlier(Actor actor, String idempotencyKey) {
		if (idempotencyKey == null) {
			return Optional.empty();
		}
		return this.repository.serviceByKey(actor.accountId(), idempotencyKey).map(this::view);
	}

	private TimeServiceView view(ServiceRow row) {
		String name = this.volunteers.find(row.volunteerId()).map((v) -> PersonNames.mask(v.name())).orElse(null);
		return new TimeServiceView(row.id(), row.volunteerId(), name, row.regionCode(), row.hours(), row.description(),
				row.status(), row.balanceAfterHold(), row.createdAt(), row.decidedAt(), row.needId());
	}

}
