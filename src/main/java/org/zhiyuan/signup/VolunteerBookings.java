package org.zhiyuan.signup;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code volunteer_booking} table: each volunteer's accepted places, one row per
 * approved sign-up, with its shift's time when its position has one. It is kept beside
 * the volunteer's lock, attendance and records (on a Citus cluster, on the volunteer's
 * shard), so that a sign-up's check that the volunteer serves nowhere else at the same
 * time reads one shard, where the sign-ups themselves live on their activities' shards.
 * <p>
 * Every change of a sign-up's status calls {@link #sync} in the same transaction, under
 * the volunteer's lock; an activity's own time is read from the activity, so that moving
 * an activity moves its bookings with it.
 */
@Repository
class VolunteerBookings {

	private final JdbcClient jdbc;

	VolunteerBookings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Makes the volunteer's booking of the sign-up agree with its status. */
	void sync(UUID activityId, UUID signupId) {
		Optional<Booking> signup = this.jdbc
			.sql("SELECT s.volunteer_id, s.status, p.starts_at, p.ends_at FROM signup s JOIN activity_position p"
					+ " ON p.activity_id = s.activity_id AND p.id = s.position_id WHERE s.activity_id = :activity"
					+ " AND s.id = :id")
			.param("activity", activityId)
			.param("id", signupId)
			.query((rs, n) -> new Booking(rs.getObject(1, UUID.class), rs.getString(2),
					rs.getObject(3, OffsetDateTime.class), rs.getObject(4, OffsetDateTime.class)))
			.optional();
		if (signup.isEmpty()) {
			return;
		}
		Booking booking = signup.get();
		this.jdbc.sql("DELETE FROM volunteer_booking WHERE volunteer_id = :volunteer AND signup_id = :id")
			.param("volunteer", booking.volunteerId())
			.param("id", signupId)
			.update();
		if (SignupStatus.APPROVED.name().equals(booking.status())) {
			book(booking.volunteerId(), signupId, activityId, booking.startsAt(), booking.endsAt());
		}
	}

	/**
	 * Books the place of a sign-up approved as it was made, which has no booking yet: the
	 * caller knows the shift's time ({@code null} when the position lasts as long as the
	 * activity).
	 */
	void book(UUID volunteerId, UUID signupId, UUID activityId, OffsetDateTime startsAt, OffsetDateTime endsAt) {
		this.jdbc
			.sql("INSERT INTO volunteer_booking (volunteer_id, signup_id, activity_id, starts_at, ends_at)"
					+ " VALUES (:volunteer, :id, :activity, :starts, :ends)")
			.param("volunteer", volunteerId)
			.param("id", signupId)
			.param("activity", activityId)
			.param("starts", startsAt)
			.param("ends", endsAt)
			.update();
	}

	/**
	 * Titles of the volunteer's accepted places at other activities, recruiting or under
	 * way, that overlap the given time, each by its shift's time when it has one.
	 */
	List<String> overlapping(UUID volunteerId, UUID activityId, OffsetDateTime startsAt, OffsetDateTime endsAt) {
		return this.jdbc
			.sql("SELECT a.title FROM volunteer_booking b JOIN activity a ON a.id = b.activity_id"
					+ " WHERE b.volunteer_id = :volunteer AND b.activity_id <> :activity"
					+ " AND a.status IN ('RECRUITING', 'IN_PROGRESS') AND COALESCE(b.starts_at, a.starts_at) < :ends"
					+ " AND COALESCE(b.ends_at, a.ends_at) > :starts")
			.param("volunteer", volunteerId)
			.param("activity", activityId)
			.param("starts", startsAt)
			.param("ends", endsAt)
			.query(String.class)
			.list();
	}

	private record Booking(UUID volunteerId, String status, OffsetDateTime startsAt, OffsetDateTime endsAt) {

	}

}
