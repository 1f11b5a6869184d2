package org.zhiyuan.emergency;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A mobilization in a list; {@code myStatus} is the caller's call when the list is a
 * volunteer's own, else null.
 */
public record MobilizationSummary(UUID id, String title, String regionCode, MobilizationStatus status, boolean drill,
		OffsetDateTime assembleAt, String assemblyName, int notified, OffsetDateTime launchedAt, CallStatus myStatus) {

}
