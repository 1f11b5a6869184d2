package org.zhiyuan.signup;

import java.util.List;
import java.util.Optional;

import org.zhiyuan.access.Actor;
import org.zhiyuan.activity.ActivityView;

/**
 * What another module adds to an activity's roster page, without the sign-up module
 * depending on it: marks on some volunteers' cards and a panel above the list (accident
 * insurance of a high-risk activity, for instance). Every bean of this type is asked when
 * an organizer or overseer opens the roster, after the roster's own access check.
 */
public interface RosterContributor {

	/**
	 * @param actor who opens the roster
	 * @param activity the activity
	 * @param roster the sign-ups shown
	 * @return the module's part of the page, or empty when it has nothing to add
	 */
	Optional<RosterPart> partFor(Actor actor, ActivityView activity, List<SignupView> roster);

}
