package org.zhiyuan.audit.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.zhiyuan.access.Actor;
import org.zhiyuan.audit.AuditEntry;
import org.zhiyuan.audit.AuditLog;
import org.zhiyuan.audit.PersonalDataListings;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * "Who has seen my data": every signed-in person can list, from the audit log, who else
 * read or acted on their personal data (their profile, their records, their certificates,
 * the rosters they are on), when, and whether it was allowed.
 */
@Controller
@Tag(name = "Audit")
class DataAccessController {

	/** How many of the newest lists showing the person are searched, per module. */
	private static final int LISTINGS = 200;

	private final AuditLog auditLog;

	private final AuditPresenter presenter;

	private final List<PersonalDataListings> listings;

	DataAccessController(AuditLog auditLog, AuditPresenter presenter, List<PersonalDataListings> listings) {
		this.auditLog = auditLog;
		this.presenter = presenter;
		this.listings = listings;
	}

	@GetMapping("/api/v1/me/data-accesses")
	@ResponseBody
	@Operation(summary = "Who else read or acted on the caller's personal data, newest first",
			description = "From the audit log: reads of the caller's profile, records, certificates, points, credit"
					+ " and time account, and of the activity and training rosters they were on (from when they"
					+ " signed up), by organizations and operators; refused attempts too. The caller's own reads"
					+ " are not listed.")
	PageResult<DataAccessView> list(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, Locale locale) {
		PageResult<AuditEntry> entries = entries(actor, PageQuery.of(page, size));
		List<AuditPageRow> rows = this.presenter.rows(entries.items(), locale);
		List<DataAccessView> views = IntStream.range(0, rows.size()).mapToObj((i) -> {
			AuditEntry e = entries.items().get(i);
			AuditPageRow row = rows.get(i);
			return new DataAccessView(e.occurredAt(), e.action(), row.action(), e.outcome(), row.actor(),
					e.objectType(), e.objectId(), row.object(), e.regionCode(), row.region());
		}).toList();
		return new PageResult<>(views, entries.page(), entries.size(), entries.total());
	}

	@GetMapping("/me/data-accesses")
	String page(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) Integer page, Locale locale,
			Model model) {
		PageResult<AuditEntry> entries = entries(actor, PageQuery.of(page, 30));
		model.addAttribute("entries", entries);
		model.addAttribute("rows", this.presenter.rows(entries.items(), locale));
		return "audit/mine";
	}

	private PageResult<AuditEntry> entries(Actor actor, PageQuery page) {
		List<PersonalDataListings.Listing> shown = new ArrayList<>();
		for (PersonalDataListings source : this.listings) {
			shown.addAll(source.listingsOf(actor.accountId(), LISTINGS));
		}
		return this.auditLog.readsOfPersonalData(actor.accountId(), shown, page);
	}

}
