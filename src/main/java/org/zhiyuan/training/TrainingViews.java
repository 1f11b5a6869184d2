package org.zhiyuan.training;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What the training module shows: courses, sessions, enrolments, results and records. */
public final class TrainingViews {

	private TrainingViews() {
	}

	/** The qualification a pass grants, and for how many months. */
	public record Grants(String code, String name, int validMonths) {

	}

	/**
	 * A course of the library; {@code organizationId} is empty for a course of a region's
	 * operators.
	 */
	public record CourseView(UUID id, UUID organizationId, String regionCode, String title, String description,
			BigDecimal hours, Grants qualification, List<String> teachers, OffsetDateTime createdAt) {

	}

	/** A session of a course, with its places. */
	public record SessionView(UUID id, UUID courseId, String courseTitle, UUID organizationId, OffsetDateTime startsAt,
			OffsetDateTime endsAt, String regionCode, String address, int capacity, int enrolled, String teacher,
			String qualificationCode) {

		public int free() {
			return Math.max(0, this.capacity - this.enrolled);
		}

	}

	/**
	 * A volunteer enrolled in a session, for its roster: whether they came and their
	 * result.
	 */
	public record EnrolmentView(UUID id, UUID sessionId, UUID volunteerId, String volunteerName, String volunteerNumber,
			OffsetDateTime enrolledAt, OffsetDateTime checkedInAt, Boolean passed) {

	}

	/** The caller's own enrolment, with its session. */
	public record MyEnrolment(UUID id, SessionView session, OffsetDateTime enrolledAt, OffsetDateTime checkedInAt,
			Boolean passed) {

	}

	/** A qualification granted by a pass. */
	public record Granted(String code, LocalDate validUntil) {

	}

	/** A result entered: a pass grants the qualification and writes a training record. */
	public record ResultView(UUID id, UUID sessionId, UUID volunteerId, boolean passed, Granted granted,
			UUID trainingRecordId) {

	}

	/** A volunteer's training record: not service hours. */
	public record TrainingRecordView(UUID id, UUID courseId, UUID sessionId, String title, BigDecimal hours,
			LocalDate completedOn, String qualificationCode, LocalDate validUntil) {

	}

	/** A teacher of the library. */
	public record TeacherView(UUID id, UUID organizationId, String regionCode, String name) {

	}

	/** One row of a results sheet and what became of it. */
	public record ImportRowResult(int row, String volunteerNumber, String outcome, String problem) {

	}

	/** What an imported results sheet did, row by row. */
	public record ImportReport(int passed, int failed, int refused, List<ImportRowResult> rows) {

	}

	/** A check-in code of a session, rotating every minute. */
	public record SessionCode(String code, String shortCode, OffsetDateTime expiresAt) {

	}

}
