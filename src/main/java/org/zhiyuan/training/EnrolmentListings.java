package org.zhiyuan.training;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.zhiyuan.audit.PersonalDataListings;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A training session's roster shows everyone enrolled, from when they enrolled. */
@Component
class EnrolmentListings implements PersonalDataListings {

	private final JdbcClient jdbc;

	EnrolmentListings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Listing> listingsOf(UUID accountId, int limit) {
		return this.jdbc
			.sql("SELECT e.session_id, e.enrolled_at FROM course_enrolment e JOIN volunteer v ON v.id = e.volunteer_id"
					+ " WHERE v.account_id = :account ORDER BY e.enrolled_at DESC LIMIT :limit")
			.param("account", accountId)
			.param("limit", limit)
			.query((rs, row) -> new Listing("training-roster", rs.getObject("session_id", UUID.class).toString(),
					rs.getObject("enrolled_at", OffsetDateTime.class)))
			.list();
	}

}
