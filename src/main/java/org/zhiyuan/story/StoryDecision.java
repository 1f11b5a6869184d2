package org.zhiyuan.story;

/** An operator's review of a submitted story. */
public enum StoryDecision {

	PUBLISH, RETURN

}
