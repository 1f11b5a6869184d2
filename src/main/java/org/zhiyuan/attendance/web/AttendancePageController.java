package org.zhiyuan.attendance.web;

import java.util.UUID;

import org.zhiyuan.access.Actor;
import org.zhiyuan.activity.Activities;
import org.zhiyuan.activity.ActivityView;
import org.zhiyuan.attendance.Attendance;
import org.zhiyuan.attendance.Attendance.CheckOut;
import org.zhiyuan.attendance.Attendance.CheckinCode;
import org.zhiyuan.attendance.Attendance.CodeInput;
import org.zhiyuan.attendance.GeoPoint;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.shared.web.PageActions;
import org.zhiyuan.shared.web.QrImages;
import org.zhiyuan.shared.web.TypedPerson;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The attendance pages: the organizer's check-in screen (a QR that rotates every minute,
 * the short code, and the live board) and the volunteer's phone page (scan or type the
 * code; the browser sends the position).
 */
@Controller
class AttendancePageController {

	private final Attendance attendance;

	private final Activities activities;

	private final org.zhiyuan.volunteer.Volunteers volunteers;

	private final org.zhiyuan.signup.Signups signups;

	AttendancePageController(Attendance attendance, Activities activities, org.zhiyuan.volunteer.Volunteers volunteers,
			org.zhiyuan.signup.Signups signups) {
		this.volunteers = volunteers;
		this.signups = signups;
		this.attendance = attendance;
		this.activities = activities;
	}

	@GetMapping("/activities/{id}/checkin-screen")
	String screen(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		ActivityView activity = this.activities.view(actor, id);
		this.activities.requireManager(actor, activity);
		model.addAttribute("activity", activity);
		model.addAttribute("code", this.attendance.issueCode(actor, id));
		model.addAttribute("board", this.attendance.board(actor, id, PageQuery.of(0, PageQuery.MAX_SIZE)));
		model.addAttribute("formKey", org.zhiyuan.shared.Ids.newId().toString());
		return "attendance/screen";
	}

