package org.zhiyuan.emergency;

/**
 * What a mobilization needs: {@code count} people with the skill, holding a valid
 * qualification of the kind when one is named, and insured on the day when
 * {@code insured}.
 */
public record Need(String skill, int count, QualificationKind qualification, boolean insured) {

	public Need(String skill, int count, QualificationKind qualification) {
		this(skill, count, qualification, false);
	}

}
