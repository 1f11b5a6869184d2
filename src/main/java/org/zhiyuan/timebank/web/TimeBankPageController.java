package org.zhiyuan.timebank.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.zhiyuan.access.Actor;
import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.Ids;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.shared.web.PageActions;
import org.zhiyuan.timebank.LedgerAudit;
import org.zhiyuan.timebank.Relation;
import org.zhiyuan.timebank.RelativeStatus;
import org.zhiyuan.timebank.RelativeView;
import org.zhiyuan.timebank.Relatives;
import org.zhiyuan.timebank.TimeAccounts;
import org.zhiyuan.timebank.TimeGifts;
import org.zhiyuan.timebank.TimeServices;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The time bank's pages: the volunteer's 我的时间银行 (balance against the cap, hours used for
 * a service and held until it is done, hours given to a relative picked from their
 * confirmed relatives, relatives named and confirmed, and every entry as a card), the
 * operators' ledger check of their region, with its figures as Excel, and the services of
 * their region waiting to be completed or cancelled.
 */
@Controller
class TimeBankPageController {

	private static final PageQuery LATEST = PageQuery.of(0, 100);

	private final TimeAccounts accounts;

	private final TimeGifts gifts;

	private final Relatives relatives;

	private final TimeServices services;

	private final Regions regions;

	TimeBankPageController(TimeAccounts accounts, TimeGifts gifts, Relatives relatives, TimeServices services,
			Regions regions) {
		this.accounts = accounts;
		this.gifts = gifts;
		this.relatives = relatives;
		this.services = services;
		this.regions = regions;
	}

	@GetMapping("/me/time-bank")
	String mine(@AuthenticationPrincipal Actor actor, Model model) {
		model.addAttribute("account", this.accounts.mine(actor));
		model.addAttribute("entries", this.accounts.myEntries(actor, LATEST));
		List<RelativeView> relatives = this.relatives.mine(actor);
		model.addAttribute("relatives", relatives);
		model.addAttribute("confirmed",
				relatives.stream().filter((r) -> r.status() == RelativeStatus.CONFIRMED).toList());
		model.addAttribute("relations", Relation.values());
		model.addAttribute("formKey", Ids.newId().toString());
		if (!model.containsAttribute("gift")) {
			model.addAttribute("gift", new GiftForm("", "", ""));
		}
		if (!model.containsAttribute("declare")) {
			model.addAttribute("declare", new DeclareForm("", "", ""));
		}
		model.addAttribute("services", this.services.mine(actor, LATEST));
		if (!model.containsAttribute("service")) {
			model.addAttribute("service", new ServiceForm("", ""));
		}
		return "timebank/mine";
	}

	@PostMapping("/me/time-bank/services")
	String order(@AuthenticationPrincipal Actor actor, @RequestParam(defaultValue = "") String hours,
			@RequestParam(defaultValue = "") String description, @RequestParam(required = false) String formKey,
			Model model, RedirectAttributes redirect) {
		try {
			this.services.order(actor, null, hoursOrNull(hours), description, formKey);
			redirect.addFlashAttribute("notice", "timebank.services.ordered");
			return "redirect:/me/time-bank#services";
		}
		catch (ProblemException ex) {
			if (ex.status() == 403) {
				throw ex;
			}
			PageActions.show(model, ex);
			// beside the service form's fields, not the gift form's of the same names
			model.addAttribute("serviceProblems", ex.fieldProblems());
			model.addAttribute("problems", List.of());
			model.addAttribute("service", new ServiceForm(hours, description));
			return mine(actor, model);
		}
	}

	@PostMapping("/me/time-bank/services/{id}/cancel")
	String cancelMine(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, RedirectAttributes redirect) {
		decide(() -> this.services.cancel(actor, id), "timebank.services.cancelled", redirect);
		return "redirect:/me/time-bank#services";
	}

	@PostMapping("/me/time-bank/gifts")
	String give(@AuthenticationPrincipal Actor actor, @RequestParam(defaultValue = "") String toVolunteerId,
			@RequestParam(defaultValue = "") String hours, @RequestParam(defaultValue = "") String memo,
			@RequestParam(required = false) String formKey, Model model, RedirectAttributes redirect) {
		try {
			UUID to = Ids.parse(toVolunteerId).orElse(null);
			this.gifts.give(actor, to, hoursOrNull(hours), memo, formKey);
			redirect.addFlashAttribute("notice", "timebank.gift.done");
			return "redirect:/me/time-bank";
		}
		catch (ProblemException ex) {
			if (ex.status() == 403) {
				throw ex;
			}
			PageActions.show(model, ex);
			model.addAttribute("gift", new GiftForm(toVolunteerId, hours, memo));
			return mine(actor, model);
		}
	}

