package org.zhiyuan.emergency;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A volunteer's call as they see it: the mobilization, where and when to assemble, their
 * answer, when they mustered, their group, task and its leader, the hours recorded at the
 * stand-down, and whether they are old enough to accept.
 */
public record MyCall(UUID id, String title, String regionCode, MobilizationStatus status, boolean drill,
		OffsetDateTime assembleAt, Board.AssemblyPoint assemblyPoint, CallStatus myStatus, OffsetDateTime musteredAt,
		String groupName, String task, String leaderName, BigDecimal recordedHours, boolean adult) {

}
