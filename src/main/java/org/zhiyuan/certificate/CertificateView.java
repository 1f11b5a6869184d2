package org.zhiyuan.certificate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A registry entry as its volunteer, its issuer and their overseers see it.
 *
 * @param number the certificate number
 * @param volunteerId the volunteer it certifies
 * @param volunteerName the volunteer's name
 * @param volunteerNumber the unified volunteer number
 * @param issuerKind whether the volunteer printed it or an organization issued it
 * @param organizationId the certifying organization, {@code null} for a platform-wide one
 * @param issuerName who issues it
 * @param periodFrom the first day of the period
 * @param periodTo the last day of the period
 * @param language {@code zh} or {@code en}
 * @param withSeal whether the organization's seal is stamped
 * @param recordCount how many records it certifies
 * @param totalHours their hours
 * @param contentHash SHA-256 of the certified facts
 * @param issuedAt when it was issued
 * @param revokedAt when it was revoked, or {@code null}
 * @param revocationReason why, or {@code null}
 */
public record CertificateView(String number, UUID volunteerId, String volunteerName, String volunteerNumber,
		IssuerKind issuerKind, UUID organizationId, String issuerName, LocalDate periodFrom, LocalDate periodTo,
		String language, boolean withSeal, int recordCount, BigDecimal totalHours, String contentHash,
		OffsetDateTime issuedAt, OffsetDateTime revokedAt, String revocationReason) {

	public boolean isRevoked() {
		return this.revokedAt != null;
	}

}
