package org.zhiyuan.emergency;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A mobilization's command board: how many were called, accepted, kept in reserve,
 * declined and mustered, and each need against the accepted volunteers who have its skill
 * (and valid qualification).
 */
public record Board(UUID id, String title, String regionCode, MobilizationStatus status, boolean drill,
		OffsetDateTime assembleAt, long notified, long accepted, long reserve, long declined, long mustered,
		List<NeedCount> needs) {

	/** A need against the accepted volunteers who meet it. */
	public record NeedCount(String skill, int count, QualificationKind qualification, long accepted) {

	}

}
