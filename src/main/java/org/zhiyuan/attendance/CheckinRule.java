package org.zhiyuan.attendance;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.zhiyuan.activity.ActivityView;

/**
 * A condition a volunteer must meet, besides an approved sign-up, to be checked in: a
 * qualification still valid, accident insurance on the activity's dates. Every bean of
 * this type is asked, in order, at each check-in, by the volunteer's code or entered by
 * the organizer; one that refuses throws a {@link org.zhiyuan.shared.ProblemException}
 * (422 with a code such as {@code NOT_INSURED}) whose message explains itself, and the
 * volunteer is not checked in.
 */
public interface CheckinRule {

	/**
	 * @param volunteerId who is checking in
	 * @param activity the activity
	 * @param at the time of the check-in
	 * @throws org.zhiyuan.shared.ProblemException when the volunteer may not check in
	 */
	void check(UUID volunteerId, ActivityView activity, OffsetDateTime at);

}
