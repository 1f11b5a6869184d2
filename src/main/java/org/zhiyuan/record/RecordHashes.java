package org.zhiyuan.record;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
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

	/**
	 * The hash of a record. Its flags and whether it was held are written only when there
	 * are any, so that records made before they existed keep their hashes.
	 */
	static String ofRecord(UUID volunteerId, long sequence, UUID activityId, UUID organizationId,
			OffsetDateTime startedAt, OffsetDateTime endedAt, BigDecimal hours, RecordMethod method, UUID recordedBy,
			String prevHash, Set<RecordFlag> flags, boolean held) {
		String text = String.join("|", volunteerId.toString(), Long.toString(sequence), activityId.toString(),
				organizationId.toString(), instant(startedAt), instant(endedAt), plain(hours), method.name(),
				recordedBy.toString(), prevHash);
		if (!flags.isEmpty() || held) {
			text = text + "|" + flagsText(flags) + "|" + held;
		}
		return sha256(text);
	}

	static String ofResolution(String recordHash, UUID resolutionId, RecordOutcome outcome, String note, UUID decidedBy,
			OffsetDateTime decidedAt) {
		return sha256(String.join("|", recordHash, resolutionId.toString(), outcome.name(), note, decidedBy.toString(),
				instant(decidedAt)));
	}

	/** Flags as stored: names in their declared order, comma-separated; null for none. */
	static String flagsText(Set<RecordFlag> flags) {
		if (flags.isEmpty()) {
			return null;
		}
		return String.join(",", EnumSet.copyOf(flags).stream().map(RecordFlag::name).toList());
	}

	/**
	 * Flags as read; names it does not know are left out, and verification finds them
	 * because the text then differs from {@link #flagsText} of the result.
	 */
	static Set<RecordFlag> flagsOf(String text) {
		EnumSet<RecordFlag> flags = EnumSet.noneOf(RecordFlag.class);
		if (text != null) {
			for (String name : text.split(",")) {
				for (RecordFlag flag : RecordFlag.values()) {
					if (flag.name().equals(name)) {
						flags.add(flag);
					}
				}
			}
		}
		return flags;
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

	static String sha256(String text) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java platform", ex);
		}
	}

}
