/**
 * Commendation (表彰, C8) and the honour roll (光荣榜, C19): an operator's campaign for
 * volunteers, organizations or projects of a region, nominations with reasons by the
 * organizations and operators, review, the public notice (公示) with masked names and
 * objections answered by the operators, and the awards that become records of those
 * awarded and show on the region's honour roll.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "region", "access", "audit", "volunteer", "organization", "activity" })
package org.zhiyuan.commendation;