	@PostMapping("/me/time-bank/relatives")
	String declare(@AuthenticationPrincipal Actor actor, @RequestParam(defaultValue = "") String phoneOrNumber,
			@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String relation, Model model,
			RedirectAttributes redirect) {
		try {
			this.relatives.declare(actor, phoneOrNumber, name, relation);
			redirect.addFlashAttribute("notice", "timebank.relative.declared");
			return "redirect:/me/time-bank#relatives";
		}
		catch (ProblemException ex) {
			if (ex.status() == 403) {
				throw ex;
			}
			PageActions.show(model, ex);
			model.addAttribute("declare", new DeclareForm(phoneOrNumber, name, relation));
			return mine(actor, model);
		}
	}

	@PostMapping("/me/time-bank/relatives/{id}/{decision}")
	String decide(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @PathVariable String decision,
			RedirectAttributes redirect) {
		try {
			switch (decision) {
				case "confirm" -> this.relatives.confirm(actor, id);
				case "decline" -> this.relatives.decline(actor, id);
				case "end" -> this.relatives.end(actor, id);
				default -> throw ProblemException.notFound("NOT_FOUND", "problem.notFound");
			}
			redirect.addFlashAttribute("notice", "timebank.relative." + decision + ".done");
		}
		catch (ProblemException ex) {
			if (ex.status() != 409) {
				throw ex;
			}
			redirect.addFlashAttribute("notice", "timebank.relative.stale");
		}
		return "redirect:/me/time-bank#relatives";
	}

	// operators'

	@GetMapping("/time-bank/audit")
	String audit(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String regionCode, Model model,
			Locale locale) {
		String region = regionOf(actor, regionCode);
		LedgerAudit audit = this.accounts.audit(actor, region);
		model.addAttribute("audit", audit);
		model.addAttribute("regionName",
				Regions.NATIONAL.equals(region) ? null : this.regions.fullName(region, locale));
		return "timebank/audit";
	}

	@GetMapping("/time-bank/audit.xlsx")
	ResponseEntity<byte[]> auditSheet(@AuthenticationPrincipal Actor actor,
			@RequestParam(required = false) String regionCode, Locale locale) {
		String region = regionOf(actor, regionCode);
		LedgerAudit audit = this.accounts.audit(actor, region);
		byte[] sheet = LedgerSheet.of(audit,
				Regions.NATIONAL.equals(region) ? "全国 Nation" : this.regions.fullName(region, locale));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"time-bank-" + region + ".xlsx\"")
			.body(sheet);
	}

	/** A decision on a service; one taken meanwhile is said, not an error. */
	static void decide(Runnable decision, String notice, RedirectAttributes redirect) {
		try {
			decision.run();
			redirect.addFlashAttribute("notice", notice);
		}
		catch (ProblemException ex) {
			if (ex.status() != 409) {
				throw ex;
			}
			redirect.addFlashAttribute("notice", "timebank.services.stale");
		}
	}

	/**
	 * Hours as typed, or {@code null} (reported as a bad field) when they are no number.
	 */
	static BigDecimal hoursOrNull(String text) {
		try {
			return new BigDecimal(text.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/** The region asked for, else the first the caller oversees. */
	static String regionOf(Actor actor, String regionCode) {
		if (regionCode != null && !regionCode.isBlank()) {
			return regionCode.strip();
		}
		Optional<String> first = actor.readableRegions().stream().sorted().findFirst();
		return first.orElseThrow(() -> ProblemException.forbidden("problem.forbidden.region"));
	}

	/** The gift form as typed. */
	record GiftForm(String toVolunteerId, String hours, String memo) {

	}

	/** The form using hours for a service, as typed. */
	record ServiceForm(String hours, String description) {

	}

	/** The form naming a relative, as typed. */
	record DeclareForm(String phoneOrNumber, String name, String relation) {

	}

}
