package org.zhiyuan.points;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.zhiyuan.access.Access;
import org.zhiyuan.access.AccessPolicy;
import org.zhiyuan.access.Actor;
import org.zhiyuan.access.ScopedObject;
import org.zhiyuan.points.PointsRepository.LotRow;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.volunteer.VolunteerView;
import org.zhiyuan.volunteer.Volunteers;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading a volunteer's points: the volunteer's own, or as an operator or auditor of
 * their region (audited); their organizations do not see them.
 */
@Service
public class Points {

	/** What expires within this many days is shown as expiring soon. */
	static final int SOON_DAYS = 90;

	private final PointsRepository repository;

	private final Volunteers volunteers;

	private final AccessPolicy accessPolicy;

	Points(PointsRepository repository, Volunteers volunteers, AccessPolicy accessPolicy) {
		this.repository = repository;
		this.volunteers = volunteers;
		this.accessPolicy = accessPolicy;
	}

	/**
	 * A volunteer's points.
	 * @throws ProblemException 404 {@code VOLUNTEER_NOT_FOUND}, 403 for anyone but the
	 * volunteer and those who oversee their region
	 */
	@Transactional
	public PointsView points(Actor actor, UUID volunteerId) {
		return pointsOf(readable(actor, volunteerId).id());
	}

	/** The caller's own points; 404 {@code NOT_A_VOLUNTEER} for staff. */
	@Transactional(readOnly = true)
	public PointsView mine(Actor actor) {
		return pointsOf(this.volunteers.mine(actor).id());
	}

	/** A volunteer's entries, newest first; as {@link #points}. */
	@Transactional
	public PageResult<PointEntryView> entries(Actor actor, UUID volunteerId, PageQuery page) {
		return this.repository.entries(readable(actor, volunteerId).id(), page);
	}

	/** The caller's own entries, newest first. */
	@Transactional(readOnly = true)
	public PageResult<PointEntryView> myEntries(Actor actor, PageQuery page) {
		return this.repository.entries(this.volunteers.mine(actor).id(), page);
	}

	PointsView pointsOf(UUID volunteerId) {
		OffsetDateTime now = PointLedger.now();
		OffsetDateTime soon = now.plusDays(SOON_DAYS);
		List<LotRow> holding = this.repository.holding(volunteerId);
		List<PointLotView> lots = holding.stream()
			.map((lot) -> new PointLotView(lot.id(), lot.recordId(), lot.points(), lot.remaining(), lot.issuedAt(),
					lot.expiresAt(), !lot.expiresAt().isAfter(now)))
			.toList();
		int balance = lots.stream().filter((lot) -> !lot.expired()).mapToInt(PointLotView::remaining).sum();
		int expiringSoon = lots.stream()
			.filter((lot) -> !lot.expired() && !lot.expiresAt().isAfter(soon))
			.mapToInt(PointLotView::remaining)
			.sum();
		OffsetDateTime next = lots.stream()
			.filter((lot) -> !lot.expired())
			.map(PointLotView::expiresAt)
			.findFirst()
			.orElse(null);
		return new PointsView(volunteerId, balance, expiringSoon, next, this.repository.owed(volunteerId).orElse(0),
				lots.stream().filter((lot) -> !lot.expired()).toList());
	}

	private VolunteerView readable(Actor actor, UUID volunteerId) {
		VolunteerView volunteer = this.volunteers.find(volunteerId)
			.orElseThrow(() -> ProblemException.notFound("VOLUNTEER_NOT_FOUND", "volunteer.notFound"));
		this.accessPolicy.check(actor, Access.READ, new ScopedObject("points", volunteer.id().toString(),
				volunteer.accountId(), volunteer.regionCode(), Set.of()));
		return volunteer;
	}

}
