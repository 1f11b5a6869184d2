package org.zhiyuan.training.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.zhiyuan.access.Actor;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.shared.RequestFormats;
import org.zhiyuan.training.Courses;
import org.zhiyuan.training.Courses.NewCourse;
import org.zhiyuan.training.Courses.NewQualification;
import org.zhiyuan.training.Courses.NewSession;
import org.zhiyuan.training.Enrolments;
import org.zhiyuan.training.TrainingResults;
import org.zhiyuan.training.TrainingViews.CourseView;
import org.zhiyuan.training.TrainingViews.EnrolmentView;
import org.zhiyuan.training.TrainingViews.ImportReport;
import org.zhiyuan.training.TrainingViews.ImportRowResult;
import org.zhiyuan.training.TrainingViews.MyEnrolment;
import org.zhiyuan.training.TrainingViews.ResultView;
import org.zhiyuan.training.TrainingViews.SessionCode;
import org.zhiyuan.training.TrainingViews.SessionView;
import org.zhiyuan.training.TrainingViews.TeacherView;
import org.zhiyuan.training.TrainingViews.TrainingRecordView;
import org.zhiyuan.volunteer.QualificationCode;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * Training per API.md: courses, sessions, enrolments, check-in codes, results (one by one
 * or from a sheet) and the volunteer's own training.
 */
@RestController
@Tag(name = "Training")
class TrainingController {

	private final Courses courses;

	private final Enrolments enrolments;

	private final TrainingResults results;

	private final MessageSource messages;

	TrainingController(Courses courses, Enrolments enrolments, TrainingResults results, MessageSource messages) {
		this.courses = courses;
		this.enrolments = enrolments;
		this.results = results;
		this.messages = messages;
	}

