package org.zhiyuan.commendation;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A campaign: its region, title, whom it commends, until when nominations are taken, how
 * many days the notice runs and, once opened, from when to when; when it was awarded.
 */
public record CommendationView(UUID id, String regionCode, String title, CommendationKind kind,
		OffsetDateTime nominationsUntil, int noticeDays, OffsetDateTime noticeStartsAt, OffsetDateTime noticeEndsAt,
		OffsetDateTime awardedAt, CommendationStage stage, OffsetDateTime createdAt) {

}
