package org.zhiyuan.signup;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.zhiyuan.activity.ActivityView.PositionView;
import org.zhiyuan.shared.Ids;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;
import org.zhiyuan.shared.PersonMatch;
import org.zhiyuan.shared.PersonQuery;
import org.zhiyuan.shared.identity.PhoneNumbers;

import org.springframework.dao.CannotAcquireLockException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SignupRepository {

	private static final String SELECT = "SELECT s.id, s.activity_id, a.title, a.starts_at, a.ends_at, s.position_id,"
			+ " p.name AS position_name, s.volunteer_id, v.name AS volunteer_name, v.volunteer_number, v.phone,"
			+ " s.status, s.queued_at, s.cancel_reason, s.late_cancel, s.signed_up_via FROM signup s JOIN activity a ON a.id = s.activity_id"
			+ " JOIN activity_position p ON p.id = s.position_id AND p.activity_id = s.activity_id JOIN volunteer v ON v.id = s.volunteer_id";

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final VolunteerBookings bookings;

	private volatile String skipLocked;

	SignupRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate, VolunteerBookings bookings) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.bookings = bookings;
	}

	/**
	 * Locks a sign-up by its activity and id: its activity, which never changes, is read
	 * first, since a lock by id alone would span every shard of a Citus cluster, which
	 * cannot lock rows across shards.
	 */
	Optional<Row> lock(UUID id) {
		return this.jdbc.sql("SELECT activity_id FROM signup WHERE id = :id")
			.param("id", id)
			.query(UUID.class)
			.optional()
			.flatMap((activityId) -> this.jdbc
				.sql("SELECT id, activity_id, position_id, volunteer_id, status, holds_place FROM signup"
						+ " WHERE activity_id = :activity AND id = :id FOR UPDATE")
				.param("activity", activityId)
				.param("id", id)
				.query(SignupRepository::row)
				.optional());
	}

	/**
	 * Locks the volunteer until the caller's transaction ends, with an update that
	 * changes nothing (the weaker lock, as for a position: sign-ups inserted meanwhile
	 * may still reference the row). Every write that may give a volunteer service takes
	 * this lock first, volunteers in ascending id order and before any position, so that
	 * two requests of one volunteer are checked for overlaps one after the other. A
	 * promotion, which holds its place already, only tries it
	 * ({@link #tryLockVolunteer}).
	 */
	void lockVolunteer(UUID volunteerId) {
		if (this.jdbc.sql("UPDATE volunteer_standing SET star_level = star_level WHERE volunteer_id = :id")
			.param("id", volunteerId)
			.update() != 1) {
			// never checked for overlaps unlocked: the caller's transaction fails instead
			throw new CannotAcquireLockException("a volunteer was not locked");
		}
	}

	/** The volunteer a sign-up is of: it never changes. */
	Optional<UUID> volunteerOf(UUID signupId) {
		return this.jdbc.sql("SELECT volunteer_id FROM signup WHERE id = :id")
			.param("id", signupId)
			.query(UUID.class)
			.optional();
	}

	/** Every sign-up of the volunteer at the activity, ended ones too, locked. */
	List<Row> lockAllFor(UUID activityId, UUID volunteerId) {
		return this.jdbc
			.sql("SELECT id, activity_id, position_id, volunteer_id, status, holds_place FROM signup"
					+ " WHERE activity_id = :activity AND volunteer_id = :volunteer ORDER BY queued_at, id FOR UPDATE")
			.param("activity", activityId)
			.param("volunteer", volunteerId)
			.query(SignupRepository::row)
			.list();
	}

	/**
	 * A new sign-up; an approved one books its place at once, with the shift's time the
	 * caller knows, without reading back what it wrote.
	 * @param slotId the position when it is a shift, else the activity: one sign-up per
	 * volunteer and slot
	 */
	void insert(UUID id, UUID activityId, PositionView position, UUID slotId, UUID volunteerId, SignupStatus status,
			boolean holdsPlace, UUID signedUpBy, SignupOrigin origin, OffsetDateTime now) {
		this.jdbc
			.sql("INSERT INTO signup (id, activity_id, position_id, slot_id, volunteer_id, status, holds_place,"
					+ " queued_at, decided_at, created_at, signed_up_by, signed_up_via) VALUES (:id, :activity,"
					+ " :position, :slot, :volunteer, :status, :holds, :now,"
					+ " CASE WHEN :holds THEN CAST(:now AS TIMESTAMP WITH TIME ZONE) END, :now, :by, :via)")
			.param("slot", slotId)
			.param("by", signedUpBy)
			.param("via", origin.name())
			.param("id", id)
			.param("activity", activityId)
			.param("position", position.id())
			.param("volunteer", volunteerId)
			.param("status", status.name())
			.param("holds", holdsPlace)
			.param("now", now)
			.update();
		if (status == SignupStatus.APPROVED) {
			this.bookings.book(volunteerId, id, activityId, position.startsAt(), position.endsAt());
		}
	}

	/**
	 * A new sign-up on a row that had ended (cancelled or rejected): a fresh place in the
	 * queue.
	 */
	void restart(UUID activityId, UUID id, UUID positionId, SignupStatus status, boolean holdsPlace,
			OffsetDateTime now) {
		restart(activityId, id, positionId, status, holdsPlace, null, SignupOrigin.SELF, now);
	}

	void restart(UUID activityId, UUID id, UUID positionId, SignupStatus status, boolean holdsPlace, UUID signedUpBy,
			SignupOrigin origin, OffsetDateTime now) {
		this.jdbc.sql("UPDATE signup SET position_id = :position, status = :status, holds_place = :holds,"
				+ " queued_at = :now, decided_at = CASE WHEN :holds THEN CAST(:now AS TIMESTAMP WITH TIME ZONE) END,"
				+ " cancelled_at = NULL, cancel_reason = NULL, late_cancel = FALSE, signed_up_by = :by, signed_up_via ="
				+ " :via WHERE activity_id = :activity AND id = :id")
			.param("activity", activityId)
			.param("by", signedUpBy)
			.param("via", origin.name())
			.param("id", id)
			.param("position", positionId)
			.param("status", status.name())
			.param("holds", holdsPlace)
			.param("now", now)
			.update();
		this.bookings.sync(activityId, id);
	}

	void decide(UUID activityId, UUID id, SignupStatus status, boolean holdsPlace, OffsetDateTime now) {
		this.jdbc
			.sql("UPDATE signup SET status = :status, holds_place = :holds, decided_at = :now"
					+ " WHERE activity_id = :activity AND id = :id")
			.param("activity", activityId)
			.param("id", id)
			.param("status", status.name())
			.param("holds", holdsPlace)
			.param("now", now)
			.update();
		this.bookings.sync(activityId, id);
	}

	void end(UUID activityId, UUID id, SignupStatus status, String reason, boolean late, OffsetDateTime now) {
		this.jdbc
			.sql("UPDATE signup SET status = :status, holds_place = FALSE, cancelled_at = :now, cancel_reason ="
					+ " :reason, late_cancel = :late WHERE activity_id = :activity AND id = :id")
			.param("activity", activityId)
			.param("id", id)
			.param("status", status.name())
			.param("reason", reason)
			.param("late", late)
			.param("now", now)
			.update();
		this.bookings.sync(activityId, id);
	}

	/**
	 * The first of the position's waiting list, in order, who hold no accepted place
	 * elsewhere at an overlapping time: those a freed place may go to. Read without
	 * locks: {@link #promote} checks again. The line is read on the activity's shard and
	 * each volunteer's other places asked apart, as they live elsewhere on a Citus
	 * cluster.
	 */
	List<Waiting> firstInLine(UUID activityId, UUID positionId, int limit) {
		Optional<Window> window = window(activityId, positionId);
		if (window.isEmpty()) {
			return List.of();
		}
		List<Waiting> free = new ArrayList<>();
		int offset = 0;
		for (int read = 0; read < 5 && free.size() < limit; read++, offset += limit) {
			List<Waiting> line = this.jdbc
				.sql("SELECT id, activity_id, volunteer_id FROM signup WHERE activity_id = :activity"
						+ " AND position_id = :position AND status = 'WAITLISTED' ORDER BY queued_at, id"
						+ " LIMIT :limit OFFSET :offset")
				.param("activity", activityId)
				.param("position", positionId)
				.param("limit", limit)
				.param("offset", offset)
				.query((rs, n) -> new Waiting(rs.getObject("id", UUID.class), rs.getObject("activity_id", UUID.class),
						rs.getObject("volunteer_id", UUID.class)))
				.list();
			for (Waiting waiting : line) {
				if (free.size() < limit && freeAt(waiting.volunteerId(), activityId, window.get())) {
					free.add(waiting);
				}
			}
			if (line.size() < limit) {
				break;
			}
		}
		return free;
	}

	/**
	 * Locks the volunteer as {@link #lockVolunteer} does, unless another transaction
	 * holds that lock: then nothing is locked and nothing waits. For a caller that holds
	 * a position's place already, which a volunteer's request, holding that volunteer
	 * first, may be waiting for.
	 */
	boolean tryLockVolunteer(UUID volunteerId) {
		return this.jdbc
			.sql("SELECT volunteer_id FROM volunteer_standing WHERE volunteer_id = :id " + rowLockSkippingLocked())
			.param("id", volunteerId)
			.query(UUID.class)
			.optional()
			.isPresent();
	}

	/**
	 * Gives a waiting sign-up the place the caller has claimed, if it still waits and its
	 * volunteer still holds no accepted place elsewhere at an overlapping time: under the
	 * volunteer's lock, so that their own sign-up elsewhere, if any, has committed and is
	 * seen. {@code false} when it was passed over, and stays as it was.
	 */
	boolean promote(Waiting waiting, UUID positionId, OffsetDateTime now) {
		Optional<Window> window = window(waiting.activityId(), positionId);
		if (window.isEmpty() || !freeAt(waiting.volunteerId(), waiting.activityId(), window.get())) {
			return false;
		}
		boolean promoted = this.jdbc
			.sql("UPDATE signup SET status = 'APPROVED', holds_place = TRUE, decided_at = :now"
					+ " WHERE activity_id = :activity AND id = :id AND status = 'WAITLISTED'")
			.param("activity", waiting.activityId())
			.param("id", waiting.signupId())
			.param("now", now)
			.update() == 1;
		if (promoted) {
			this.bookings.sync(waiting.activityId(), waiting.signupId());
		}
		return promoted;
	}

	boolean hasWaiting(UUID activityId, UUID positionId) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM signup WHERE activity_id = :activity AND position_id = :position"
					+ " AND status = 'WAITLISTED'")
			.param("activity", activityId)
			.param("position", positionId)
			.query(Integer.class)
			.single() > 0;
	}

	/** When a position's volunteers serve: its shift, or else its activity's time. */
	private Optional<Window> window(UUID activityId, UUID positionId) {
		return this.jdbc
			.sql("SELECT COALESCE(p.starts_at, a.starts_at), COALESCE(p.ends_at, a.ends_at) FROM activity_position p"
					+ " JOIN activity a ON a.id = p.activity_id WHERE p.activity_id = :activity AND p.id = :position")
			.param("activity", activityId)
			.param("position", positionId)
			.query((rs, n) -> new Window(rs.getObject(1, OffsetDateTime.class), rs.getObject(2, OffsetDateTime.class)))
			.optional();
	}

	/**
	 * Whether the volunteer holds no accepted place of another activity at an overlapping
	 * time.
	 */
	private boolean freeAt(UUID volunteerId, UUID activityId, Window window) {
		return overlapping(volunteerId, activityId, window.startsAt(), window.endsAt()).isEmpty();
	}

	/**
	 * Titles of the volunteer's approved activities that overlap the given time, each
	 * sign-up by its shift's time when its position has one: read from the volunteer's
	 * bookings ({@link VolunteerBookings}).
	 */
	List<String> overlapping(UUID volunteerId, UUID activityId, OffsetDateTime startsAt, OffsetDateTime endsAt) {
		return this.bookings.overlapping(volunteerId, activityId, startsAt, endsAt);
	}

	/** The activities in which the volunteer holds a sign-up that is still active. */
	Set<UUID> activitiesWithActiveSignup(UUID volunteerId) {
		return new HashSet<>(this.jdbc
			.sql("SELECT DISTINCT activity_id FROM signup WHERE volunteer_id = :volunteer AND status IN ('PENDING',"
					+ " 'APPROVED', 'WAITLISTED')")
			.param("volunteer", volunteerId)
			.query(UUID.class)
			.list());
	}

	List<Row> activeOf(UUID activityId) {
		return this.jdbc
			.sql("SELECT id, activity_id, position_id, volunteer_id, status, holds_place FROM signup"
					+ " WHERE activity_id = :activity AND status IN ('PENDING', 'APPROVED', 'WAITLISTED')")
			.param("activity", activityId)
			.query(SignupRepository::row)
			.list();
	}

	/** A change of the sign-up's status, kept beside it (on the activity's shard). */
	void event(UUID activityId, UUID signupId, SignupStatus status, String reason, UUID actorId, OffsetDateTime now) {
		this.jdbc
			.sql("INSERT INTO signup_event (id, activity_id, signup_id, status, reason, actor_id, occurred_at)"
					+ " VALUES (:id, :activity, :signup, :status, :reason, :actor, :now)")
			.param("id", Ids.newId())
			.param("activity", activityId)
			.param("signup", signupId)
			.param("status", status.name())
			.param("reason", reason)
			.param("actor", actorId)
			.param("now", now)
			.update();
	}

	/** The volunteer's sign-ups at the activity, active ones first, then the latest. */
	List<SignupView> ofVolunteerAt(UUID activityId, UUID volunteerId) {
		return this.jdbc
			.sql(SELECT + " WHERE s.activity_id = :activity AND s.volunteer_id = :volunteer ORDER BY CASE WHEN"
					+ " s.status IN ('PENDING', 'APPROVED', 'WAITLISTED') THEN 0 ELSE 1 END, p.sort_order,"
					+ " s.queued_at DESC, s.id")
			.param("activity", activityId)
			.param("volunteer", volunteerId)
			.query(SignupRepository::view)
			.list();
	}

	Optional<SignupView> view(UUID id) {
		return this.jdbc.sql(SELECT + " WHERE s.id = :id").param("id", id).query(SignupRepository::view).optional();
	}

	PageResult<SignupView> ofVolunteer(UUID volunteerId, boolean upcoming, OffsetDateTime now, PageQuery page) {
		String where = " WHERE s.volunteer_id = :volunteer AND "
				+ (upcoming ? "a.ends_at >= :now" : "a.ends_at < :now");
		long total = this.jdbc.sql("SELECT COUNT(*) FROM signup s JOIN activity a ON a.id = s.activity_id" + where)
			.param("volunteer", volunteerId)
			.param("now", now)
			.query(Long.class)
			.single();
		List<SignupView> items = this.jdbc
			.sql(SELECT + where + " ORDER BY a.starts_at " + (upcoming ? "ASC" : "DESC") + ", s.id LIMIT :limit OFFSET"
					+ " :offset")
			.param("volunteer", volunteerId)
			.param("now", now)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(SignupRepository::view)
			.list();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	PageResult<SignupView> ofActivity(UUID activityId, SignupStatus status, PageQuery page) {
		String where = " WHERE s.activity_id = :activity" + ((status != null) ? " AND s.status = :status" : "");
		long total = this.jdbc.sql("SELECT COUNT(*) FROM signup s" + where)
			.param("activity", activityId)
			.param("status", (status != null) ? status.name() : null)
			.query(Long.class)
			.single();
		List<SignupView> items = this.jdbc
			.sql(SELECT + where + " ORDER BY s.status, s.queued_at, s.id LIMIT :limit OFFSET :offset")
			.param("activity", activityId)
			.param("status", (status != null) ? status.name() : null)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(SignupRepository::view)
			.list();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	List<PersonMatch> pickApproved(UUID activityId, PersonQuery query, int limit) {
		String match = query.isDigits() ? "(v.phone LIKE :pattern OR v.volunteer_number LIKE :pattern)"
				: "v.name LIKE :pattern";
		return this.jdbc.sql(
				"SELECT v.id, v.name, v.phone, v.volunteer_number FROM signup s JOIN volunteer v ON v.id = s.volunteer_id"
						+ " WHERE s.activity_id = :activity AND s.status = 'APPROVED' AND " + match
						+ " ORDER BY v.name, v.id LIMIT :limit")
			.param("activity", activityId)
			.param("pattern", query.isDigits() ? query.digitsPattern() : query.namePattern())
			.param("limit", limit)
			.query((rs, row) -> PersonMatch.of(rs.getObject("id", UUID.class), rs.getString("name"),
					PhoneNumbers.mask(rs.getString("phone")), rs.getString("volunteer_number")))
			.list();
	}

	boolean isApproved(UUID volunteerId, UUID activityId) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM signup WHERE volunteer_id = :v AND activity_id = :a AND status = 'APPROVED'")
			.param("v", volunteerId)
			.param("a", activityId)
			.query(Integer.class)
			.single() > 0;
	}

	List<UUID> approvedPositions(UUID volunteerId, UUID activityId) {
		return this.jdbc
			.sql("SELECT DISTINCT position_id FROM signup WHERE volunteer_id = :v AND activity_id = :a"
					+ " AND status = 'APPROVED'")
			.param("v", volunteerId)
			.param("a", activityId)
			.query(UUID.class)
			.list();
	}

	long countApproved(UUID positionId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM signup WHERE position_id = :position AND holds_place = TRUE")
			.param("position", positionId)
			.query(Long.class)
			.single();
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getObject("id", UUID.class), rs.getObject("activity_id", UUID.class),
				rs.getObject("position_id", UUID.class), rs.getObject("volunteer_id", UUID.class),
				SignupStatus.valueOf(rs.getString("status")), rs.getBoolean("holds_place"));
	}

	private static SignupView view(ResultSet rs, int n) throws SQLException {
		return new SignupView(rs.getObject("id", UUID.class), rs.getObject("activity_id", UUID.class),
				rs.getString("title"), rs.getObject("starts_at", OffsetDateTime.class),
				rs.getObject("ends_at", OffsetDateTime.class), rs.getObject("position_id", UUID.class),
				rs.getString("position_name"), rs.getObject("volunteer_id", UUID.class), rs.getString("volunteer_name"),
				rs.getString("volunteer_number"), PhoneNumbers.mask(rs.getString("phone")),
				SignupStatus.valueOf(rs.getString("status")), rs.getObject("queued_at", OffsetDateTime.class),
				rs.getString("cancel_reason"), rs.getBoolean("late_cancel"),
				SignupOrigin.valueOf(rs.getString("signed_up_via")));
	}

	/**
	 * The row lock a {@code SELECT} takes without waiting: on PostgreSQL the same weaker
	 * lock that {@link #lockVolunteer}'s update takes, which inserts referencing the row
	 * do not conflict with; H2 knows only the one.
	 */
	private String rowLockSkippingLocked() {
		String clause = this.skipLocked;
		if (clause == null) {
			String product = this.jdbcTemplate.execute(
					(ConnectionCallback<String>) (connection) -> connection.getMetaData().getDatabaseProductName());
			clause = "PostgreSQL".equals(product) ? "FOR NO KEY UPDATE SKIP LOCKED" : "FOR UPDATE SKIP LOCKED";
			this.skipLocked = clause;
		}
		return clause;
	}

	/** The state of a sign-up, as its transitions need it. */
	record Row(UUID id, UUID activityId, UUID positionId, UUID volunteerId, SignupStatus status, boolean holdsPlace) {

	}

	/** A sign-up waiting for a place. */
	private record Window(OffsetDateTime startsAt, OffsetDateTime endsAt) {

	}

	record Waiting(UUID signupId, UUID activityId, UUID volunteerId) {

	}

}
