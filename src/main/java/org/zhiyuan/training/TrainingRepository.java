package org.zhiyuan.training;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;
import org.zhiyuan.training.TrainingViews.CourseView;
import org.zhiyuan.training.TrainingViews.EnrolmentView;
import org.zhiyuan.training.TrainingViews.Grants;
import org.zhiyuan.training.TrainingViews.MyEnrolment;
import org.zhiyuan.training.TrainingViews.SessionView;
import org.zhiyuan.training.TrainingViews.TeacherView;
import org.zhiyuan.training.TrainingViews.TrainingRecordView;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class TrainingRepository {

	private static final String COURSE = "SELECT c.id, c.organization_id, c.region_code, c.title, c.description,"
			+ " c.hours, c.qualification_code, q.name AS qualification_name, c.valid_months, c.created_at"
			+ " FROM course c LEFT JOIN qualification_code q ON q.code = c.qualification_code";

	private static final String SESSION = "SELECT s.id, s.course_id, c.title, c.organization_id, s.starts_at,"
			+ " s.ends_at, s.region_code, s.address, s.capacity, s.enrolled, t.name AS teacher, c.qualification_code"
			+ " FROM course_session s JOIN course c ON c.id = s.course_id"
			+ " LEFT JOIN training_teacher t ON t.id = s.teacher_id";

	private final JdbcClient jdbc;

	TrainingRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insertCourse(UUID id, UUID organizationId, String regionCode, String title, String description,
			BigDecimal hours, String qualificationCode, Integer validMonths, UUID by, OffsetDateTime now) {
		this.jdbc
			.sql("INSERT INTO course (id, organization_id, region_code, title, description, hours,"
					+ " qualification_code, valid_months, created_by, created_at) VALUES (:id, :org, :region, :title,"
					+ " :description, :hours, :code, :months, :by, :now)")
			.param("id", id)
			.param("org", organizationId)
			.param("region", regionCode)
			.param("title", title)
			.param("description", description)
			.param("hours", hours)
			.param("code", qualificationCode)
			.param("months", validMonths)
			.param("by", by)
			.param("now", now)
			.update();
	}

	void linkTeacher(UUID courseId, UUID teacherId) {
		// asked first, then written: H2 does not see the parameters of an INSERT … SELECT
		// … WHERE NOT EXISTS as the same values, and the link made with the course would
		// be written again with its first session
		long linked = this.jdbc
			.sql("SELECT COUNT(*) FROM course_teacher WHERE course_id = :course AND teacher_id = :teacher")
			.param("course", courseId)
			.param("teacher", teacherId)
			.query(Long.class)
			.single();
		if (linked == 0) {
			this.jdbc.sql("INSERT INTO course_teacher (course_id, teacher_id) VALUES (:course, :teacher)")
				.param("course", courseId)
				.param("teacher", teacherId)
				.update();
		}
	}

	/** The owner's teacher of that name, added to the library when new. */
	UUID teacher(UUID organizationId, String regionCode, String name, UUID newId, OffsetDateTime now) {
		Optional<UUID> known = findTeacher(organizationId, regionCode, name);
		if (known.isPresent()) {
			return known.get();
		}
		this.jdbc
			.sql("INSERT INTO training_teacher (id, organization_id, region_code, name, created_at)"
					+ " VALUES (:id, :org, :region, :name, :now)")
			.param("id", newId)
			.param("org", organizationId)
			.param("region", regionCode)
			.param("name", name)
			.param("now", now)
			.update();
		return newId;
	}

	private Optional<UUID> findTeacher(UUID organizationId, String regionCode, String name) {
		return this.jdbc
			.sql("SELECT id FROM training_teacher WHERE name = :name AND region_code = :region AND "
					+ ((organizationId != null) ? "organization_id = :org" : "organization_id IS NULL")
					+ " ORDER BY created_at, id")
			.param("name", name)
			.param("region", regionCode)
			.param("org", organizationId)
			.query(UUID.class)
			.list()
			.stream()
			.findFirst();
	}

	List<TeacherView> teachers(UUID organizationId, String regionCode) {
		return this.jdbc
			.sql("SELECT id, organization_id, region_code, name FROM training_teacher WHERE region_code = :region AND "
					+ ((organizationId != null) ? "organization_id = :org" : "organization_id IS NULL")
					+ " ORDER BY name, id")
			.param("region", regionCode)
			.param("org", organizationId)
			.query((rs, n) -> new TeacherView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
					rs.getString(4)))
			.list();
	}

	Optional<CourseView> course(UUID id) {
		List<CourseView> found = courses(this.jdbc.sql(COURSE + " WHERE c.id = :id").param("id", id));
		return found.stream().findFirst();
	}

	PageResult<CourseView> courses(String regionPrefix, String text, UUID organizationId, String qualificationCode,
			PageQuery page) {
		StringBuilder where = new StringBuilder(" WHERE 1 = 1");
		Map<String, Object> params = new HashMap<>();
		if (regionPrefix != null) {
			where.append(" AND c.region_code LIKE :region");
			params.put("region", regionPrefix + "%");
		}
		if (text != null) {
			where.append(" AND (c.title LIKE :text OR q.name LIKE :text)");
			params.put("text", "%" + text + "%");
		}
		if (organizationId != null) {
			where.append(" AND c.organization_id = :org");
			params.put("org", organizationId);
		}
		if (qualificationCode != null) {
			where.append(" AND c.qualification_code = :qualification");
			params.put("qualification", qualificationCode);
		}
		return coursePage(where.toString(), params, page);
	}

	/**
	 * The courses of any of the organizations or within any of the regions (by their
	 * codes' prefixes), with the text in their title or qualification when given.
	 */
	PageResult<CourseView> managedCourses(Set<UUID> organizationIds, Set<String> regionPrefixes, String text,
			PageQuery page) {
		List<String> owners = new ArrayList<>();
		Map<String, Object> params = new HashMap<>();
		if (!organizationIds.isEmpty()) {
			owners.add("c.organization_id IN (:orgs)");
			params.put("orgs", List.copyOf(organizationIds));
		}
		int n = 0;
		for (String prefix : regionPrefixes) {
			owners.add("c.region_code LIKE :region" + n);
			params.put("region" + n, prefix + "%");
			n++;
		}
		StringBuilder where = new StringBuilder(" WHERE (" + String.join(" OR ", owners) + ")");
		if (text != null) {
			where.append(" AND (c.title LIKE :text OR q.name LIKE :text)");
			params.put("text", "%" + text + "%");
		}
		return coursePage(where.toString(), params, page);
	}

	private PageResult<CourseView> coursePage(String where, Map<String, Object> params, PageQuery page) {
		long total = this.jdbc
			.sql("SELECT COUNT(*) FROM course c LEFT JOIN qualification_code q ON q.code = c.qualification_code"
					+ where)
			.params(params)
			.query(Long.class)
			.single();
		List<CourseView> items = courses(
				this.jdbc.sql(COURSE + where + " ORDER BY c.created_at DESC, c.id LIMIT :limit OFFSET :offset")
					.params(params)
					.param("limit", page.size())
					.param("offset", page.offset()));
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	private List<CourseView> courses(JdbcClient.StatementSpec statement) {
		List<Object[]> rows = statement
			.query((rs,
					n) -> new Object[] { rs.getObject("id", UUID.class), rs.getObject("organization_id", UUID.class),
							rs.getString("region_code"), rs.getString("title"), rs.getString("description"),
							rs.getBigDecimal("hours"), rs.getString("qualification_code"),
							rs.getString("qualification_name"), rs.getObject("valid_months", Integer.class),
							rs.getObject("created_at", OffsetDateTime.class) })
			.list();
		if (rows.isEmpty()) {
			return List.of();
		}
		List<UUID> ids = rows.stream().map((r) -> (UUID) r[0]).toList();
		Map<UUID, List<String>> teachers = new HashMap<>();
		this.jdbc
			.sql("SELECT ct.course_id, t.name FROM course_teacher ct JOIN training_teacher t ON t.id = ct.teacher_id"
					+ " WHERE ct.course_id IN (:ids) ORDER BY t.name")
			.param("ids", ids)
			.query((rs, n) -> teachers.computeIfAbsent(rs.getObject(1, UUID.class), (k) -> new ArrayList<>())
				.add(rs.getString(2)))
			.list();
		List<CourseView> courses = new ArrayList<>();
		for (Object[] r : rows) {
			Grants grants = (r[6] != null) ? new Grants((String) r[6], (String) r[7], (Integer) r[8]) : null;
			courses.add(new CourseView((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3], (String) r[4],
					(BigDecimal) r[5], grants, teachers.getOrDefault((UUID) r[0], List.of()), (OffsetDateTime) r[9]));
		}
		return courses;
	}

	void insertSession(UUID id, UUID courseId, OffsetDateTime startsAt, OffsetDateTime endsAt, String regionCode,
			String address, int capacity, UUID teacherId, OffsetDateTime now) {
		this.jdbc
			.sql("INSERT INTO course_session (id, course_id, starts_at, ends_at, region_code, address, capacity,"
					+ " enrolled, teacher_id, created_at) VALUES (:id, :course, :starts, :ends, :region, :address,"
					+ " :capacity, 0, :teacher, :now)")
			.param("id", id)
			.param("course", courseId)
			.param("starts", startsAt)
			.param("ends", endsAt)
			.param("region", regionCode)
			.param("address", address)
			.param("capacity", capacity)
			.param("teacher", teacherId)
			.param("now", now)
			.update();
	}

	Optional<SessionView> session(UUID id) {
		return this.jdbc.sql(SESSION + " WHERE s.id = :id")
			.param("id", id)
			.query(TrainingRepository::session)
			.optional();
	}

	PageResult<SessionView> sessionsOf(UUID courseId, OffsetDateTime after, PageQuery page) {
		String where = " WHERE s.course_id = :course" + ((after != null) ? " AND s.ends_at > :after" : "");
		long total = this.jdbc.sql("SELECT COUNT(*) FROM course_session s" + where)
			.param("course", courseId)
			.param("after", after)
			.query(Long.class)
			.single();
		List<SessionView> items = this.jdbc
			.sql(SESSION + where + " ORDER BY s.starts_at, s.id LIMIT :limit OFFSET :offset")
			.param("course", courseId)
			.param("after", after)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(TrainingRepository::session)
			.list();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	/** Sessions still to start of the courses granting the code, soonest first. */
	List<SessionView> upcomingGranting(String code, OffsetDateTime now, int limit) {
		return this.jdbc
			.sql(SESSION + " WHERE c.qualification_code = :code AND s.starts_at > :now"
					+ " ORDER BY s.starts_at, s.id LIMIT :limit")
			.param("code", code)
			.param("now", now)
			.param("limit", limit)
			.query(TrainingRepository::session)
			.list();
	}

	/** Takes a place if one is left, in the caller's transaction. */
	boolean claimPlace(UUID sessionId) {
		return this.jdbc.sql("UPDATE course_session SET enrolled = enrolled + 1 WHERE id = :id AND enrolled < capacity")
			.param("id", sessionId)
			.update() == 1;
	}

	void releasePlace(UUID sessionId) {
		this.jdbc.sql("UPDATE course_session SET enrolled = enrolled - 1 WHERE id = :id AND enrolled > 0")
			.param("id", sessionId)
			.update();
	}

	void insertEnrolment(UUID id, UUID sessionId, UUID volunteerId, OffsetDateTime now) {
		this.jdbc
			.sql("INSERT INTO course_enrolment (id, session_id, volunteer_id, enrolled_at)"
					+ " VALUES (:id, :session, :volunteer, :now)")
			.param("id", id)
			.param("session", sessionId)
			.param("volunteer", volunteerId)
			.param("now", now)
			.update();
	}

	Optional<UUID> enrolmentOf(UUID sessionId, UUID volunteerId) {
		return this.jdbc.sql("SELECT id FROM course_enrolment WHERE session_id = :session AND volunteer_id = :v")
			.param("session", sessionId)
			.param("v", volunteerId)
			.query(UUID.class)
			.optional();
	}

	// every statement names the session: on Citus, the enrolments are keyed by it

	int deleteEnrolment(UUID sessionId, UUID enrolmentId) {
		return this.jdbc.sql("DELETE FROM course_enrolment WHERE session_id = :session AND id = :id")
			.param("session", sessionId)
			.param("id", enrolmentId)
			.update();
	}

	/** Marks the check-in; false when the volunteer was checked in already. */
	boolean checkIn(UUID sessionId, UUID enrolmentId, OffsetDateTime at) {
		return this.jdbc
			.sql("UPDATE course_enrolment SET checked_in_at = :at WHERE session_id = :session AND id = :id"
					+ " AND checked_in_at IS NULL")
			.param("session", sessionId)
			.param("id", enrolmentId)
			.param("at", at)
			.update() == 1;
	}

	long countEnrolled(UUID sessionId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM course_enrolment WHERE session_id = :s")
			.param("s", sessionId)
			.query(Long.class)
			.single();
	}

	PageResult<EnrolmentView> roster(UUID sessionId, PageQuery page) {
		long total = countEnrolled(sessionId);
		List<EnrolmentView> items = this.jdbc
			.sql("SELECT e.id, e.session_id, e.volunteer_id, v.name, v.volunteer_number, e.enrolled_at,"
					+ " e.checked_in_at, r.passed FROM course_enrolment e JOIN volunteer v ON v.id = e.volunteer_id"
					+ " LEFT JOIN training_result r ON r.session_id = e.session_id AND r.volunteer_id = e.volunteer_id"
					+ " WHERE e.session_id = :s ORDER BY e.enrolled_at, e.id LIMIT :limit OFFSET :offset")
			.param("s", sessionId)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, n) -> new EnrolmentView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5),
					rs.getObject(6, OffsetDateTime.class), rs.getObject(7, OffsetDateTime.class),
					(Boolean) rs.getObject(8)))
			.list();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	Optional<MyEnrolment> enrolment(UUID sessionId, UUID volunteerId) {
		return this.jdbc
			.sql("SELECT e.id, e.session_id, e.enrolled_at, e.checked_in_at, r.passed FROM course_enrolment e"
					+ " LEFT JOIN training_result r ON r.session_id = e.session_id AND r.volunteer_id = e.volunteer_id"
					+ " WHERE e.session_id = :session AND e.volunteer_id = :volunteer")
			.param("session", sessionId)
			.param("volunteer", volunteerId)
			.query((rs, n) -> new Object[] { rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getObject(3, OffsetDateTime.class), rs.getObject(4, OffsetDateTime.class), rs.getObject(5) })
			.optional()
			.map((r) -> new MyEnrolment((UUID) r[0], session((UUID) r[1]).orElseThrow(), (OffsetDateTime) r[2],
					(OffsetDateTime) r[3], (Boolean) r[4]));
	}

	PageResult<MyEnrolment> enrolmentsOf(UUID volunteerId, PageQuery page) {
		long total = this.jdbc.sql("SELECT COUNT(*) FROM course_enrolment WHERE volunteer_id = :v")
			.param("v", volunteerId)
			.query(Long.class)
			.single();
		List<Object[]> rows = this.jdbc
			.sql("SELECT e.id, e.session_id, e.enrolled_at, e.checked_in_at, r.passed FROM course_enrolment e"
					+ " JOIN course_session s ON s.id = e.session_id LEFT JOIN training_result r"
					+ " ON r.session_id = e.session_id AND r.volunteer_id = e.volunteer_id"
					+ " WHERE e.volunteer_id = :v ORDER BY s.starts_at DESC, e.id LIMIT :limit OFFSET :offset")
			.param("v", volunteerId)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, n) -> new Object[] { rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getObject(3, OffsetDateTime.class), rs.getObject(4, OffsetDateTime.class), rs.getObject(5) })
			.list();
		List<MyEnrolment> items = new ArrayList<>();
		for (Object[] r : rows) {
			items.add(new MyEnrolment((UUID) r[0], session((UUID) r[1]).orElseThrow(), (OffsetDateTime) r[2],
					(OffsetDateTime) r[3], (Boolean) r[4]));
		}
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	boolean hasResult(UUID sessionId, UUID volunteerId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM training_result WHERE session_id = :s AND volunteer_id = :v")
			.param("s", sessionId)
			.param("v", volunteerId)
			.query(Long.class)
			.single() > 0;
	}

	void insertResult(UUID id, UUID sessionId, UUID volunteerId, boolean passed, UUID by, OffsetDateTime now) {
		this.jdbc
			.sql("INSERT INTO training_result (id, session_id, volunteer_id, passed, entered_by, entered_at)"
					+ " VALUES (:id, :s, :v, :passed, :by, :now)")
			.param("id", id)
			.param("s", sessionId)
			.param("v", volunteerId)
			.param("passed", passed)
			.param("by", by)
			.param("now", now)
			.update();
	}

	void insertRecord(UUID id, UUID volunteerId, SessionView session, BigDecimal hours, LocalDate completedOn,
			LocalDate validUntil, OffsetDateTime now) {
		this.jdbc
			.sql("INSERT INTO training_record (id, volunteer_id, course_id, session_id, title, hours,"
					+ " completed_on, qualification_code, valid_until, created_at) VALUES (:id, :v, :course, :session,"
					+ " :title, :hours, :completed, :code, :until, :now)")
			.param("id", id)
			.param("v", volunteerId)
			.param("course", session.courseId())
			.param("session", session.id())
			.param("title", session.courseTitle())
			.param("hours", hours)
			.param("completed", completedOn)
			.param("code", session.qualificationCode())
			.param("until", validUntil)
			.param("now", now)
			.update();
	}

	List<TrainingRecordView> recordsOf(UUID volunteerId) {
		return this.jdbc
			.sql("SELECT id, course_id, session_id, title, hours, completed_on, qualification_code, valid_until"
					+ " FROM training_record WHERE volunteer_id = :v ORDER BY completed_on DESC, id")
			.param("v", volunteerId)
			.query((rs, n) -> new TrainingRecordView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getObject(3, UUID.class), rs.getString(4), rs.getBigDecimal(5), rs.getObject(6, LocalDate.class),
					rs.getString(7), rs.getObject(8, LocalDate.class)))
			.list();
	}

	private static SessionView session(ResultSet rs, int row) throws SQLException {
		return new SessionView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
				rs.getObject(4, UUID.class), rs.getObject(5, OffsetDateTime.class),
				rs.getObject(6, OffsetDateTime.class), rs.getString(7), rs.getString(8), rs.getInt(9), rs.getInt(10),
				rs.getString(11), rs.getString(12));
	}

}
