package org.zhiyuan.activity;

/**
 * A condition an activity must meet before it is published, kept by the module that knows
 * it (accident insurance for a high-risk activity, for instance). Every bean of this type
 * is asked, in order, when an organizer publishes; one that refuses throws a
 * {@link org.zhiyuan.shared.ProblemException} whose message says what to do, and nothing
 * is published.
 */
public interface PublicationRule {

	/**
	 * @param activity the draft about to be published
	 * @throws org.zhiyuan.shared.ProblemException when the activity may not be published
	 */
	void check(ActivityView activity);

}
