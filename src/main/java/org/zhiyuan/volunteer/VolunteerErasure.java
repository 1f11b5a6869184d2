package org.zhiyuan.volunteer;

import java.util.ArrayList;
import java.util.List;

import org.zhiyuan.access.ErasureSource;
import org.zhiyuan.access.PersonalDataSource.Subject;
import org.zhiyuan.account.AccountManagement;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The volunteer's own part of an erasure: the profile (categories, fields, skills,
 * languages, availability), qualifications, guardian, report-ins, emergency contact,
 * phone and sealed ID number go at once, as on deregistration, and the account closes;
 * the name, masked ID number and volunteer number stay while the service records they
 * make attributable are kept, and then the name becomes a pseudonym and the masked ID
 * number is cleared.
 */
@Component
@Order(5)
class VolunteerErasure implements ErasureSource {

	private static final String MODULE = "volunteer";

	private final JdbcClient jdbc;

	private final VolunteerRepository volunteers;

	private final AccountManagement accounts;

	private final ApplicationEventPublisher events;

	VolunteerErasure(JdbcClient jdbc, VolunteerRepository volunteers, AccountManagement accounts,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.volunteers = volunteers;
		this.accounts = accounts;
		this.events = events;
	}

	@Override
	public List<ErasureItem> erasureOf(Subject subject) {
		List<ErasureItem> items = new ArrayList<>();
		items.add(ErasureItem.erase(MODULE, "erasure.item.profile", count("volunteer_attribute", subject)));
		items.add(ErasureItem.erase(MODULE, "erasure.item.qualifications", count("volunteer_qualification", subject)));
		items.add(ErasureItem.erase(MODULE, "erasure.item.guardian", count("volunteer_guardian", subject)));
		items.add(ErasureItem.erase(MODULE, "erasure.item.reportIns", count("party_report_in", subject)));
		Present present = this.jdbc
			.sql("SELECT phone, id_number_sealed, emergency_contact_name, emergency_contact_phone FROM volunteer"
					+ " WHERE id = :id")
			.param("id", subject.volunteerId())
			.query((rs, row) -> new Present(rs.getString("phone") != null, rs.getString("id_number_sealed") != null,
					rs.getString("emergency_contact_name") != null || rs.getString("emergency_contact_phone") != null))
			.optional()
			.orElse(new Present(false, false, false));
		items.add(ErasureItem.erase(MODULE, "erasure.item.emergencyContact", present.contact() ? 1 : 0));
		items.add(ErasureItem.erase(MODULE, "erasure.item.phone", present.phone() ? 1 : 0));
		items.add(ErasureItem.erase(MODULE, "erasure.item.idNumber", present.idNumber() ? 1 : 0));
		items.add(ErasureItem.keep(MODULE, "erasure.item.identity", 1, null));
		return items;
	}

	@Override
	public void erase(Subject subject) {
		this.volunteers.erasePersonalData(subject.volunteerId(),
				java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC));
		this.accounts.close(subject.accountId());
		this.events.publishEvent(new VolunteerDeregistered(subject.volunteerId(), subject.accountId()));
	}

	@Override
	public void expire(Subject subject, String pseudonym) {
		this.jdbc.sql("UPDATE volunteer SET name = :pseudonym, id_number_masked = '' WHERE id = :id")
			.param("pseudonym", pseudonym)
			.param("id", subject.volunteerId())
			.update();
	}

	private long count(String table, Subject subject) {
		return this.jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE volunteer_id = :id")
			.param("id", subject.volunteerId())
			.query(Long.class)
			.single();
	}

	private record Present(boolean phone, boolean idNumber, boolean contact) {

	}

}
