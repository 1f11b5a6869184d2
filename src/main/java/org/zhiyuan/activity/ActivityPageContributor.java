package org.zhiyuan.activity;

import java.util.Optional;

import org.zhiyuan.access.Actor;

/**
 * What another module adds to an activity's public page without the activity module
 * depending on it: the summary of the volunteers' ratings, for instance. Every bean of
 * this type is asked when someone who may see the activity opens its page.
 *
 * @see ActivityPagePart
 */
public interface ActivityPageContributor {

	/**
	 * @param actor who opens the page, {@code null} when no one is signed in
	 * @param activity the activity, already allowed to be shown to the actor
	 * @return the module's section, or empty when it has nothing to show
	 */
	Optional<ActivityPagePart> partFor(Actor actor, ActivityView activity);

}
