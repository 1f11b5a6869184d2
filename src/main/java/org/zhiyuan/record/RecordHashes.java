package org.zhiyuan.record;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The canonical text of records and amendments and its SHA-256. Times are written as UTC
 * instants and hours as plain decimals with two places, so the same row always gives the
 * same hash on every database.
 */
final class RecordHashes {

	/** The previous hash of a volunteer's first record. */
	static final String GENESIS = "0".repeat(64);

	private RecordHashes() {
	}

	static String ofRecord(UUID volunteerId, long sequence, UUID activityId, UUID organizationId,
			OffsetDateTime startedAt, OffsetDateTime endedAt, BigDecimal hours, RecordMethod method, UUID recordedBy,
			String prevHash) {
		return sha256(String.join("|", volunteerId.toString(), Long.toString(sequence), activityId.toString(),
				organizationId.toString(), instant(startedAt), instant(endedAt), plain(hours), method.name(),
				recordedBy.toString(), prevHash));
	}

	static String ofAmendment(String recordHash, UUID amendmentId, OffsetDateTime startedAt, OffsetDateTime endedAt,
			BigDecimal hours, String reason, UUID requestedBy, OffsetDateTime requestedAt, AmendmentStatus status,
			UUID decidedBy, OffsetDateTime decidedAt, String decisionNote) {
		return sha256(String.join("|", recordHash, amendmentId.toString(), instant(startedAt), instant(endedAt),
				plain(hours), reason, requestedBy.toString(), instant(requestedAt), status.name(),
				String.valueOf(decidedBy), instant(decidedAt), String.valueOf(decisionNote)));
	}

	private static String instant(OffsetDateTime time) {
		return (time != null) ? time.toInstant().toString() : "-";
	}

	private static String plain(BigDecimal hours) {
		return hours.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString();
	}

	private static String sha256(String text) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java platform", ex);
		}
	}

}