	/**
	 * Bulk entry for an offline event: the volunteers picked from the roster with one
	 * check-in and check-out time for all, and/or pasted lines, one volunteer a line:
	 * volunteer number, check-in and check-out time (yyyy-MM-dd HH:mm, China time),
	 * separated by commas or tabs (as pasted from a spreadsheet). All or none.
	 */
	@PostMapping("/activities/{id}/attendance/bulk")
	String bulk(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) java.util.List<UUID> volunteerIds,
			@RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
			@RequestParam(defaultValue = "") String lines, @RequestParam(defaultValue = "") String reason,
			@RequestParam(required = false) String formKey,
			org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
		java.time.format.DateTimeFormatter format = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
		java.time.ZoneId china = java.time.ZoneId.of("Asia/Shanghai");
		PageActions.run(redirect, "organization.saved", () -> {
			java.util.List<Attendance.BulkEntry> entries = new java.util.ArrayList<>();
			java.util.List<org.zhiyuan.shared.FieldProblem> problems = new java.util.ArrayList<>();
			java.util.List<UUID> picked = (volunteerIds != null) ? volunteerIds.stream().distinct().toList()
					: java.util.List.of();
			if (picked.isEmpty() && lines.isBlank()) {
				problems.add(new org.zhiyuan.shared.FieldProblem("volunteerIds", "attendance.bulk.pickOrPaste"));
			}
			if (!picked.isEmpty()) {
				java.time.OffsetDateTime in = pickedTime("from", from, china, problems);
				java.time.OffsetDateTime out = pickedTime("to", to, china, problems);
				if (in != null && out != null) {
					picked.forEach((volunteer) -> entries.add(new Attendance.BulkEntry(volunteer, in, out)));
				}
			}
			String[] rows = lines.strip().isEmpty() ? new String[0] : lines.strip().split("\\R");
			for (int i = 0; i < rows.length; i++) {
				String[] cells = rows[i].split("[,，\\t]");
				try {
					java.util.UUID volunteer = this.volunteers.findByNumber(cells[0].strip())
						.map(org.zhiyuan.volunteer.VolunteerView::id)
						.orElseThrow(() -> new IllegalArgumentException("unknown volunteer"));
					entries.add(new Attendance.BulkEntry(volunteer,
							java.time.LocalDateTime.parse(cells[1].strip(), format).atZone(china).toOffsetDateTime(),
							java.time.LocalDateTime.parse(cells[2].strip(), format).atZone(china).toOffsetDateTime()));
				}
				catch (RuntimeException ex) {
					problems.add(new org.zhiyuan.shared.FieldProblem("entries[" + i + "]", "validation.attendance.line",
							i + 1));
				}
			}
			if (!problems.isEmpty()) {
				throw ProblemException.invalid(problems);
			}
			this.attendance.bulkEntry(actor, id, entries, reason, formKey);
		});
		return "redirect:/activities/" + id + "/checkin-screen";
	}

	private static java.time.OffsetDateTime pickedTime(String field, String value, java.time.ZoneId china,
			java.util.List<org.zhiyuan.shared.FieldProblem> problems) {
		try {
			return java.time.LocalDateTime.parse(value.strip()).atZone(china).toOffsetDateTime();
		}
		catch (java.time.format.DateTimeParseException ex) {
			problems.add(new org.zhiyuan.shared.FieldProblem(field, "validation.attendance.time"));
			return null;
		}
	}

	/** The organizer enters a check-in or check-out by hand, with a reason. */
	@PostMapping("/activities/{id}/attendance/manual")
	String manual(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) UUID volunteerId, @RequestParam(defaultValue = "in") String direction,
			@RequestParam(name = TypedPerson.PARAMETER, required = false) String personText,
			@RequestParam(required = false) String at, @RequestParam(defaultValue = "") String reason,
			@RequestParam(required = false) String formKey,
			org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
		try {
			UUID chosen = TypedPerson.resolve(volunteerId, personText, "volunteerId",
					(typed) -> this.signups.pickAccepted(actor, id, typed));
			java.time.OffsetDateTime time = (at != null && !at.isBlank()) ? java.time.LocalDateTime.parse(at.strip())
				.atZone(java.time.ZoneId.of("Asia/Shanghai"))
				.toOffsetDateTime() : null;
			if ("out".equals(direction)) {
				this.attendance.manualCheckOut(actor, id, chosen, time, reason, formKey);
			}
			else {
				this.attendance.manualCheckIn(actor, id, chosen, time, reason);
			}
			redirect.addFlashAttribute("notice", "organization.saved");
		}
		catch (java.time.format.DateTimeParseException ex) {
			redirect.addFlashAttribute("actionError", "validation.attendance.time");
		}
		catch (ProblemException ex) {
			if (ex.status() == 403) {
				throw ex;
			}
			redirect.addFlashAttribute("actionError", ex.messageKey());
			redirect.addFlashAttribute("actionArgs", ex.args());
			redirect.addFlashAttribute("actionProblems", ex.fieldProblems());
		}
		return "redirect:/activities/" + id + "/checkin-screen";
	}

	@GetMapping("/activities/{id}/checkin-screen/live")
	String live(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		model.addAttribute("activity", this.activities.view(actor, id));
		model.addAttribute("code", this.attendance.issueCode(actor, id));
		model.addAttribute("board", this.attendance.board(actor, id, PageQuery.of(0, PageQuery.MAX_SIZE)));
		return "attendance/screen :: live";
	}

	@GetMapping(path = "/activities/{id}/checkin-qr.png", produces = MediaType.IMAGE_PNG_VALUE)
	ResponseEntity<byte[]> qr(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		CheckinCode code = this.attendance.issueCode(actor, id);
		return QrImages.response(code.code());
	}

	@GetMapping("/activities/{id}/check-in")
	String phonePage(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		model.addAttribute("activity", this.activities.view(actor, id));
		model.addAttribute("formKey", org.zhiyuan.shared.Ids.newId().toString());
		return "attendance/phone";
	}

	@PostMapping("/activities/{id}/check-in")
	String submit(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(defaultValue = "in") String direction, @RequestParam(required = false) String code,
			@RequestParam(required = false) Double lat, @RequestParam(required = false) Double lng,
			@RequestParam(required = false) Double accuracy, @RequestParam(required = false) String formKey,
			Model model) {
		model.addAttribute("activity", this.activities.view(actor, id));
		// the next submit of the re-rendered form is a new request
		model.addAttribute("formKey", org.zhiyuan.shared.Ids.newId().toString());
		String typed = (code != null) ? code.strip() : "";
		CodeInput input = (typed.length() > 12) ? CodeInput.of(typed) : new CodeInput(null, id, typed);
		GeoPoint where = (lat != null && lng != null) ? new GeoPoint(lat, lng, accuracy) : null;
		try {
			if ("out".equals(direction)) {
				CheckOut out = this.attendance.checkOut(actor, input, where, formKey);
				model.addAttribute("result", "attendance.out");
				model.addAttribute("hours", out.hours());
				model.addAttribute("held", out.review() == org.zhiyuan.record.RecordReview.HELD);
			}
			else {
				this.attendance.checkIn(actor, input, where);
				model.addAttribute("result", "attendance.in");
			}
		}
		catch (ProblemException ex) {
			if (ex.status() == 401) {
				throw ex;
			}
			model.addAttribute("error", ex.messageKey());
			model.addAttribute("errorArgs", ex.args());
		}
		return "attendance/phone";
	}

}
