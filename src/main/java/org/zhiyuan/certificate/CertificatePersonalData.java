package org.zhiyuan.certificate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.zhiyuan.access.PersonalDataSection;
import org.zhiyuan.access.PersonalDataSource;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The certificates issued for a volunteer, as registered (their PDFs are downloaded one
 * by one), for their own data download.
 */
@Component
@Order(40)
class CertificatePersonalData implements PersonalDataSource {

	private final JdbcClient jdbc;

	CertificatePersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<PersonalDataSection> sectionsOf(Subject subject) {
		List<CertificateRow> certificates = this.jdbc
			.sql("SELECT number, issuer_kind, issuer_name, period_from, period_to, language, with_seal, record_count,"
					+ " total_hours, issued_at, revoked_at, revocation_reason FROM certificate"
					+ " WHERE volunteer_id = :volunteer ORDER BY issued_at, id")
			.param("volunteer", subject.volunteerId())
			.query((rs, row) -> new CertificateRow(rs.getString("number"), rs.getString("issuer_kind"),
					rs.getString("issuer_name"), rs.getObject("period_from", LocalDate.class),
					rs.getObject("period_to", LocalDate.class), rs.getString("language"), rs.getBoolean("with_seal"),
					rs.getInt("record_count"), rs.getBigDecimal("total_hours"),
					rs.getObject("issued_at", OffsetDateTime.class), rs.getObject("revoked_at", OffsetDateTime.class),
					rs.getString("revocation_reason")))
			.list();
		return List.of(new PersonalDataSection("certificates", "证明 Certificates", certificates));
	}

	/** A certificate in the registry, and whether and why it was revoked. */
	record CertificateRow(String number, String issuerKind, String issuer, LocalDate periodFrom, LocalDate periodTo,
			String language, boolean withSeal, int recordCount, BigDecimal totalHours, OffsetDateTime issuedAt,
			OffsetDateTime revokedAt, String revocationReason) {

	}

}
