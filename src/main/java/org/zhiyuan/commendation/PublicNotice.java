package org.zhiyuan.commendation;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The public notice (公示) of a campaign: the approved nominees by public name (volunteers'
 * names masked) with their reasons, and the notice period.
 */
public record PublicNotice(UUID commendationId, String title, CommendationKind kind, String regionCode,
		OffsetDateTime noticeStartsAt, OffsetDateTime noticeEndsAt, boolean open, List<NoticeEntry> nominees) {

	/** One nominee in the notice. */
	public record NoticeEntry(UUID nominationId, String publicName, String reason) {

	}

}
