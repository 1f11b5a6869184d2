package org.zhiyuan.signup;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.zhiyuan.audit.PersonalDataListings;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An activity's roster and its attendance sheet show everyone who signed up for it, from
 * the moment they signed up (whatever became of the sign-up later: the roster still shows
 * a cancelled one).
 */
@Component
class SignupListings implements PersonalDataListings {

	private final JdbcClient jdbc;

	SignupListings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Listing> listingsOf(UUID accountId, int limit) {
		List<Listing> listings = new ArrayList<>();
		this.jdbc.sql(
				"SELECT s.activity_id, MIN(s.created_at) AS since FROM signup s JOIN volunteer v ON v.id = s.volunteer_id"
						+ " WHERE v.account_id = :account GROUP BY s.activity_id ORDER BY since DESC LIMIT :limit")
			.param("account", accountId)
			.param("limit", limit)
			.query((rs, row) -> {
				String activity = rs.getObject("activity_id", UUID.class).toString();
				OffsetDateTime since = rs.getObject("since", OffsetDateTime.class);
				listings.add(new Listing("activity-roster", activity, since));
				listings.add(new Listing("activity-attendance", activity, since));
				return null;
			})
			.list();
		return listings;
	}

}
