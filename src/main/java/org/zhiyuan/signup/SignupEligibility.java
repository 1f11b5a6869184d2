package org.zhiyuan.signup;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.zhiyuan.activity.ActivityView;
import org.zhiyuan.activity.ActivityView.PositionView;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.volunteer.VolunteerView;

import org.springframework.stereotype.Service;

/**
 * Whether a volunteer could sign up now, asked before they try: for recommendations,
 * which must never offer what a sign-up would refuse. The answer comes from the same
 * checks as {@link Signups#signUp}: the activity open for sign-up, no active sign-up of
 * theirs in it already, a place or a waiting list or the organizer's decision, and the
 * position's requirements (age on the day, qualifications valid on its dates, gender,
 * past service, no overlap with their accepted service elsewhere).
 */
@Service
public class SignupEligibility {

	private final Signups signups;

	private final SignupRepository repository;

	SignupEligibility(Signups signups, SignupRepository repository) {
		this.signups = signups;
		this.repository = repository;
	}

	/** The activities in which the volunteer already holds an active sign-up. */
	public Set<UUID> activitiesSignedUpFor(UUID volunteerId) {
		return this.repository.activitiesWithActiveSignup(volunteerId);
	}

	/**
	 * The positions of the activity the volunteer could sign up for now; empty when none,
	 * or when they hold an active sign-up in the activity (pass those from
	 * {@link #activitiesSignedUpFor} to ask for many activities at once).
	 */
	public List<PositionView> openPositions(VolunteerView volunteer, ActivityView activity, Set<UUID> signedUpFor) {
		if (!activity.isOpenForSignup(OffsetDateTime.now(ZoneOffset.UTC)) || signedUpFor.contains(activity.id())) {
			return List.of();
		}
		List<PositionView> open = new ArrayList<>();
		for (PositionView position : activity.positions()) {
			boolean place = activity.approval() == org.zhiyuan.activity.ApprovalMode.MANUAL || position.free() > 0
					|| activity.waitlist();
			if (place && meets(volunteer, activity, position)) {
				open.add(position);
			}
		}
		return open;
	}

	/**
	 * Whether the volunteer holds an accepted place elsewhere whose time overlaps the
	 * span: for needs, which a volunteer should not accept over their other service.
	 */
	public boolean busyBetween(UUID volunteerId, OffsetDateTime from, OffsetDateTime to) {
		return !this.repository.overlapping(volunteerId, new UUID(0, 0), from, to).isEmpty();
	}

	private boolean meets(VolunteerView volunteer, ActivityView activity, PositionView position) {
		try {
			this.signups.checkRequirements(volunteer, activity, position);
			return true;
		}
		catch (ProblemException ex) {
			return false;
		}
	}

}
