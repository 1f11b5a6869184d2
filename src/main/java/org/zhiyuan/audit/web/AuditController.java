package org.zhiyuan.audit.web;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.zhiyuan.access.Actor;
import org.zhiyuan.audit.AuditEntry;
import org.zhiyuan.audit.AuditLog;
import org.zhiyuan.audit.AuditQuery;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;
import org.zhiyuan.shared.ProblemException;

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

	AuditController(AuditLog auditLog) {
		this.auditLog = auditLog;
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
			@RequestParam(required = false) Integer page, Model model) {
		String filter = (action != null && !action.isBlank()) ? action.strip() : null;
		model.addAttribute("action", filter);
		model.addAttribute("entries", this.auditLog.search(new AuditQuery(filter, null, null, null, null, null),
				scopes(actor), PageQuery.of(page, 50)));
		return "audit/list";
	}

	private static Set<String> scopes(Actor actor) {
		Set<String> scopes = actor.readableRegions();
		if (scopes.isEmpty()) {
			throw ProblemException.forbidden("problem.forbidden.audit");
		}
		return scopes;
	}

}
