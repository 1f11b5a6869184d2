package org.zhiyuan.emergency;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.zhiyuan.access.Actor;
import org.zhiyuan.attendance.CheckinCodes;
import org.zhiyuan.audit.AuditLog;
import org.zhiyuan.audit.AuditRecord;
import org.zhiyuan.emergency.EmergencyRepository.CallRow;
import org.zhiyuan.emergency.EmergencyRepository.Locked;
import org.zhiyuan.emergency.EmergencyRepository.MobilizationRow;
import org.zhiyuan.notification.NotificationKind;
import org.zhiyuan.notification.NotificationRequest;
import org.zhiyuan.notification.Notifications;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.Geo;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.volunteer.VolunteerView;
import org.zhiyuan.volunteer.Volunteers;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The called volunteers' side of a mobilization: their answers and their muster at the
 * assembly point. Acceptances up to the needs' total are ACCEPTED, later ones RESERVE in
 * the order they came; an accepted volunteer who declines makes room for the first in
 * reserve. Every answer is decided under the mobilization row's lock, so the numbers hold
 * however many answer at once. The accepted muster by their phone's position (within
 * {@value #MUSTER_RADIUS_METERS} m of the assembly point) or by the signed code the
 * commander shows there.
 */
@Service
public class MobilizationAnswers {

	/** How close to the assembly point a volunteer musters. */
	static final int MUSTER_RADIUS_METERS = 500;

	private final EmergencyRepository repository;

	private final Volunteers volunteers;

	private final CheckinCodes codes;

	private final Notifications notifications;

	private final AuditLog auditLog;

	private final TransactionTemplate transaction;

	MobilizationAnswers(EmergencyRepository repository, Volunteers volunteers, CheckinCodes codes,
			Notifications notifications, AuditLog auditLog, PlatformTransactionManager transactions) {
		this.repository = repository;
		this.volunteers = volunteers;
		this.codes = codes;
		this.notifications = notifications;
		this.auditLog = auditLog;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * The caller's answer to their call: an acceptance is ACCEPTED while the accepted are
	 * fewer than the needs' total, else RESERVE; declining after accepting moves the
	 * first in reserve up (and tells them). Answering again as before changes nothing.
	 * @throws ProblemException 404 {@code MOBILIZATION_NOT_FOUND} (also when the caller
	 * was not called), {@code NOT_A_VOLUNTEER}; 409 {@code INVALID_STATE} once stood
	 * down; 422 {@code REQUIREMENT_NOT_MET} when the caller is under 18
	 */
	public CallStatus answer(Actor actor, UUID id, Answer answer) {
		if (answer == null) {
			throw ProblemException.invalid(List.of(new FieldProblem("answer", "validation.emergency.answer")));
		}
		VolunteerView me = this.volunteers.mine(actor);
		return this.transaction.execute((status) -> {
			Locked locked = this.repository.lock(id).orElseThrow(Mobilizations::notFound);
			CallRow call = this.repository.call(id, me.id()).orElseThrow(Mobilizations::notFound);
			if (locked.status() != MobilizationStatus.OPEN) {
				throw ProblemException.conflict("INVALID_STATE", "emergency.mobilization.stoodDown");
			}
			OffsetDateTime now = Mobilizations.now();
			if (answer == Answer.DECLINE) {
				return decline(actor, id, call, locked, now);
			}
			if (me.ageOn(now.atZoneSameInstant(Mobilizations.ZONE).toLocalDate()) < Mobilizations.ADULT_AGE) {
				throw ProblemException.unprocessable("REQUIREMENT_NOT_MET", "emergency.answer.minor",
						Mobilizations.ADULT_AGE);
			}
			if (call.status() == CallStatus.ACCEPTED || call.status() == CallStatus.RESERVE) {
				return call.status();
			}
			if (this.repository.acceptedElsewhere(id, me.id())) {
				throw ProblemException.conflict("ALREADY_MOBILIZED", "emergency.answer.elsewhere");
			}
			long total = this.repository.needs(id).stream().mapToLong(Need::count).sum();
			CallStatus decided = (this.repository.count(id, CallStatus.ACCEPTED) < total) ? CallStatus.ACCEPTED
					: CallStatus.RESERVE;
			this.repository.answer(id, me.id(), decided, locked.nextAnswer(), now);
			audit(actor, id, me, decided);
			return decided;
		});
	}

	private CallStatus decline(Actor actor, UUID id, CallRow call, Locked locked, OffsetDateTime now) {
		if (call.status() == CallStatus.DECLINED) {
			return CallStatus.DECLINED;
		}
		this.repository.answer(id, call.volunteerId(), CallStatus.DECLINED, locked.nextAnswer(), now);
		this.repository.leaveGroup(id, call.volunteerId());
		VolunteerView me = this.volunteers.find(call.volunteerId()).orElseThrow();
		audit(actor, id, me, CallStatus.DECLINED);
		if (call.status() == CallStatus.ACCEPTED) {
			this.repository.firstInReserve(id).ifPresent((next) -> {
				this.repository.promote(id, next.volunteerId());
				MobilizationRow row = this.repository.mobilization(id).orElseThrow();
				this.notifications.send(new NotificationRequest(next.accountId(), NotificationKind.GENERAL,
						"notice.emergency.promoted", List.of(row.title(), row.assemblyName()), Mobilizations.link(id),
						"emergency.promoted:" + id));
				this.auditLog.record(AuditRecord.of("emergency.mobilization.promote", actor.accountId())
					.on("mobilization", id)
					.inRegion(row.regionCode())
					.about(next.accountId()));
			});
		}
		return CallStatus.DECLINED;
	}

	/**
	 * The caller, accepted, checks in at the assembly point: by the signed code shown
	 * there (the QR's full code or the short code beside it; the position, when the phone
	 * gives it, is kept for the board's map), or else by the phone's position.
	 * @return when they mustered (the first time, if they check in again)
	 * @throws ProblemException 400 {@code location} when neither a code nor a position is
	 * given; 404 {@code MOBILIZATION_NOT_FOUND} (also when the caller was not called);
	 * 409 {@code INVALID_STATE} once stood down or unless they are accepted; 422
	 * {@code OUTSIDE_GEOFENCE} farther than {@value #MUSTER_RADIUS_METERS} m from the
	 * assembly point, {@code CODE_INVALID} or {@code CODE_EXPIRED}
	 */
	public OffsetDateTime muster(Actor actor, UUID id, GeoPoint location, String code) {
		List<FieldProblem> problems = new ArrayList<>();
		boolean byCode = code != null && !code.isBlank();
		if (location == null && !byCode) {
			problems.add(new FieldProblem("location", "validation.emergency.location"));
		}
		else if (location != null) {
			Locations.check(location.lat(), location.lng(), "location.lat", "location.lng", problems);
		}
		if (byCode && code.length() > 100) {
			problems.add(new FieldProblem("code", "validation.emergency.code"));
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		VolunteerView me = this.volunteers.mine(actor);
		return this.transaction.execute((status) -> {
			MobilizationRow row = this.repository.mobilization(id).orElseThrow(Mobilizations::notFound);
			CallRow call = this.repository.call(id, me.id()).orElseThrow(Mobilizations::notFound);
			if (row.status() != MobilizationStatus.OPEN) {
				throw ProblemException.conflict("INVALID_STATE", "emergency.mobilization.stoodDown");
			}
			if (call.status() != CallStatus.ACCEPTED) {
				throw ProblemException.conflict("INVALID_STATE", "emergency.muster.notAccepted");
			}
			if (call.musteredAt() != null) {
				return call.musteredAt();
			}
			OffsetDateTime now = Mobilizations.now();
			if (byCode) {
				String typed = code.strip();
				UUID named = (typed.length() <= 8) ? this.codes.require(null, id, typed, now.toInstant())
						: this.codes.require(typed, null, null, now.toInstant());
				if (!named.equals(id)) {
					throw ProblemException.unprocessable("CODE_INVALID", "attendance.codeInvalid");
				}
			}
			else {
				double meters = Geo.meters(row.assemblyLat(), row.assemblyLng(), location.lat(), location.lng());
				if (meters > MUSTER_RADIUS_METERS) {
					throw ProblemException.unprocessable("OUTSIDE_GEOFENCE", "emergency.muster.outside",
							Math.round(meters), MUSTER_RADIUS_METERS);
				}
			}
			this.repository.muster(id, me.id(), location, now);
			this.auditLog.record(AuditRecord.of("emergency.mobilization.muster", actor.accountId())
				.on("mobilization", id)
				.inRegion(row.regionCode())
				.withDetail(byCode ? "code" : "position"));
			return now;
		});
	}

	private void audit(Actor actor, UUID id, VolunteerView volunteer, CallStatus status) {
		this.auditLog.record(AuditRecord.of("emergency.mobilization.answer", actor.accountId())
			.on("mobilization", id)
			.inRegion(volunteer.regionCode())
			.withDetail(status.name()));
	}

}
