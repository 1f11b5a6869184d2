package org.zhiyuan.signup;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.zhiyuan.access.ErasureSource;
import org.zhiyuan.access.PersonalDataSource.Subject;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A sign-up in progress (pending, accepted or waiting) for an activity that has not ended
 * blocks an erasure: the volunteer cancels it, or the activity ends, first. Sign-ups of
 * past activities stay with the service records.
 */
@Component
@Order(10)
class SignupErasure implements ErasureSource {

	private final JdbcClient jdbc;

	SignupErasure(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<ErasureItem> erasureOf(Subject subject) {
		long open = this.jdbc
			.sql("SELECT COUNT(*) FROM signup s JOIN activity a ON a.id = s.activity_id WHERE s.volunteer_id = :id"
					+ " AND s.status IN ('PENDING', 'APPROVED', 'WAITLISTED') AND a.ends_at > :now")
			.param("id", subject.volunteerId())
			.param("now", OffsetDateTime.now(ZoneOffset.UTC))
			.query(Long.class)
			.single();
		return (open > 0) ? List.of(ErasureItem.block("signup", "erasure.item.openSignups", open)) : List.of();
	}

	@Override
	public void erase(Subject subject) {
		// nothing of its own: open sign-ups block, past ones stay with the records
	}

}
