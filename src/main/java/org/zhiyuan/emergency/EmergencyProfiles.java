package org.zhiyuan.emergency;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.zhiyuan.access.Actor;
import org.zhiyuan.audit.AuditLog;
import org.zhiyuan.audit.AuditRecord;
import org.zhiyuan.shared.Enums;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.volunteer.VolunteerDeregistered;
import org.zhiyuan.volunteer.VolunteerView;
import org.zhiyuan.volunteer.Volunteers;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A volunteer's own emergency profile: the home they set out from (within China's extent,
 * kept to about 100 m, forgotten when they deregister), their readiness and the emergency
 * qualifications they hold with their validity. Mobilizations call only volunteers who
 * have one.
 */
@Service
public class EmergencyProfiles {

	/** The most qualifications a profile holds: one of each kind. */
	static final int MAX_QUALIFICATIONS = QualificationKind.values().length;

	private final EmergencyRepository repository;

	private final Volunteers volunteers;

	private final AuditLog auditLog;

	EmergencyProfiles(EmergencyRepository repository, Volunteers volunteers, AuditLog auditLog) {
		this.repository = repository;
		this.volunteers = volunteers;
		this.auditLog = auditLog;
	}

	/**
	 * The caller's emergency profile.
	 * @throws ProblemException 404 {@code NOT_A_VOLUNTEER} for staff,
	 * {@code EMERGENCY_PROFILE_NOT_FOUND} before they gave one
	 */
	public EmergencyProfile mine(Actor actor) {
		VolunteerView me = this.volunteers.mine(actor);
		return this.repository.profile(me.id())
			.orElseThrow(() -> ProblemException.notFound("EMERGENCY_PROFILE_NOT_FOUND", "emergency.profile.notFound"));
	}

	/**
	 * Sets the caller's emergency profile, replacing the qualifications.
	 * @param qualifications each kind with its last valid day as text (YYYY-MM-DD)
	 * @throws ProblemException 400 naming every bad field; 404 {@code NOT_A_VOLUNTEER}
	 */
	@Transactional
	public EmergencyProfile change(Actor actor, Double homeLat, Double homeLng, String readiness,
			List<QualificationGiven> qualifications) {
		List<FieldProblem> problems = new ArrayList<>();
		Locations.check(homeLat, homeLng, "homeLat", "homeLng", problems);
		Readiness parsedReadiness = Enums.parse(Readiness.class, readiness, "readiness", problems);
		if (parsedReadiness == null && (readiness == null || readiness.isBlank())) {
			problems.add(new FieldProblem("readiness", "validation.emergency.readiness"));
		}
		Map<QualificationKind, EmergencyQualification> held = new LinkedHashMap<>();
		List<QualificationGiven> asked = (qualifications != null) ? qualifications : List.of();
		if (asked.size() > MAX_QUALIFICATIONS) {
			problems.add(new FieldProblem("qualifications", "validation.emergency.qualifications", MAX_QUALIFICATIONS));
		}
		for (int i = 0; i < asked.size() && i < MAX_QUALIFICATIONS; i++) {
			QualificationGiven request = asked.get(i);
			String field = "qualifications[" + i + "]";
			if (request == null) {
				problems.add(new FieldProblem(field, "validation.emergency.qualification.kind"));
				continue;
			}
			QualificationKind kind = Enums.parse(QualificationKind.class, request.kind(), field + ".kind", problems);
			if (kind == null && (request.kind() == null || request.kind().isBlank())) {
				problems.add(new FieldProblem(field + ".kind", "validation.emergency.qualification.kind"));
			}
			LocalDate until = parseDay(request.validUntil());
			if (until == null) {
				problems.add(new FieldProblem(field + ".validUntil", "validation.emergency.qualification.validUntil"));
			}
			if (kind != null && held.containsKey(kind)) {
				problems.add(new FieldProblem(field + ".kind", "validation.emergency.qualification.repeated"));
			}
			if (kind != null && until != null) {
				held.put(kind, new EmergencyQualification(kind, until));
			}
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		VolunteerView me = this.volunteers.mine(actor);
		this.repository.saveProfile(me.id(), nearHome(homeLat), nearHome(homeLng), parsedReadiness, held.values(),
				OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS));
		this.auditLog.record(AuditRecord.of("emergency.profile.change", actor.accountId())
			.on("volunteer", me.id())
			.inRegion(me.regionCode()));
		return this.repository.profile(me.id()).orElseThrow();
	}

	/**
	 * A deregistered volunteer's emergency profile is forgotten with the rest of their
	 * profile, in the same transaction.
	 */
	@EventListener
	void on(VolunteerDeregistered event) {
		this.repository.forgetProfile(event.volunteerId());
	}

	/**
	 * A coordinate kept to three places (about 100 m): near enough to call, not the door.
	 */
	private static double nearHome(double degrees) {
		return BigDecimal.valueOf(degrees).setScale(3, RoundingMode.HALF_UP).doubleValue();
	}

	private static LocalDate parseDay(String text) {
		if (text == null || text.length() != 10) {
			return null;
		}
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/** A qualification as given: its kind and its last valid day (YYYY-MM-DD). */
	public record QualificationGiven(String kind, String validUntil) {

	}

}
