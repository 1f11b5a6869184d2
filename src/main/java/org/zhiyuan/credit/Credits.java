package org.zhiyuan.credit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.zhiyuan.access.Access;
import org.zhiyuan.access.AccessPolicy;
import org.zhiyuan.access.Actor;
import org.zhiyuan.access.ScopedObject;
import org.zhiyuan.record.RecordReview;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.signup.CreditScores;
import org.zhiyuan.volunteer.VolunteerView;
import org.zhiyuan.volunteer.Volunteers;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Volunteer credit (志愿信用), counted from the facts each time it is read, so that it is
 * never out of step with them: {@value #BASE} to start with, one point for each counted
 * service up to {@value #SERVICE_LIMIT}, ten off for each no-show found
 * {@value #GRACE_DAYS} days after an activity ended (time for its records to be entered),
 * five off for each late cancellation, twenty off for each complaint about the volunteer
 * that was upheld; never below zero.
 */
@Service
public class Credits implements CreditScores {

	static final int BASE = 100;

	static final int SERVICE_LIMIT = 100;

	static final int GRACE_DAYS = 3;

	/** Events of each kind shown, newest first. */
	static final int EVENTS = 30;

	private static final List<String> COUNTED = Arrays.stream(RecordReview.values())
		.filter(RecordReview::counts)
		.map(Enum::name)
		.toList();

	private final CreditRepository repository;

	private final Volunteers volunteers;

	private final AccessPolicy accessPolicy;

	Credits(CreditRepository repository, Volunteers volunteers, AccessPolicy accessPolicy) {
		this.repository = repository;
		this.volunteers = volunteers;
		this.accessPolicy = accessPolicy;
	}

	/**
	 * A volunteer's credit: the volunteer's own, or for the operators and auditors of
	 * their region (audited).
	 * @throws ProblemException 404 {@code VOLUNTEER_NOT_FOUND}, 403 for anyone else
	 */
	@Transactional
	public CreditView credit(Actor actor, UUID volunteerId) {
		VolunteerView volunteer = this.volunteers.find(volunteerId)
			.orElseThrow(() -> ProblemException.notFound("VOLUNTEER_NOT_FOUND", "volunteer.notFound"));
		this.accessPolicy.check(actor, Access.READ, new ScopedObject("credit", volunteer.id().toString(),
				volunteer.accountId(), volunteer.regionCode(), Set.of()));
		return creditOf(volunteer.id());
	}

	/** The score alone, for a position that asks for one; no access check. */
	@Override
	@Transactional(readOnly = true)
	public int scoreOf(UUID volunteerId) {
		return creditOf(volunteerId).score();
	}

	/** The caller's own credit; 404 {@code NOT_A_VOLUNTEER} for staff. */
	@Transactional(readOnly = true)
	public CreditView mine(Actor actor) {
		return creditOf(this.volunteers.mine(actor).id());
	}

	private CreditView creditOf(UUID volunteerId) {
		OffsetDateTime endedBefore = OffsetDateTime.now(ZoneOffset.UTC).minusDays(GRACE_DAYS);
		int services = this.repository.services(volunteerId, COUNTED);
		int noShows = this.repository.noShows(volunteerId, endedBefore);
		int late = this.repository.lateCancellations(volunteerId);
		int upheld = this.repository.upheldComplaints(volunteerId);
		int servicePoints = Math.min(services * CreditEventKind.SERVICE.points(), SERVICE_LIMIT);
		int score = Math.max(0,
				BASE + servicePoints + noShows * CreditEventKind.NO_SHOW.points()
						+ late * CreditEventKind.LATE_CANCELLATION.points()
						+ upheld * CreditEventKind.UPHELD_COMPLAINT.points());
		List<CreditEvent> events = this.repository.events(volunteerId, COUNTED, endedBefore, EVENTS)
			.stream()
			.sorted(Comparator.comparing(CreditEvent::occurredAt).reversed())
			.toList();
		return new CreditView(volunteerId, score, BASE, services, servicePoints, noShows, late, upheld, events);
	}

}
