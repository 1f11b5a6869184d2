package org.zhiyuan.fault;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who calls, as seen from an object owned by organization A in region R1 (朝阳区 110105). R2
 * is 黄浦区 (310101); organization B is another organization of R1.
 */
enum Caller {

	/** No token at all. */
	ANONYMOUS,

	/**
	 * The volunteer the object concerns: whose sign-up, record or notification it is, or
	 * a member of organization A for its organization and activities.
	 */
	VOLUNTEER,

	/** A volunteer of R1 with no part in the object. */
	OTHER_VOLUNTEER,

	/** An admin of organization A (also a volunteer). */
	ORG_ADMIN,

	/** An admin of organization B (also a volunteer). */
	OTHER_ORG_ADMIN,

	/** A platform operator of R1. */
	OPERATOR,

	/** A platform operator of R2. */
	OTHER_OPERATOR,

	/** An auditor of R1. */
	AUDITOR,

	/** An auditor of R2. */
	OTHER_AUDITOR,

	/** A national operator, like {@code admin}. */
	NATIONAL_OPERATOR;

	static final Set<Caller> EVERYONE = EnumSet.allOf(Caller.class);

	static final Set<Caller> SIGNED_IN = EnumSet.complementOf(EnumSet.of(ANONYMOUS));

	/** Callers with a volunteer record: volunteers and organization admins. */
	static final Set<Caller> VOLUNTEERS = EnumSet.of(VOLUNTEER, OTHER_VOLUNTEER, ORG_ADMIN, OTHER_ORG_ADMIN);

	/** Those who operate or audit R1. */
	static final Set<Caller> OVERSEERS = EnumSet.of(OPERATOR, AUDITOR, NATIONAL_OPERATOR);

	/** Those who operate R1. */
	static final Set<Caller> OPERATORS = EnumSet.of(OPERATOR, NATIONAL_OPERATOR);

}
