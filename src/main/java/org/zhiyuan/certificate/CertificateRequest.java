package org.zhiyuan.certificate;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A request for a certificate.
 *
 * @param volunteerId whose records
 * @param from the first day of the period
 * @param to the last day of the period
 * @param organizationId only the records this organization certifies (required for an
 * organization admin who administers several), or {@code null} for all of them
 * @param language {@code zh} (default) or {@code en}
 * @param seal whether to stamp the organization's seal (needs an organization that has
 * uploaded one)
 */
public record CertificateRequest(UUID volunteerId, LocalDate from, LocalDate to, UUID organizationId, String language,
		boolean seal) {

}
