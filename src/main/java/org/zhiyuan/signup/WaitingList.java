package org.zhiyuan.signup;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhiyuan.activity.Activities;
import org.zhiyuan.activity.ActivityChanged;
import org.zhiyuan.signup.SignupRepository.Waiting;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A position's waiting list moving up: a freed place goes to the first in line who can
 * take it, that is who holds no accepted place elsewhere at an overlapping time.
 * <p>
 * Whether someone can is decided under their volunteer's lock, the lock every request
 * that may give them service takes first: a sign-up of theirs elsewhere at the same
 * moment is either seen, and they keep waiting, or waits and then sees the promotion. The
 * place, though, is claimed before anyone is chosen, and a volunteer's request may be
 * waiting for that very place (or for their waiting sign-up, or for another place whose
 * holder waits for this one) while holding the volunteer. So the promotion does not wait
 * for a volunteer: someone whose lock is held is passed over for the next in line, and
 * keeps waiting. Should nobody else take the place, it is given back and, once the
 * transaction has committed, filled in transactions of their own that lock the volunteer
 * first and the place after, as a sign-up does, and may therefore wait.
 */
@Component
class WaitingList {

	/**
	 * How many of the first in line one promotion considers, and how many promotions
	 * filling places after a commit tries at most.
	 */
	private static final int LOOKAHEAD = 20;

	private static final Logger log = LoggerFactory.getLogger(WaitingList.class);

	private final SignupRepository signups;

	private final Activities activities;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate separately;

	WaitingList(SignupRepository signups, Activities activities, ApplicationEventPublisher events,
			PlatformTransactionManager transactions) {
		this.signups = signups;
		this.activities = activities;
		this.events = events;
		this.separately = new TransactionTemplate(transactions);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Gives one free place of the position to the first in line who can take it, in the
	 * caller's transaction. The place is claimed before anyone is promoted, so a race can
	 * only leave a place free for a moment, never oversell it.
	 * @return whether someone moved up
	 */
	boolean promoteInto(UUID activityId, UUID positionId, UUID actorId) {
		if (!this.signups.hasWaiting(activityId, positionId) || !this.activities.claimPlace(activityId, positionId)) {
			return false;
		}
		List<Waiting> line = this.signups.firstInLine(activityId, positionId, LOOKAHEAD);
		boolean someoneLeft = line.size() == LOOKAHEAD;
		for (Waiting next : line) {
			if (!this.signups.tryLockVolunteer(next.volunteerId())) {
				someoneLeft = true;
			}
			else if (this.signups.promote(next, positionId, now())) {
				promoted(next, actorId);
				return true;
			}
		}
		this.activities.releasePlace(activityId, positionId);
		if (someoneLeft) {
			fillAfterCommit(activityId, positionId, actorId);
		}
		return false;
	}

	/** Positions that gained places take the next in line, as many as now fit. */
	@EventListener
	void on(ActivityChanged event) {
		for (UUID positionId : event.grownPositions()) {
			while (promoteInto(event.activityId(), positionId, null)) {
				// each round fills one more of the new places
			}
		}
	}

	private void fillAfterCommit(UUID activityId, UUID positionId, UUID actorId) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			fill(activityId, positionId, actorId);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				fill(activityId, positionId, actorId);
			}

		});
	}

	/**
	 * Fills the position's free places from its waiting list, each promotion in a
	 * transaction of its own. Never fails: a place it could not fill stays free for the
	 * next sign-up.
	 */
	private void fill(UUID activityId, UUID positionId, UUID actorId) {
		try {
			for (int round = 0; round < LOOKAHEAD; round++) {
				if (!Boolean.TRUE.equals(
						this.separately.execute((status) -> promoteInOrder(activityId, positionId, actorId, status)))) {
					return;
				}
			}
		}
		catch (RuntimeException ex) {
			log.warn("A free place of position {} was left for the next sign-up: {}", positionId,
					ex.getClass().getName());
		}
	}

	/**
	 * Promotes the first in line taking the locks in a sign-up's order, their volunteer
	 * first and the place after, so it may wait for the volunteer's requests to finish.
	 * @return whether to go on: {@code false} when nobody waits who could move up, or no
	 * place is free
	 */
	private boolean promoteInOrder(UUID activityId, UUID positionId, UUID actorId, TransactionStatus status) {
		Waiting next = this.signups.firstInLine(activityId, positionId, 1).stream().findFirst().orElse(null);
		if (next == null) {
			return false;
		}
		this.signups.lockVolunteer(next.volunteerId());
		if (!this.activities.claimPlace(activityId, positionId)) {
			return false;
		}
		if (this.signups.promote(next, positionId, now())) {
			promoted(next, actorId);
		}
		else {
			// they took a place elsewhere meanwhile, or stopped waiting: the line is read
			// again
			status.setRollbackOnly();
		}
		return true;
	}

	private void promoted(Waiting signup, UUID actorId) {
		this.signups.event(signup.activityId(), signup.signupId(), SignupStatus.APPROVED, "promoted", actorId, now());
		this.events
			.publishEvent(new SignupApproved(signup.signupId(), signup.activityId(), signup.volunteerId(), true));
	}

	private static OffsetDateTime now() {
		return OffsetDateTime.now(ZoneOffset.UTC);
	}

}
