package org.zhiyuan.certificate;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * What a certificate states, fixed at issue: the facts the PDF shows and the content hash
 * the registry keeps.
 *
 * @param number the certificate number
 * @param locale the language it is written in
 * @param volunteerName the volunteer's full name
 * @param genderKey the message key of the volunteer's gender
 * @param idNumberMasked the masked ID number
 * @param volunteerNumber the unified volunteer number
 * @param from the first day of the period
 * @param to the last day of the period
 * @param lines one line per certified record, oldest first
 * @param totalHours the sum of the lines' hours
 * @param trainings training and qualifications held, one text each
 * @param starLevel the volunteer's star level (星级), 0 for none
 * @param awards the volunteer's awards (表彰), one text each, newest first
 * @param evaluationCount how many of the lines the recording organizations evaluated
 * @param evaluationAverage the average of those evaluations' stars (one decimal), or
 * {@code null} when there is none
 * @param issuerName who issues it: the platform, or the certifying organization
 * @param selfPrinted whether the volunteer printed it (自行打印) rather than an organization
 * @param issuedAt when it was issued
 * @param verifyUrl where anyone can verify it (the QR code's target)
 * @param seal the seal image to stamp, or {@code null}
 */
record CertificateContent(String number, Locale locale, String volunteerName, String genderKey, String idNumberMasked,
		String volunteerNumber, LocalDate from, LocalDate to, List<Line> lines, BigDecimal totalHours,
		List<String> trainings, int starLevel, List<String> awards, int evaluationCount, BigDecimal evaluationAverage,
		String issuerName, boolean selfPrinted, OffsetDateTime issuedAt, String verifyUrl, byte[] seal) {

	CertificateContent {
		lines = List.copyOf(lines);
		trainings = List.copyOf(trainings);
		awards = List.copyOf(awards);
	}

	/**
	 * One certified record.
	 *
	 * @param recordId the service record
	 * @param date the day the service started (China time)
	 * @param activity the activity's title
	 * @param place where it took place
	 * @param content what the volunteer did
	 * @param hours the effective hours
	 * @param recordingOrganization the organization that recorded it, with its certifier
	 * when that organization no longer exists
	 * @param stars the stars the recording organization gave the service (评价), or
	 * {@code null} when it gave none
	 */
	record Line(UUID recordId, LocalDate date, String activity, String place, String content, BigDecimal hours,
			String recordingOrganization, Integer stars) {

	}

	/**
	 * SHA-256 over the certified facts in a fixed order: equal for equal content,
	 * whatever the PDF's bytes. Awards and evaluations, which certificates state since
	 * they were added, enter only when there are some: the content of a certificate
	 * without them hashes as it always did, so that the hashes the registry keeps for
	 * certificates issued before stay the hashes of their content.
	 */
	String contentHash() {
		StringBuilder text = new StringBuilder();
		append(text, this.number, this.locale.toLanguageTag(), this.volunteerName, this.genderKey, this.idNumberMasked,
				this.volunteerNumber, this.from, this.to, this.totalHours.toPlainString(), this.starLevel,
				this.issuerName, this.selfPrinted, this.issuedAt.toInstant(), this.verifyUrl, this.seal != null);
		for (Line line : this.lines) {
			append(text, line.recordId(), line.date(), line.activity(), line.place(), line.content(),
					line.hours().toPlainString(), line.recordingOrganization());
		}
		for (String training : this.trainings) {
			append(text, training);
		}
		if (!this.awards.isEmpty()) {
			append(text, "awards", this.awards.size());
			for (String award : this.awards) {
				append(text, award);
			}
		}
		if (this.evaluationCount > 0) {
			append(text, "evaluations", this.evaluationCount, this.evaluationAverage.toPlainString());
			for (Line line : this.lines) {
				if (line.stars() != null) {
					append(text, line.recordId(), line.stars());
				}
			}
		}
		try {
			return HexFormat.of()
				.formatHex(
						MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	private static void append(StringBuilder text, Object... values) {
		for (Object value : values) {
			String part = String.valueOf(value);
			// length-prefixed, so that no choice of values can shift a boundary
			text.append(part.length()).append(':').append(part).append('|');
		}
		text.append('\n');
	}

}
