package org.zhiyuan.timebank;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.zhiyuan.access.Actor;
import org.zhiyuan.audit.AuditLog;
import org.zhiyuan.audit.AuditRecord;
import org.zhiyuan.notification.NotificationKind;
import org.zhiyuan.notification.NotificationRequest;
import org.zhiyuan.notification.Notifications;
import org.zhiyuan.shared.Enums;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.Ids;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.shared.identity.PersonNames;
import org.zhiyuan.timebank.TimeBankRepository.RelativeRow;
import org.zhiyuan.volunteer.VolunteerStatus;
import org.zhiyuan.volunteer.VolunteerView;
import org.zhiyuan.volunteer.Volunteers;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Relatives for the time bank: a volunteer names a relative by the phone number or
 * volunteer number and the full name the relative registered with (both must match, so
 * that nobody learns who is registered by guessing), the relative confirms or declines
 * from their own account, and either ends it. Hours are given only between confirmed
 * relatives.
 */
@Service
public class Relatives {

	private final TimeBankRepository repository;

	private final Volunteers volunteers;

	private final Notifications notifications;

	private final AuditLog auditLog;

	Relatives(TimeBankRepository repository, Volunteers volunteers, Notifications notifications, AuditLog auditLog) {
		this.repository = repository;
		this.volunteers = volunteers;
		this.notifications = notifications;
		this.auditLog = auditLog;
	}

