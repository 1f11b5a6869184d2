package org.zhiyuan.audit.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.zhiyuan.access.Actor;
import org.zhiyuan.audit.AuditEntry;
import org.zhiyuan.audit.AuditLog;
import org.zhiyuan.audit.AuditPeople;
import org.zhiyuan.audit.AuditQuery;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;
import org.zhiyuan.shared.ProblemException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The audit log for operators and auditors, limited to their own regions: as a page and
 * as {@code GET /api/v1/audit-events}.
 */
@Controller
@Tag(name = "Audit")
class AuditController {

	private final AuditLog auditLog;

	private static final Pattern OBJECT_TYPE = Pattern.compile("[a-z][a-z-]{0,31}");

	private static final Pattern OBJECT_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

	private final AuditPresenter presenter;

	private final ObjectProvider<AuditPeople> people;

	AuditController(AuditLog auditLog, AuditPresenter presenter, ObjectProvider<AuditPeople> people) {
		this.auditLog = auditLog;
		this.presenter = presenter;
		this.people = people;
	}

	@GetMapping("/api/v1/audit-events")
	@ResponseBody
	@Operation(summary = "Audit entries within the caller's regions, newest first")
	PageResult<AuditEntry> list(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String action,
			@RequestParam(required = false) UUID actorId, @RequestParam(required = false) String objectType,
			@RequestParam(required = false) String objectId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.auditLog.search(new AuditQuery(action, actorId, objectType, objectId, from, to), scopes(actor),
				PageQuery.of(page, size));
	}

	@GetMapping("/audit")
	String page(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String action,
			@RequestParam(required = false) String who, @RequestParam(required = false) String what,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String objectType, @RequestParam(required = false) String objectId,
			@RequestParam(required = false) String actorId, @RequestParam(required = false) Integer page, Locale locale,
			Model model) {
		Set<String> scopes = scopes(actor);
		String actionFilter = blankToNull(action);
		String whoFilter = blankToNull(who);
		AuditActionGroup group = AuditActionGroup.parse(what);
		LocalDate fromDate = date(from);
		LocalDate toDate = date(to);
		// an object or an actor is picked from a row of the log, never typed
		String typeFilter = (objectType != null && OBJECT_TYPE.matcher(objectType).matches()) ? objectType : null;
		String idFilter = (typeFilter != null && objectId != null && OBJECT_ID.matcher(objectId).matches()) ? objectId
				: null;
		UUID actorFilter = uuidOrNull(actorId);
		AuditQuery query = new AuditQuery(actionFilter, actorFilter, typeFilter, idFilter,
				(fromDate != null) ? fromDate.atStartOfDay(AuditPresenter.VIEWER_ZONE).toOffsetDateTime() : null,
				(toDate != null) ? toDate.plusDays(1).atStartOfDay(AuditPresenter.VIEWER_ZONE).toOffsetDateTime()
						: null);
		if (group != null) {
			query = query.withActions(group.prefixes(), group.excluded());
		}
		if (whoFilter != null) {
			AuditPeople directory = this.people.getIfAvailable();
			query = query.byActors((directory != null) ? directory.matching(whoFilter, 200) : List.of());
		}
		PageResult<AuditEntry> entries = this.auditLog.search(query, scopes, PageQuery.of(page, 50));
		model.addAttribute("objectType", typeFilter);
		model.addAttribute("objectId", idFilter);
		model.addAttribute("actorId", actorFilter);
		model.addAttribute("objectLabel",
				(typeFilter != null) ? this.presenter.objectLabel(typeFilter, idFilter, locale) : null);
		model.addAttribute("actorLabel", (actorFilter != null) ? this.presenter.actorLabel(actorFilter, locale) : null);
		model.addAttribute("action", actionFilter);
		model.addAttribute("who", whoFilter);
		model.addAttribute("what", (group != null) ? group.name() : null);
		model.addAttribute("from", (fromDate != null) ? fromDate.toString() : blankToNull(from));
		model.addAttribute("to", (toDate != null) ? toDate.toString() : blankToNull(to));
		model.addAttribute("fromInvalid", fromDate == null && blankToNull(from) != null);
		model.addAttribute("toInvalid", toDate == null && blankToNull(to) != null);
		model.addAttribute("groups", AuditActionGroup.values());
		model.addAttribute("entries", entries);
		model.addAttribute("rows", this.presenter.rows(entries.items(), locale));
		return "audit/list";
	}

	private static UUID uuidOrNull(String text) {
		if (text == null || text.length() != 36) {
			return null;
		}
		try {
			return UUID.fromString(text);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static String blankToNull(String text) {
		return (text != null && !text.isBlank()) ? text.strip() : null;
	}

	private static LocalDate date(String text) {
		String value = blankToNull(text);
		if (value == null) {
			return null;
		}
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static Set<String> scopes(Actor actor) {
		Set<String> scopes = actor.readableRegions();
		if (scopes.isEmpty()) {
			throw ProblemException.forbidden("problem.forbidden.audit");
		}
		return scopes;
	}

}
