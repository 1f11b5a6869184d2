package org.zhiyuan.training.web;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.Ids;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.shared.web.FormTimes;
import org.zhiyuan.training.Courses.NewCourse;
import org.zhiyuan.training.Courses.NewQualification;
import org.zhiyuan.training.Courses.NewSession;

/**
 * What the organizers' training forms send, kept as typed so that a refused form shows it
 * again, and turned into the service's requests.
 */
final class TrainingForms {

	/** The owner value of a course of the region's operators, not of an organization. */
	static final String REGION_OWNER = "region";

	private TrainingForms() {
	}

	/**
	 * The course form: the owner (an organization's id, or {@value #REGION_OWNER} with
	 * the region picked), the qualification picked from the list, teachers ticked in the
	 * library and new ones typed, one a line or separated by commas.
	 */
	record CourseForm(String owner, String regionCode, String title, String description, String hours,
			String qualificationCode, String validMonths, List<String> teachers, String newTeachers) {

		static CourseForm empty(String owner, String regionCode) {
			return new CourseForm(owner, regionCode, "", "", "", "", "24", List.of(), "");
		}

		public boolean ticked(String teacher) {
			return this.teachers != null && this.teachers.contains(teacher);
		}

		Optional<UUID> organizationId() {
			return Ids.parse(this.owner);
		}

		public boolean ofRegion() {
			return REGION_OWNER.equals(this.owner);
		}

		/**
		 * The request; what cannot be read is left empty, and the owner or time that
		 * cannot be is added to {@code unread}, for {@link #refused}.
		 */
		NewCourse toNew(List<FieldProblem> unread) {
			if (organizationId().isEmpty() && !ofRegion()) {
				unread.add(new FieldProblem("owner", "training.page.ownerRequired"));
			}
			BigDecimal parsedHours = decimal(this.hours);
			Integer months = integer(this.validMonths);
			NewQualification qualification = blank(this.qualificationCode) ? null
					: new NewQualification(this.qualificationCode.strip(), null, months);
			Set<String> names = new LinkedHashSet<>();
			if (this.teachers != null) {
				this.teachers.stream().filter((t) -> !blank(t)).map(String::strip).forEach(names::add);
			}
			if (this.newTeachers != null) {
				for (String typed : this.newTeachers.split("[,，、;；\\n]")) {
					if (!typed.isBlank()) {
						names.add(typed.strip());
					}
				}
			}
			return new NewCourse(organizationId().orElse(null), ofRegion() ? emptyToNull(this.regionCode) : null,
					this.title, this.description, parsedHours, qualification, List.copyOf(names));
		}

	}

	/**
	 * The session form: times in China time from the phone's date and time pickers, the
	 * region picked, and the teacher picked from the library or typed when new.
	 */
	record SessionForm(String startsAt, String endsAt, String regionCode, String address, String capacity,
			String teacher, String newTeacher) {

		static SessionForm empty(String regionCode) {
			return new SessionForm("", "", regionCode, "", "", "", "");
		}

		/** The request; a time that cannot be read is added to {@code unread}. */
		NewSession toNew(List<FieldProblem> unread) {
			OffsetDateTime starts = FormTimes.inChina(this.startsAt, "startsAt", unread);
			OffsetDateTime ends = FormTimes.inChina(this.endsAt, "endsAt", unread);
			Integer places = integer(this.capacity);
			String chosen = !blank(this.newTeacher) ? this.newTeacher.strip() : emptyToNull(this.teacher);
			return new NewSession(starts, ends, emptyToNull(this.regionCode), this.address, places, chosen);
		}

	}

	/**
	 * A number that cannot be read is left empty: the service then says what the field
	 * takes.
	 */
	private static BigDecimal decimal(String text) {
		try {
			return blank(text) ? null : new BigDecimal(text.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static Integer integer(String text) {
		try {
			return blank(text) ? null : Integer.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/**
	 * The service's refusal with what the form could not read: those fields' own problems
	 * replace what the service says of the empty value it was given (a course without an
	 * owner has no region).
	 */
	static ProblemException refused(List<FieldProblem> unread, ProblemException ex) {
		if (unread.isEmpty() || ex.status() != 400) {
			return ex;
		}
		Set<String> fields = new LinkedHashSet<>();
		unread.forEach((p) -> fields.add(p.field()));
		if (fields.contains("owner")) {
			fields.add("regionCode");
		}
		List<FieldProblem> all = new ArrayList<>(unread);
		ex.fieldProblems().stream().filter((p) -> !fields.contains(p.field())).forEach(all::add);
		return ProblemException.invalid(all);
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	private static String emptyToNull(String text) {
		return blank(text) ? null : text.strip();
	}

}
