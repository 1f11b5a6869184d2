package org.zhiyuan.pairing;

/** The key groups (重点群体) whom pairings serve. */
public enum KeyGroup {

	/** 独居老人. */
	ELDERLY_LIVING_ALONE,

	/** 空巢、高龄老人. */
	EMPTY_NEST_ELDERLY,

	/** 留守儿童: always a child, with a guardian. */
	LEFT_BEHIND_CHILD,

	/** 困境儿童. */
	CHILD_IN_DIFFICULTY,

	/** 残疾人. */
	DISABLED,

	/** 困难家庭. */
	HARDSHIP_FAMILY;

	/** Whether the group is of children, whose records need a guardian's consent. */
	public boolean isChildren() {
		return this == LEFT_BEHIND_CHILD || this == CHILD_IN_DIFFICULTY;
	}

}