	@PostMapping("/api/v1/courses")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a course to the library (admin of an ACTIVE organization, or an operator)",
			description = "Without organizationId the course belongs to the operators of regionCode. A new"
					+ " qualification code joins the platform's list. 409 ORGANIZATION_NOT_ACTIVE.")
	CourseView createCourse(@AuthenticationPrincipal Actor actor, @Valid @RequestBody CourseRequest request) {
		return this.courses.createCourse(actor, request.toNew());
	}

	@GetMapping("/api/v1/courses")
	@Operation(summary = "The course library (public), by region and below, text, organization and the"
			+ " qualification a pass grants (a code of GET /api/v1/qualification-codes)")
	PageResult<CourseView> courses(@RequestParam(required = false) String regionCode,
			@RequestParam(required = false) String q, @RequestParam(required = false) UUID organizationId,
			@RequestParam(required = false) String qualification, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return this.courses.courses(regionCode, q, organizationId, qualification, PageQuery.of(page, size));
	}

	@GetMapping("/api/v1/courses/{id}")
	@Operation(summary = "A course (public)")
	CourseView course(@PathVariable UUID id) {
		return this.courses.course(id);
	}

	@PostMapping("/api/v1/courses/{id}/sessions")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a session to a course (its organization's admins, or an operator)")
	SessionView addSession(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@Valid @RequestBody CourseSessionRequest request) {
		return this.courses.addSession(actor, id, new NewSession(request.startsAt(), request.endsAt(),
				request.regionCode(), request.address(), request.capacity(), request.teacher()));
	}

	@GetMapping("/api/v1/courses/{id}/sessions")
	@Operation(summary = "A course's sessions (public): the coming ones, or all with all=true")
	PageResult<SessionView> sessions(@PathVariable UUID id, @RequestParam(required = false) Boolean all,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.courses.sessions(id, Boolean.TRUE.equals(all), PageQuery.of(page, size));
	}

	@GetMapping("/api/v1/course-sessions/{id}")
	@Operation(summary = "A session with its places (public)")
	SessionView session(@PathVariable UUID id) {
		return this.courses.session(id);
	}

	@PostMapping("/api/v1/course-sessions/{id}/enrolments")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Enrol in a session (volunteer)",
			description = "Never more enrolled than the session's capacity. 409 SESSION_FULL, 409 ALREADY_ENROLLED,"
					+ " 422 ENROLMENT_CLOSED once it has started.")
	MyEnrolment enrol(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return this.enrolments.enrol(actor, id);
	}

	@DeleteMapping("/api/v1/course-sessions/{id}/enrolments/mine")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Give up one's place before the session starts (volunteer)")
	void cancel(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		this.enrolments.cancelEnrolment(actor, id);
	}

	@GetMapping("/api/v1/course-sessions/{id}/enrolments")
	@Operation(summary = "The session's roster with attendance and results (its managers and overseers; audited)")
	PageResult<EnrolmentView> roster(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.enrolments.roster(actor, id, PageQuery.of(page, size));
	}

	@PostMapping("/api/v1/course-sessions/{id}/checkin-codes")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "The session's current signed check-in code (its managers); it rotates every minute",
			description = "422 CHECKIN_CLOSED before an hour ahead of the start or after the end.")
	SessionCode code(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return this.enrolments.issueCode(actor, id);
	}

	@PostMapping("/api/v1/course-sessions/check-in")
	@Operation(summary = "Check in at a session with its code (volunteer)",
			description = "422 CODE_INVALID, 422 CODE_EXPIRED, 422 CHECKIN_CLOSED, 403 NOT_ENROLLED, 409"
					+ " ALREADY_CHECKED_IN")
	MyEnrolment checkIn(@AuthenticationPrincipal Actor actor, @Valid @RequestBody SessionCheckinRequest request) {
		return this.enrolments.checkIn(actor, request.code(), request.sessionId(), request.shortCode());
	}

	@PostMapping("/api/v1/course-sessions/{id}/results")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Enter a volunteer's result (the course's managers)",
			description = "A pass grants the course's qualification {code, validUntil} and writes a training record."
					+ " 409 RESULT_EXISTS, 422 NOT_ENROLLED, 422 SESSION_NOT_STARTED.")
	ResultView result(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@Valid @RequestBody TrainingResultRequest request) {
		return this.results.enterResult(actor, id, request.volunteerId(), request.passed());
	}

	@PostMapping(path = "/api/v1/course-sessions/{id}/results/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Enter results from an .xlsx sheet (volunteer number, 通过/不通过), with a report per row")
	ImportReport importResults(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) MultipartFile file) {
		ImportReport report = this.results.importResults(actor, id, bytesOf(file));
		Locale locale = LocaleContextHolder.getLocale();
		return new ImportReport(report.passed(), report.failed(), report.refused(), report.rows()
			.stream()
			.map((r) -> new ImportRowResult(r.row(), r.volunteerNumber(), r.outcome(),
					(r.problem() != null) ? this.messages.getMessage(r.problem(), null, r.problem(), locale) : null))
			.toList());
	}

	@GetMapping("/api/v1/course-sessions/{id}/results-template.xlsx")
	@Operation(summary = "The results sheet of a session, with its roster filled in (its managers; audited)")
	ResponseEntity<byte[]> template(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return resultsTemplate(this.results, actor, id);
	}

	/** The results sheet of a session as a download, for the API and the roster page. */
	static ResponseEntity<byte[]> resultsTemplate(TrainingResults results, Actor actor, UUID sessionId) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		results.resultsTemplate(actor, sessionId, out);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"training-results.xlsx\"")
			.body(out.toByteArray());
	}

	/**
	 * An uploaded sheet's bytes; no file, or an empty one, is a problem of {@code file}.
	 */
	static byte[] bytesOf(MultipartFile file) {
		if (file == null || file.isEmpty()) {
			throw ProblemException.invalid(List.of(new FieldProblem("file", "validation.import.file")));
		}
		try {
			return file.getBytes();
		}
		catch (IOException ex) {
			throw ProblemException.invalid(List.of(new FieldProblem("file", "validation.import.file")));
		}
	}

	@GetMapping("/api/v1/volunteers/me/enrolments")
	@Operation(summary = "The caller's enrolments, latest session first (volunteer)")
	PageResult<MyEnrolment> myEnrolments(@AuthenticationPrincipal Actor actor,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.enrolments.myEnrolments(actor, PageQuery.of(page, size));
	}

	@GetMapping("/api/v1/volunteers/me/training-records")
	@Operation(summary = "The caller's training records (volunteer): not service hours")
	PageResult<TrainingRecordView> myRecords(@AuthenticationPrincipal Actor actor,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return pageOf(this.results.myRecords(actor), PageQuery.of(page, size));
	}

	@GetMapping("/api/v1/qualification-codes")
	@Operation(summary = "The platform's list of qualification codes (public)")
	PageResult<QualificationCode> codes(@RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return pageOf(this.courses.qualificationCodes(), PageQuery.of(page, size));
	}

	@GetMapping("/api/v1/training-teachers")
	@Operation(summary = "The teacher library of an organization, or of a region's operators (their managers)")
	PageResult<TeacherView> teachers(@AuthenticationPrincipal Actor actor,
			@RequestParam(required = false) UUID organizationId, @RequestParam(required = false) String regionCode,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return pageOf(this.courses.teachers(actor, organizationId, regionCode), PageQuery.of(page, size));
	}

	/** A page of a short list read whole. */
	private static <T> PageResult<T> pageOf(List<T> all, PageQuery page) {
		int from = (int) Math.min(all.size(), page.offset());
		int to = Math.min(all.size(), from + page.size());
		return new PageResult<>(all.subList(from, to), page.page(), page.size(), all.size());
	}

	record CourseQualificationRequest(
			@Schema(requiredMode = REQUIRED, pattern = "^[A-Z][A-Z0-9_]{1,39}$", minLength = 1, maxLength = 40,
					description = "A code of the list, or a new one") String code,
			@Schema(minLength = 1, maxLength = 100, description = "Required for a new code") String name,
			@Schema(requiredMode = REQUIRED, minimum = "1", maximum = "120") Integer validMonths) {

	}

	record CourseRequest(@Schema(description = "Empty for a course of the operators of regionCode") UUID organizationId,
			@Schema(pattern = RequestFormats.REGION_CODE, minLength = 6, maxLength = 12,
					description = "Required without organizationId; with it, the organization's region") String regionCode,
			@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 100) String title,
			@Schema(maxLength = 2000) String description,
			@Schema(requiredMode = REQUIRED, type = "string", format = "decimal", pattern = RequestFormats.HOURS,
					example = "4.00", description = "More than 0, at most 1000") BigDecimal hours,
			@Schema(description = "The qualification a pass grants") CourseQualificationRequest qualification,
			@ArraySchema(maxItems = 10, schema = @Schema(minLength = 1, maxLength = 100)) List<String> teachers) {

		NewCourse toNew() {
			return new NewCourse(this.organizationId, this.regionCode, this.title, this.description, this.hours,
					(this.qualification != null) ? new NewQualification(this.qualification.code(),
							this.qualification.name(), this.qualification.validMonths()) : null,
					this.teachers);
		}

	}

	record CourseSessionRequest(@Schema(requiredMode = REQUIRED) OffsetDateTime startsAt,
			@Schema(requiredMode = REQUIRED) OffsetDateTime endsAt,
			@Schema(requiredMode = REQUIRED, pattern = RequestFormats.REGION_CODE, minLength = 6,
					maxLength = 12) String regionCode,
			@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 200) String address,
			@Schema(requiredMode = REQUIRED, minimum = "1", maximum = "100000") Integer capacity,
			@Schema(maxLength = 100) String teacher) {

	}

	record TrainingResultRequest(@Schema(requiredMode = REQUIRED) UUID volunteerId,
			@Schema(requiredMode = REQUIRED) Boolean passed) {

	}

	record SessionCheckinRequest(
			@Schema(maxLength = 100, description = "Required unless sessionId and shortCode are given") String code,
			@Schema(description = "With shortCode, instead of code") UUID sessionId,
			@Schema(maxLength = 12, description = "With sessionId, instead of code") String shortCode) {

	}

}
