package org.zhiyuan.volunteer;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.Ids;
import org.zhiyuan.shared.ProblemException;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The platform's list of qualification codes, and whether a volunteer holds what a
 * position requires. A requirement is a code of the list (or, as positions written before
 * the list, a qualification's name); a volunteer's qualification meets it when its name
 * is the code's name, it was confirmed or granted, and it is valid through the activity's
 * last day. A refusal explains itself in the reader's language: "急救证书已于 3 天前过期".
 */
@Service
public class QualificationCodes {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final JdbcClient jdbc;

	private final VolunteerRepository volunteers;

	QualificationCodes(JdbcClient jdbc, VolunteerRepository volunteers) {
		this.jdbc = jdbc;
		this.volunteers = volunteers;
	}

	/** The whole list, by code. */
	public List<QualificationCode> all() {
		return this.jdbc.sql("SELECT code, name, name_en FROM qualification_code ORDER BY code")
			.query(QualificationCode.class)
			.list();
	}

	public Optional<QualificationCode> find(String code) {
		return (code != null) ? this.jdbc.sql("SELECT code, name, name_en FROM qualification_code WHERE code = :code")
			.param("code", code)
			.query(QualificationCode.class)
			.optional() : Optional.empty();
	}

	/**
	 * How a position's requirement reads on a page: the code's name in the reader's
	 * language, or the requirement as written when it is no code of the list (a name, as
	 * positions written before the list have).
	 */
	public String nameOf(String requirement, Locale locale) {
		return find(requirement).map((code) -> code.nameIn(locale)).orElse(requirement);
	}

	/**
	 * The code, added to the list with its name when it is new; a known code keeps its
	 * name.
	 * @throws ProblemException 400 on {@code qualification.name} when another code has
	 * that name
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public QualificationCode define(String code, String name) {
		Optional<QualificationCode> known = find(code);
		if (known.isPresent()) {
			return known.get();
		}
		try {
			this.jdbc
				.sql("INSERT INTO qualification_code (code, name, created_at) SELECT :code, :name, :now"
						+ " WHERE NOT EXISTS (SELECT 1 FROM qualification_code WHERE code = :code)")
				.param("code", code)
				.param("name", name.strip())
				.param("now", OffsetDateTime.now(ZoneOffset.UTC))
				.update();
		}
		catch (DuplicateKeyException ex) {
			if (find(code).isEmpty()) {
				throw ProblemException
					.invalid(List.of(new FieldProblem("qualification.name", "validation.training.qualificationName")));
			}
		}
		return find(code).orElseThrow();
	}

	/**
	 * Checks that the volunteer holds every required qualification, confirmed or granted,
	 * valid through the day the activity ends.
	 * @param required codes of the list, or names of qualifications
	 * @param endsAt when the activity ends
	 * @throws ProblemException 422 {@code REQUIREMENT_NOT_MET} with a sentence naming the
	 * first missing qualification and why it does not count
	 */
	public void require(UUID volunteerId, Collection<String> required, OffsetDateTime endsAt) {
		if (required == null || required.isEmpty()) {
			return;
		}
		LocalDate lastDay = endsAt.atZoneSameInstant(CHINA).toLocalDate();
		LocalDate today = OffsetDateTime.now(ZoneOffset.UTC).atZoneSameInstant(CHINA).toLocalDate();
		List<Qualification> held = this.volunteers.qualificationsOf(volunteerId);
		Locale locale = LocaleContextHolder.getLocale();
		for (String requirement : required) {
			Optional<QualificationCode> code = find(requirement);
			Set<String> names = new HashSet<>();
			names.add(requirement);
			code.ifPresent((c) -> names.add(c.name()));
			String shown = code.map((c) -> c.nameIn(locale)).orElse(requirement);
			List<Qualification> matching = held.stream().filter((q) -> names.contains(q.name())).toList();
			if (matching.stream().anyMatch((q) -> q.meetsRequirementOn(lastDay))) {
				continue;
			}
			Optional<Qualification> counted = matching.stream()
				.filter((q) -> q.status().counts() && q.expiresOn() != null)
				.max(Comparator.comparing(Qualification::expiresOn));
			if (counted.isPresent()) {
				LocalDate expired = counted.get().expiresOn();
				if (expired.isBefore(today)) {
					throw ProblemException.unprocessable("REQUIREMENT_NOT_MET", "qualification.requirement.expired",
							shown, ChronoUnit.DAYS.between(expired, today));
				}
				throw ProblemException.unprocessable("REQUIREMENT_NOT_MET", "qualification.requirement.expiresBefore",
						shown, expired.toString(), lastDay.toString());
			}
			if (matching.stream().anyMatch((q) -> q.isValidOn(lastDay))) {
				throw ProblemException.unprocessable("REQUIREMENT_NOT_MET", "qualification.requirement.unconfirmed",
						shown);
			}
			throw ProblemException.unprocessable("REQUIREMENT_NOT_MET", "qualification.requirement.missing", shown);
		}
	}

	/**
	 * Grants the code's qualification to the volunteer until the given day, as a pass of
	 * a course does; a granted one of the same name is extended rather than repeated. In
	 * the caller's transaction, no access check.
	 */
	public Qualification grant(UUID volunteerId, String code, String issuer, LocalDate validUntil) {
		QualificationCode known = find(code).orElseThrow(() -> new IllegalArgumentException("unknown code " + code));
		Optional<Qualification> granted = this.volunteers.qualificationsOf(volunteerId)
			.stream()
			.filter((q) -> q.status() == QualificationStatus.GRANTED && q.name().equals(known.name()))
			.findFirst();
		String shortIssuer = (issuer != null && issuer.length() > 100) ? issuer.substring(0, 100) : issuer;
		if (granted.isPresent()) {
			LocalDate until = (granted.get().expiresOn() == null || validUntil == null) ? null
					: (validUntil.isAfter(granted.get().expiresOn()) ? validUntil : granted.get().expiresOn());
			this.jdbc.sql("UPDATE volunteer_qualification SET expires_on = :until, issuer = :issuer WHERE id = :id")
				.param("until", until)
				.param("issuer", shortIssuer)
				.param("id", granted.get().id())
				.update();
			return new Qualification(granted.get().id(), known.name(), shortIssuer, until, QualificationStatus.GRANTED,
					granted.get().confirmedAt());
		}
		Qualification fresh = new Qualification(Ids.newId(), known.name(), shortIssuer, validUntil,
				QualificationStatus.GRANTED, null);
		this.volunteers.insertQualification(volunteerId, fresh, OffsetDateTime.now(ZoneOffset.UTC));
		return fresh;
	}

	/**
	 * Confirmed or granted qualifications of the list that expire between the two days,
	 * with whom to tell: for the reminder before expiry.
	 */
	public List<Expiring> expiringBetween(LocalDate from, LocalDate to) {
		return this.jdbc.sql("SELECT q.id, q.volunteer_id, v.account_id, c.code, q.expires_on"
				+ " FROM volunteer_qualification q JOIN qualification_code c ON c.name = q.name"
				+ " JOIN volunteer v ON v.id = q.volunteer_id"
				+ " WHERE q.status <> 'SELF_DECLARED' AND q.expires_on BETWEEN :from AND :to ORDER BY q.expires_on, q.id")
			.param("from", from)
			.param("to", to)
			.query((rs, n) -> new Expiring(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getObject(3, UUID.class), rs.getString(4), rs.getObject(5, LocalDate.class)))
			.list();
	}

	/** A qualification of the list about to expire. */
	public record Expiring(UUID qualificationId, UUID volunteerId, UUID accountId, String code, LocalDate expiresOn) {

	}

}
