package org.zhiyuan.volunteer;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.zhiyuan.shared.identity.Gender;
import org.zhiyuan.shared.identity.IdType;
import org.zhiyuan.shared.identity.PhoneNumbers;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class VolunteerRepository {

	private static final String COLUMNS = "id, account_id, volunteer_number, name, id_type, id_number_masked, gender,"
			+ " birth_date, phone, region_code, status, star_level, total_hours, registered_at";

	/** The profile with the standing its records keep (hours and stars). */
	private static final String FROM = " FROM volunteer JOIN volunteer_standing ON volunteer_id = id";

	private final JdbcClient jdbc;

	VolunteerRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean fingerprintExists(String fingerprint) {
		return this.jdbc.sql("SELECT COUNT(*) FROM volunteer WHERE id_number_fingerprint = :f")
			.param("f", fingerprint)
			.query(Integer.class)
			.single() > 0;
	}

	boolean phoneExists(String phone) {
		return this.jdbc.sql("SELECT COUNT(*) FROM volunteer WHERE phone = :phone")
			.param("phone", phone)
			.query(Integer.class)
			.single() > 0;
	}

	boolean numberExists(String number) {
		return this.jdbc.sql("SELECT COUNT(*) FROM volunteer WHERE volunteer_number = :n")
			.param("n", number)
			.query(Integer.class)
			.single() > 0;
	}

	java.util.Optional<String> sealedIdNumber(UUID volunteerId) {
		return this.jdbc.sql("SELECT id_number_sealed FROM volunteer WHERE id = :id AND id_number_sealed IS NOT NULL")
			.param("id", volunteerId)
			.query(String.class)
			.optional();
	}

	void insert(StoredVolunteer v) {
		this.jdbc.sql("INSERT INTO volunteer (id, account_id, volunteer_number, name, id_type, id_number_sealed,"
				+ " id_number_fingerprint, id_number_masked, gender, birth_date, phone, region_code, status,"
				+ " privacy_policy_version, privacy_consented_at, oath_version, oath_accepted_at, registered_at)"
				+ " VALUES (:id, :account, :number, :name, :idType, :sealed, :fingerprint, :masked, :gender, :birth,"
				+ " :phone, :region, 'ACTIVE', :policy, :now, :oath, :now, :now)")
			.param("id", v.id())
			.param("account", v.accountId())
			.param("number", v.volunteerNumber())
			.param("name", v.name())
			.param("idType", v.idType().name())
			.param("sealed", v.idNumberSealed())
			.param("fingerprint", v.idNumberFingerprint())
			.param("masked", v.idNumberMasked())
			.param("gender", (v.gender() != null) ? v.gender().name() : null)
			.param("birth", v.birthDate())
			.param("phone", v.phone())
			.param("region", v.regionCode())
			.param("policy", v.privacyPolicyVersion())
			.param("oath", v.oathVersion())
			.param("now", v.registeredAt())
			.update();
		this.jdbc.sql("INSERT INTO volunteer_standing (volunteer_id) VALUES (:id)").param("id", v.id()).update();
	}

	void insertGuardian(UUID volunteerId, String name, String phone, String sealed, String masked, OffsetDateTime now) {
		this.jdbc
			.sql("INSERT INTO volunteer_guardian (volunteer_id, name, phone, id_number_sealed, id_number_masked,"
					+ " consented_at) VALUES (:id, :name, :phone, :sealed, :masked, :now)")
			.param("id", volunteerId)
			.param("name", name)
			.param("phone", phone)
			.param("sealed", sealed)
			.param("masked", masked)
			.param("now", now)
			.update();
	}

	void updateTotals(UUID volunteerId, BigDecimal totalHours, int starLevel) {
		this.jdbc.sql("UPDATE volunteer_standing SET total_hours = :hours, star_level = :star WHERE volunteer_id = :id")
			.param("id", volunteerId)
			.param("hours", totalHours)
			.param("star", starLevel)
			.update();
	}

	Optional<VolunteerView> findById(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE volunteer_id = :id")
			.param("id", id)
			.query(VolunteerRepository::view)
			.optional();
	}

	Optional<VolunteerView> findExact(String regionPrefix, String phoneOrNumber) {
		return this.jdbc
			.sql("SELECT id FROM volunteer WHERE region_code LIKE :region AND status = 'ACTIVE'"
					+ " AND (phone = :exact OR volunteer_number = :exact) ORDER BY id LIMIT 1")
			.param("region", regionPrefix + "%")
			.param("exact", phoneOrNumber)
			.query(UUID.class)
			.optional()
			.flatMap(this::findById);
	}

	/**
	 * Volunteers living in a region or below, by name (contains), number or phone
	 * (exact).
	 */
	org.zhiyuan.shared.PageResult<VolunteerView> search(String regionPrefix, String text,
			org.zhiyuan.shared.PageQuery page) {
		String where = " WHERE region_code LIKE :region AND status = 'ACTIVE'";
		java.util.Map<String, Object> params = new java.util.HashMap<>();
		params.put("region", regionPrefix + "%");
		if (text != null && !text.isBlank()) {
			where += " AND (name LIKE :name OR volunteer_number = :exact OR phone = :exact)";
			params.put("name", "%" + text.strip().replace("%", "") + "%");
			params.put("exact", text.strip());
		}
		long total = this.jdbc.sql("SELECT COUNT(*) FROM volunteer" + where).params(params).query(Long.class).single();
		List<VolunteerView> items = this.jdbc
			.sql("SELECT " + COLUMNS + FROM + where + " ORDER BY registered_at DESC, id LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(VolunteerRepository::view)
			.list();
		return new org.zhiyuan.shared.PageResult<>(items, page.page(), page.size(), total);
	}

	Optional<VolunteerView> findByFingerprint(String fingerprint) {
		return findBy("id_number_fingerprint", fingerprint);
	}

	Optional<VolunteerView> findByAccount(UUID accountId) {
		return findBy("account_id", accountId);
	}

	Optional<VolunteerView> findByNumber(String number) {
		return findBy("volunteer_number", number);
	}

	/**
	 * The volunteer whose unique {@code column} holds {@code value}: their id read from
	 * the directory first, then their row with its standing by that id, so that on a
	 * Citus cluster the standing is read on the volunteer's shard rather than on every
	 * shard.
	 */
	private Optional<VolunteerView> findBy(String column, Object value) {
		return this.jdbc.sql("SELECT id FROM volunteer WHERE " + column + " = :value")
			.param("value", value)
			.query(UUID.class)
			.optional()
			.flatMap(this::findById);
	}

	Map<AttributeKind, List<String>> attributesOf(UUID volunteerId) {
		Map<AttributeKind, List<String>> attributes = new EnumMap<>(AttributeKind.class);
		for (AttributeKind kind : AttributeKind.values()) {
			attributes.put(kind, new ArrayList<>());
		}
		this.jdbc
			.sql("SELECT kind, attribute FROM volunteer_attribute WHERE volunteer_id = :id ORDER BY kind, attribute")
			.param("id", volunteerId)
			.query((rs, row) -> attributes.get(AttributeKind.valueOf(rs.getString("kind")))
				.add(rs.getString("attribute")))
			.list();
		return attributes;
	}

	void replaceAttributes(UUID volunteerId, AttributeKind kind, List<String> values) {
		this.jdbc.sql("DELETE FROM volunteer_attribute WHERE volunteer_id = :id AND kind = :kind")
			.param("id", volunteerId)
			.param("kind", kind.name())
			.update();
		for (String value : values.stream().distinct().toList()) {
			this.jdbc.sql("INSERT INTO volunteer_attribute (volunteer_id, kind, attribute) VALUES (:id, :kind, :value)")
				.param("id", volunteerId)
				.param("kind", kind.name())
				.param("value", value)
				.update();
		}
	}

	Optional<Contact> emergencyContactOf(UUID volunteerId) {
		return this.jdbc
			.sql("SELECT emergency_contact_name, emergency_contact_phone FROM volunteer WHERE id = :id"
					+ " AND emergency_contact_name IS NOT NULL")
			.param("id", volunteerId)
			.query((rs, row) -> new Contact(rs.getString(1), rs.getString(2)))
			.optional();
	}

	void updateProfile(UUID volunteerId, String regionCode, Contact emergency) {
		this.jdbc
			.sql("UPDATE volunteer SET region_code = :region, emergency_contact_name = :name,"
					+ " emergency_contact_phone = :phone WHERE id = :id")
			.param("id", volunteerId)
			.param("region", regionCode)
			.param("name", (emergency != null) ? emergency.name() : null)
			.param("phone", (emergency != null) ? emergency.phone() : null)
			.update();
	}

	/**
	 * The volunteers whose guardian's phone is the given volunteer's: the minors they
	 * registered for.
	 */
	List<VolunteerView> wardsOf(UUID guardianVolunteerId) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + FROM + " WHERE id IN (SELECT g.volunteer_id FROM volunteer_guardian g"
					+ " JOIN volunteer me ON me.phone = g.phone WHERE me.id = :me AND g.volunteer_id <> me.id)"
					+ " ORDER BY name, id")
			.param("me", guardianVolunteerId)
			.query(VolunteerRepository::view)
			.list();
	}

	Optional<GuardianView> guardianOf(UUID volunteerId) {
		return this.jdbc
			.sql("SELECT name, phone, id_number_masked, consented_at FROM volunteer_guardian WHERE volunteer_id = :id")
			.param("id", volunteerId)
			.query((rs, row) -> new GuardianView(rs.getString("name"), PhoneNumbers.mask(rs.getString("phone")),
					rs.getString("id_number_masked"), rs.getObject("consented_at", OffsetDateTime.class)))
			.optional();
	}

	List<Qualification> qualificationsOf(UUID volunteerId) {
		return this.jdbc
			.sql("SELECT id, name, issuer, expires_on, status, confirmed_at FROM volunteer_qualification"
					+ " WHERE volunteer_id = :id ORDER BY added_at, id")
			.param("id", volunteerId)
			.query(VolunteerRepository::qualification)
			.list();
	}

	/** One of the volunteer's qualifications, locked for a change of its status. */
	Optional<Qualification> lockQualification(UUID volunteerId, UUID qualificationId) {
		return this.jdbc
			.sql("SELECT id, name, issuer, expires_on, status, confirmed_at FROM volunteer_qualification"
					+ " WHERE id = :id AND volunteer_id = :volunteer FOR UPDATE")
			.param("id", qualificationId)
			.param("volunteer", volunteerId)
			.query(VolunteerRepository::qualification)
			.optional();
	}

	void insertQualification(UUID volunteerId, Qualification q, OffsetDateTime now) {
		this.jdbc
			.sql("INSERT INTO volunteer_qualification (id, volunteer_id, name, issuer, expires_on, status, added_at)"
					+ " VALUES (:id, :volunteer, :name, :issuer, :expires, :status, :now)")
			.param("id", q.id())
			.param("volunteer", volunteerId)
			.param("name", q.name())
			.param("issuer", q.issuer())
			.param("expires", q.expiresOn())
			.param("status", q.status().name())
			.param("now", now)
			.update();
	}

	void confirmQualification(UUID qualificationId, UUID confirmedBy, OffsetDateTime now) {
		this.jdbc
			.sql("UPDATE volunteer_qualification SET status = 'CONFIRMED', confirmed_by = :by, confirmed_at = :now"
					+ " WHERE id = :id AND status = 'SELF_DECLARED'")
			.param("id", qualificationId)
			.param("by", confirmedBy)
			.param("now", now)
			.update();
	}

	int deleteQualification(UUID volunteerId, UUID qualificationId) {
		return this.jdbc.sql("DELETE FROM volunteer_qualification WHERE id = :id AND volunteer_id = :volunteer")
			.param("id", qualificationId)
			.param("volunteer", volunteerId)
			.update();
	}

	List<PartyReportIn> reportInsOf(UUID volunteerId) {
		return this.jdbc
			.sql("SELECT id, region_code, community_name, reported_on FROM party_report_in WHERE volunteer_id = :id"
					+ " ORDER BY reported_on DESC, id")
			.param("id", volunteerId)
			.query((rs, row) -> new PartyReportIn(rs.getObject("id", UUID.class), rs.getString("region_code"),
					rs.getString("community_name"), rs.getObject("reported_on", LocalDate.class)))
			.list();
	}

	void insertReportIn(UUID volunteerId, PartyReportIn report, OffsetDateTime now) {
		this.jdbc
			.sql("INSERT INTO party_report_in (id, volunteer_id, region_code, community_name, reported_on,"
					+ " recorded_at) VALUES (:id, :volunteer, :region, :community, :on, :now)")
			.param("id", report.id())
			.param("volunteer", volunteerId)
			.param("region", report.regionCode())
			.param("community", report.communityName())
			.param("on", report.reportedOn())
			.param("now", now)
			.update();
	}

	/**
	 * Deregistration: keeps the name, masked ID number and number that the service
	 * records (kept at least 10 years) need to stay attributable; erases everything else
	 * personal.
	 */
	void erasePersonalData(UUID volunteerId, OffsetDateTime now) {
		for (String table : List.of("volunteer_attribute", "volunteer_qualification", "party_report_in",
				"volunteer_guardian")) {
			this.jdbc.sql("DELETE FROM " + table + " WHERE volunteer_id = :id").param("id", volunteerId).update();
		}
		this.jdbc
			.sql("UPDATE volunteer SET status = 'DEREGISTERED', deregistered_at = :now, id_number_sealed = NULL,"
					+ " id_number_fingerprint = NULL, phone = NULL, emergency_contact_name = NULL,"
					+ " emergency_contact_phone = NULL WHERE id = :id")
			.param("id", volunteerId)
			.param("now", now)
			.update();
	}

	private static VolunteerView view(ResultSet rs, int row) throws SQLException {
		String gender = rs.getString("gender");
		return new VolunteerView(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
				rs.getString("volunteer_number"), rs.getString("name"), IdType.valueOf(rs.getString("id_type")),
				rs.getString("id_number_masked"), (gender != null) ? Gender.valueOf(gender) : null,
				rs.getObject("birth_date", LocalDate.class), PhoneNumbers.mask(rs.getString("phone")),
				rs.getString("region_code"), VolunteerStatus.valueOf(rs.getString("status")), rs.getInt("star_level"),
				rs.getBigDecimal("total_hours").setScale(2, java.math.RoundingMode.UNNECESSARY),
				rs.getObject("registered_at", OffsetDateTime.class));
	}

	/** A row to insert. */
	record StoredVolunteer(UUID id, UUID accountId, String volunteerNumber, String name, IdType idType,
			String idNumberSealed, String idNumberFingerprint, String idNumberMasked, Gender gender,
			LocalDate birthDate, String phone, String regionCode, String privacyPolicyVersion, String oathVersion,
			OffsetDateTime registeredAt) {

	}

	static BigDecimal zeroHours() {
		return BigDecimal.ZERO.setScale(2);
	}

	private static Qualification qualification(ResultSet rs, int row) throws SQLException {
		return new Qualification(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("issuer"),
				rs.getObject("expires_on", LocalDate.class), QualificationStatus.valueOf(rs.getString("status")),
				rs.getObject("confirmed_at", OffsetDateTime.class));
	}

}
