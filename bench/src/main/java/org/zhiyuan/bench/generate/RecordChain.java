package org.zhiyuan.bench.generate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The platform's service record hash ({@code org.zhiyuan.record.RecordHashes}): SHA-256
 * of the canonical text, times as UTC instants and hours as plain decimals with two
 * places, each record linking the hash of the one before ({@link #GENESIS} for the
 * first). Not thread-safe.
 */
final class RecordChain {

	static final String GENESIS = "0".repeat(64);

	private final MessageDigest digest;

	RecordChain() {
		try {
			this.digest = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	String hash(UUID volunteerId, long sequence, UUID activityId, UUID organizationId, Instant startedAt,
			Instant endedAt, BigDecimal hours, String method, UUID recordedBy, String prevHash) {
		String text = String.join("|", volunteerId.toString(), Long.toString(sequence), activityId.toString(),
				organizationId.toString(), startedAt.toString(), endedAt.toString(),
				hours.setScale(2, RoundingMode.UNNECESSARY).toPlainString(), method, recordedBy.toString(), prevHash);
		return HexFormat.of().formatHex(this.digest.digest(text.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * Hours between two times as the platform counts them: whole minutes / 60, half up.
	 */
	static BigDecimal hoursBetween(Instant start, Instant end) {
		long minutes = (end.getEpochSecond() - start.getEpochSecond()) / 60;
		return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
	}

}
