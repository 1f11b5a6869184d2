package org.zhiyuan.volunteer;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.zhiyuan.access.PersonalDataSection;
import org.zhiyuan.access.PersonalDataSource;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The consents a volunteer gave on registering (the privacy policy and the volunteer's
 * oath, in the versions they accepted) and, for a minor, their guardian's, for their own
 * data download.
 */
@Component
@Order(5)
class ConsentPersonalData implements PersonalDataSource {

	private final JdbcClient jdbc;

	ConsentPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<PersonalDataSection> sectionsOf(Subject subject) {
		List<ConsentRow> consents = new ArrayList<>();
		this.jdbc
			.sql("SELECT privacy_policy_version, privacy_consented_at, oath_version, oath_accepted_at FROM volunteer"
					+ " WHERE id = :volunteer")
			.param("volunteer", subject.volunteerId())
			.query((rs) -> {
				consents.add(new ConsentRow(Document.PRIVACY_POLICY, rs.getString("privacy_policy_version"),
						rs.getObject("privacy_consented_at", OffsetDateTime.class)));
				consents.add(new ConsentRow(Document.VOLUNTEER_OATH, rs.getString("oath_version"),
						rs.getObject("oath_accepted_at", OffsetDateTime.class)));
			});
		this.jdbc.sql("SELECT consented_at FROM volunteer_guardian WHERE volunteer_id = :volunteer")
			.param("volunteer", subject.volunteerId())
			.query((rs) -> {
				consents.add(new ConsentRow(Document.GUARDIAN_CONSENT, null,
						rs.getObject("consented_at", OffsetDateTime.class)));
			});
		return List.of(new PersonalDataSection("consents", "同意 Consents", consents));
	}

	/** What was consented to. */
	enum Document {

		PRIVACY_POLICY, VOLUNTEER_OATH, GUARDIAN_CONSENT

	}

	/** A consent: to what, in which version of the text, and when it was given. */
	record ConsentRow(Document document, String version, OffsetDateTime givenAt) {

	}

}
