package org.zhiyuan.emergency;

/**
 * What a mobilization needs: {@code count} people with the skill, holding a valid
 * qualification of the kind when one is named.
 */
public record Need(String skill, int count, QualificationKind qualification) {

}
