package org.zhiyuan.certificate;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CertificateRepository {

	private static final String VIEW = "SELECT c.id, c.number, c.volunteer_id, v.name AS volunteer_name,"
			+ " v.volunteer_number, c.issuer_kind, c.organization_id, c.issuer_name, c.period_from, c.period_to,"
			+ " c.language, c.with_seal, c.record_count, c.total_hours, c.content_hash, c.issued_at, c.revoked_at,"
			+ " c.revocation_reason, c.volunteer_name_masked, c.issued_by, v.account_id, v.region_code"
			+ " FROM certificate c JOIN volunteer v ON v.id = c.volunteer_id";

	private final JdbcClient jdbc;

	CertificateRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Writes the certificate with the records it names. Its number is claimed first, in a
	 * table keyed by the number: a number issued already fails here with a duplicate key,
	 * on a cluster too, where the certificate lives beside its volunteer.
	 */
	void insert(UUID id, CertificateContent content, NewEntry entry, String pdfHash, byte[] pdf) {
		this.jdbc.sql("INSERT INTO certificate_number (number, volunteer_id) VALUES (:number, :volunteer)")
			.param("number", content.number())
			.param("volunteer", entry.volunteerId())
			.update();
		this.jdbc
			.sql("INSERT INTO certificate (id, number, volunteer_id, issuer_kind, organization_id, issuer_name,"
					+ " issued_by, period_from, period_to, language, with_seal, record_count, total_hours,"
					+ " volunteer_name_masked, content_hash, pdf_hash, pdf, issued_at, idempotency_key) VALUES (:id,"
					+ " :number, :volunteer, :kind, :organization, :issuer, :issuedBy, :from, :to, :language, :seal,"
					+ " :count, :total, :masked, :contentHash, :pdfHash, :pdf, :issuedAt, :key)")
			.param("id", id)
			.param("number", content.number())
			.param("volunteer", entry.volunteerId())
			.param("kind", entry.kind().name())
			.param("organization", entry.organizationId())
			.param("issuer", content.issuerName())
			.param("issuedBy", entry.issuedBy())
			.param("from", content.from())
			.param("to", content.to())
			.param("language", content.locale().getLanguage())
			.param("seal", content.seal() != null)
			.param("count", content.lines().size())
			.param("total", content.totalHours())
			.param("masked", entry.maskedName())
			.param("contentHash", content.contentHash())
			.param("pdfHash", pdfHash)
			.param("pdf", pdf)
			.param("issuedAt", content.issuedAt())
			.param("key", entry.idempotencyKey())
			.update();
		for (CertificateContent.Line line : content.lines()) {
			this.jdbc
				.sql("INSERT INTO certificate_record (certificate_id, volunteer_id, record_id, hours) VALUES (:id,"
						+ " :volunteer, :record, :hours)")
				.param("id", id)
				.param("volunteer", entry.volunteerId())
				.param("record", line.recordId())
				.param("hours", line.hours())
				.update();
		}
	}

	/** The volunteer a certificate's number was issued to, if it was. */
	private Optional<UUID> volunteerOf(String number) {
		return this.jdbc.sql("SELECT volunteer_id FROM certificate_number WHERE number = :number")
			.param("number", number)
			.query(UUID.class)
			.optional();
	}

	/** A certificate by its number: found by its volunteer, where it lives. */
	Optional<Stored> find(String number) {
		return volunteerOf(number)
			.flatMap((volunteer) -> this.jdbc.sql(VIEW + " WHERE c.volunteer_id = :volunteer AND c.number = :number")
				.param("volunteer", volunteer)
				.param("number", number)
				.query(this::stored)
				.optional());
	}

	Optional<Stored> findByIdempotencyKey(UUID volunteerId, UUID issuedBy, String key) {
		return this.jdbc
			.sql(VIEW + " WHERE c.volunteer_id = :volunteer AND c.issued_by = :issuedBy AND c.idempotency_key = :key")
			.param("volunteer", volunteerId)
			.param("issuedBy", issuedBy)
			.param("key", key)
			.query(this::stored)
			.optional();
	}

	Optional<Stored> findByPdfHash(String pdfHash) {
		return this.jdbc.sql(VIEW + " WHERE c.pdf_hash = :hash")
			.param("hash", pdfHash)
			.query(this::stored)
			.list()
			.stream()
			.findFirst();
	}

	Optional<byte[]> pdfOf(String number) {
		return volunteerOf(number).flatMap((volunteer) -> this.jdbc
			.sql("SELECT pdf FROM certificate WHERE volunteer_id = :volunteer AND number = :number")
			.param("volunteer", volunteer)
			.param("number", number)
			.query((rs, n) -> rs.getBytes(1))
			.optional());
	}

	PageResult<Stored> ofVolunteer(UUID volunteerId, PageQuery page) {
		long total = this.jdbc.sql("SELECT COUNT(*) FROM certificate WHERE volunteer_id = :volunteer")
			.param("volunteer", volunteerId)
			.query(Long.class)
			.single();
		List<Stored> items = this.jdbc
			.sql(VIEW + " WHERE c.volunteer_id = :volunteer ORDER BY c.issued_at DESC LIMIT :limit OFFSET :offset")
			.param("volunteer", volunteerId)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(this::stored)
			.list();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	PageResult<Stored> ofOrganization(UUID organizationId, PageQuery page) {
		long total = this.jdbc.sql("SELECT COUNT(*) FROM certificate WHERE organization_id = :organization")
			.param("organization", organizationId)
			.query(Long.class)
			.single();
		List<Stored> items = this.jdbc
			.sql(VIEW + " WHERE c.organization_id = :organization ORDER BY c.issued_at DESC LIMIT :limit"
					+ " OFFSET :offset")
			.param("organization", organizationId)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(this::stored)
			.list();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	/** Marks a certificate revoked once; false when it already was. */
	boolean revoke(String number, UUID actorId, String reason, OffsetDateTime now) {
		Optional<UUID> volunteer = volunteerOf(number);
		if (volunteer.isEmpty()) {
			return false;
		}
		return this.jdbc
			.sql("UPDATE certificate SET revoked_at = :now, revoked_by = :actor, revocation_reason = :reason"
					+ " WHERE volunteer_id = :volunteer AND number = :number AND revoked_at IS NULL")
			.param("volunteer", volunteer.get())
			.param("number", number)
			.param("actor", actorId)
			.param("reason", reason)
			.param("now", now)
			.update() == 1;
	}

	void saveSeal(UUID organizationId, byte[] image, String contentType, UUID actorId, OffsetDateTime now) {
		int updated = this.jdbc
			.sql("UPDATE organization_seal SET image = :image, content_type = :type, uploaded_by = :actor,"
					+ " uploaded_at = :now WHERE organization_id = :organization")
			.param("organization", organizationId)
			.param("image", image)
			.param("type", contentType)
			.param("actor", actorId)
			.param("now", now)
			.update();
		if (updated == 0) {
			this.jdbc
				.sql("INSERT INTO organization_seal (organization_id, image, content_type, uploaded_by, uploaded_at)"
						+ " VALUES (:organization, :image, :type, :actor, :now)")
				.param("organization", organizationId)
				.param("image", image)
				.param("type", contentType)
				.param("actor", actorId)
				.param("now", now)
				.update();
		}
	}

	Optional<byte[]> sealOf(UUID organizationId) {
		return this.jdbc.sql("SELECT image FROM organization_seal WHERE organization_id = :organization")
			.param("organization", organizationId)
			.query((rs, n) -> rs.getBytes(1))
			.optional();
	}

	boolean removeSeal(UUID organizationId) {
		return this.jdbc.sql("DELETE FROM organization_seal WHERE organization_id = :organization")
			.param("organization", organizationId)
			.update() == 1;
	}

	private Stored stored(ResultSet rs, int row) throws SQLException {
		CertificateView view = new CertificateView(rs.getString("number"), rs.getObject("volunteer_id", UUID.class),
				rs.getString("volunteer_name"), rs.getString("volunteer_number"),
				IssuerKind.valueOf(rs.getString("issuer_kind")), rs.getObject("organization_id", UUID.class),
				rs.getString("issuer_name"), rs.getObject("period_from", LocalDate.class),
				rs.getObject("period_to", LocalDate.class), rs.getString("language"), rs.getBoolean("with_seal"),
				rs.getInt("record_count"), rs.getBigDecimal("total_hours").setScale(2), rs.getString("content_hash"),
				rs.getObject("issued_at", OffsetDateTime.class), rs.getObject("revoked_at", OffsetDateTime.class),
				rs.getString("revocation_reason"));
		return new Stored(view, rs.getString("volunteer_name_masked"), rs.getObject("issued_by", UUID.class),
				rs.getObject("account_id", UUID.class), rs.getString("region_code"));
	}

	/** Who asked for a certificate and on whose behalf. */
	record NewEntry(UUID volunteerId, IssuerKind kind, UUID organizationId, UUID issuedBy, String maskedName,
			String idempotencyKey) {

	}

	/** A registry row with what only the module uses to decide access. */
	record Stored(CertificateView view, String maskedName, UUID issuedBy, UUID volunteerAccountId,
			String volunteerRegion) {

		BigDecimal totalHours() {
			return this.view.totalHours();
		}

	}

}