	/**
	 * Names a relative, who is asked to confirm.
	 * @throws ProblemException 400 naming every bad field; 404 {@code NOT_A_VOLUNTEER}
	 * for staff; 422 {@code RELATIVE_NOT_FOUND} when no registered volunteer has that
	 * number and name, or it is the caller; 409 {@code ALREADY_DECLARED} while a
	 * declaration between the two waits or holds
	 */
	@Transactional
	public RelativeView declare(Actor actor, String phoneOrNumber, String name, String relationName) {
		List<FieldProblem> problems = new ArrayList<>();
		Relation relation = Enums.parse(Relation.class, relationName, "relation", problems);
		if (phoneOrNumber == null || phoneOrNumber.isBlank() || phoneOrNumber.strip().length() > 40) {
			problems.add(new FieldProblem("phoneOrNumber", "validation.timebank.phoneOrNumber"));
		}
		if (name == null || name.isBlank() || name.strip().length() > 60) {
			problems.add(new FieldProblem("name", "validation.timebank.name"));
		}
		if (relation == null && (relationName == null || relationName.isBlank())) {
			problems.add(new FieldProblem("relation", "validation.required"));
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		VolunteerView me = this.volunteers.mine(actor);
		VolunteerView relative = this.volunteers.findExact("", phoneOrNumber)
			.filter((found) -> found.status() == VolunteerStatus.ACTIVE)
			.filter((found) -> found.name() != null && found.name().strip().equals(name.strip()))
			.filter((found) -> !found.id().equals(me.id()))
			.orElseThrow(() -> ProblemException.unprocessable("RELATIVE_NOT_FOUND", "timebank.relativeNotFound"));
		for (RelativeRow row : this.repository.relativesBetween(me.id(), relative.id())) {
			if (row.status() == RelativeStatus.PENDING || row.status() == RelativeStatus.CONFIRMED) {
				throw ProblemException.conflict("ALREADY_DECLARED", "timebank.alreadyDeclared");
			}
		}
		UUID id = Ids.newId();
		this.repository.declareRelative(id, me.id(), relative.id(), relation, now());
		this.auditLog.record(AuditRecord.of("timebank.relative.declare", actor.accountId())
			.on("relative", id)
			.inRegion(me.regionCode()));
		this.notifications
			.send(new NotificationRequest(relative.accountId(), NotificationKind.GENERAL, "notice.timebank.relative",
					List.of(PersonNames.mask(me.name())), "/me/time-bank#relatives", "relative:" + id));
		return view(this.repository.relative(id).orElseThrow(), me.id());
	}

	/**
	 * The relative named confirms.
	 * @throws ProblemException 404 {@code RELATIVE_NOT_FOUND} for anyone but the two; 403
	 * for the one who declared; 409 {@code INVALID_STATE} unless it waits
	 */
	@Transactional
	public RelativeView confirm(Actor actor, UUID id) {
		return decide(actor, id, RelativeStatus.CONFIRMED);
	}

	/** The relative named declines; as {@link #confirm}. */
	@Transactional
	public RelativeView decline(Actor actor, UUID id) {
		return decide(actor, id, RelativeStatus.DECLINED);
	}

	/**
	 * Either of the two ends a declaration that waits or holds; hours can no longer be
	 * given between them.
	 * @throws ProblemException 404 {@code RELATIVE_NOT_FOUND} for anyone else; 409
	 * {@code INVALID_STATE} when it was declined or ended
	 */
	@Transactional
	public RelativeView end(Actor actor, UUID id) {
		VolunteerView me = this.volunteers.mine(actor);
		RelativeRow row = concerning(id, me);
		if (!this.repository.decideRelative(id, List.of(RelativeStatus.PENDING, RelativeStatus.CONFIRMED),
				RelativeStatus.ENDED, now())) {
			throw ProblemException.conflict("INVALID_STATE", "timebank.relativeState");
		}
		this.auditLog.record(AuditRecord.of("timebank.relative.end", actor.accountId())
			.on("relative", row.id())
			.inRegion(me.regionCode()));
		return view(this.repository.relative(id).orElseThrow(), me.id());
	}

	private RelativeView decide(Actor actor, UUID id, RelativeStatus to) {
		VolunteerView me = this.volunteers.mine(actor);
		RelativeRow row = concerning(id, me);
		if (!row.relativeId().equals(me.id())) {
			throw ProblemException.forbidden("timebank.relativeOwnDecision");
		}
		if (!this.repository.decideRelative(id, List.of(RelativeStatus.PENDING), to, now())) {
			throw ProblemException.conflict("INVALID_STATE", "timebank.relativeState");
		}
		this.auditLog.record(
				AuditRecord.of("timebank.relative." + to.name().toLowerCase(java.util.Locale.ROOT), actor.accountId())
					.on("relative", id)
					.inRegion(me.regionCode()));
		this.volunteers.find(row.volunteerId())
			.ifPresent((declarer) -> this.notifications
				.send(new NotificationRequest(declarer.accountId(), NotificationKind.GENERAL,
						(to == RelativeStatus.CONFIRMED) ? "notice.timebank.relativeConfirmed"
								: "notice.timebank.relativeDeclined",
						List.of(PersonNames.mask(me.name())), "/me/time-bank#relatives", "relative-decided:" + id)));
		return view(this.repository.relative(id).orElseThrow(), me.id());
	}

	/** The caller's declarations, made or named in, newest first. */
	@Transactional(readOnly = true)
	public List<RelativeView> mine(Actor actor) {
		VolunteerView me = this.volunteers.mine(actor);
		return this.repository.relativesOf(me.id()).stream().map((row) -> view(row, me.id())).toList();
	}

	/** Whether two volunteers are confirmed relatives, in either direction. */
	boolean confirmed(UUID one, UUID other) {
		return this.repository.relativesBetween(one, other)
			.stream()
			.anyMatch((row) -> row.status() == RelativeStatus.CONFIRMED);
	}

	private RelativeRow concerning(UUID id, VolunteerView me) {
		return this.repository.relative(id)
			.filter((row) -> row.volunteerId().equals(me.id()) || row.relativeId().equals(me.id()))
			.orElseThrow(() -> ProblemException.notFound("RELATIVE_NOT_FOUND", "timebank.relativeNotFound"));
	}

	private RelativeView view(RelativeRow row, UUID reader) {
		boolean declaredByMe = row.volunteerId().equals(reader);
		UUID other = declaredByMe ? row.relativeId() : row.volunteerId();
		String name = this.volunteers.find(other).map((v) -> PersonNames.mask(v.name())).orElse(null);
		return new RelativeView(row.id(), other, name, declaredByMe ? row.relation() : row.relation().inverse(),
				declaredByMe, row.status(), row.declaredAt(), row.decidedAt());
	}

	private static OffsetDateTime now() {
		return TimeLedger.now();
	}

}
