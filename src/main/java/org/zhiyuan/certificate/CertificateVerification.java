package org.zhiyuan.certificate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * What anyone may learn about a certificate from its number: no personal data beyond the
 * masked name.
 *
 * @param valid issued here and not revoked
 * @param number the certificate number
 * @param issuer who issued it
 * @param volunteerName the volunteer's masked name
 * @param totalHours the hours it certifies
 * @param periodFrom the first day of the period
 * @param periodTo the last day of the period
 * @param recordCount how many records it certifies
 * @param issuedAt when it was issued
 * @param revoked whether it was revoked
 * @param revokedAt when, or {@code null}
 */
public record CertificateVerification(boolean valid, String number, String issuer, String volunteerName,
		BigDecimal totalHours, LocalDate periodFrom, LocalDate periodTo, int recordCount, OffsetDateTime issuedAt,
		boolean revoked, OffsetDateTime revokedAt) {

}
