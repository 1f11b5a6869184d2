package org.zhiyuan.recommendation;

/** What is recommended: an activity to sign up for, or a need to accept. */
public enum RecommendationKind {

	ACTIVITY, NEED

}
