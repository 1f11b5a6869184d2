package org.zhiyuan.need.web;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.zhiyuan.access.AccessPolicy;
import org.zhiyuan.access.Actor;
import org.zhiyuan.access.Role;
import org.zhiyuan.need.MenuItemView;
import org.zhiyuan.need.MenuItems;
import org.zhiyuan.need.NeedCancellations;
import org.zhiyuan.need.NeedStatus;
import org.zhiyuan.need.NeedView;
import org.zhiyuan.need.Needs;
import org.zhiyuan.need.NewMenuItem;
import org.zhiyuan.need.NewNeed;
import org.zhiyuan.need.NewResident;
import org.zhiyuan.need.ResidentView;
import org.zhiyuan.need.Residents;
import org.zhiyuan.organization.MemberStatus;
import org.zhiyuan.organization.OrganizationView;
import org.zhiyuan.organization.Organizations;
import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.Enums;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.Ids;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.shared.ServiceField;
import org.zhiyuan.shared.web.FormTimes;
import org.zhiyuan.shared.web.PageActions;
import org.zhiyuan.volunteer.Volunteers;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of needs: a resident's registration, "我的需求" and the order page (from the menu
 * or in their own words, the place on the map picker); a need's page with its timeline
 * and the next step for whoever may take it (dispatch, take, accept or assign, complete,
 * rate); the operators' dispatch queue with late needs and the on-behalf entry; an
 * organization's incoming needs and its menu; a volunteer's 接单 list.
 */
@Controller
class NeedPageController {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	private final Residents residents;

	private final MenuItems menus;

	private final Needs needs;

	private final NeedCancellations cancellations;

	private final Organizations organizations;

	private final Volunteers volunteers;

	private final AccessPolicy accessPolicy;

	private final Regions regions;

	NeedPageController(Residents residents, MenuItems menus, Needs needs, NeedCancellations cancellations,
			Organizations organizations, Volunteers volunteers, AccessPolicy accessPolicy, Regions regions) {
		this.cancellations = cancellations;
		this.residents = residents;
		this.menus = menus;
		this.needs = needs;
		this.organizations = organizations;
		this.volunteers = volunteers;
		this.accessPolicy = accessPolicy;
		this.regions = regions;
	}

	// residents

	@GetMapping("/residents/register")
	String registerForm(Model model) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new ResidentForm("", "", ""));
		}
		return "need/register";
	}

	@PostMapping("/residents/register")
	String register(@RequestParam(defaultValue = "") String phone, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String regionCode,
			Model model, RedirectAttributes redirect) {
		try {
			this.residents.register(new NewResident(name, phone, password, regionCode));
		}
		catch (ProblemException ex) {
			PageActions.show(model, ex);
			model.addAttribute("form", new ResidentForm(phone, name, regionCode));
			return "need/register";
		}
		redirect.addFlashAttribute("notice", "need.register.done");
		return "redirect:/login";
	}

	@GetMapping("/me/needs")
	String mine(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) Integer page, Model model) {
		model.addAttribute("needs", this.needs.mine(actor, PageQuery.of(page, 50)));
		return "need/mine";
	}

	// ordering

	@GetMapping("/needs/new")
	String orderForm(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) UUID menuItemId,
			@RequestParam(required = false) String regionCode, Model model) {
		Optional<ResidentView> resident = this.residents.ofAccount(actor.accountId());
		if (resident.isEmpty() && actor.scopesOf(Role.OPERATOR).isEmpty()) {
			throw ProblemException.forbidden("problem.forbidden.object");
		}
		Optional<MenuItemView> item = Optional.ofNullable(menuItemId).flatMap(this.menus::find);
		String region = resident.map(ResidentView::regionCode).orElse(regionCode);
		OffsetDateTime from = OffsetDateTime.now(CHINA).plusDays(1).withHour(9).truncatedTo(ChronoUnit.HOURS);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form",
					new OrderForm(item.map((i) -> i.id().toString()).orElse(""),
							item.map(MenuItemView::title).orElse(""), "", item.map((i) -> i.field().name()).orElse(""),
							(region != null) ? region : "", "", null, null, local(from), local(from.plusHours(2)), "",
							"", Ids.newId().toString()));
		}
		return orderPage(actor, resident, item, region, model);
	}

	private String orderPage(Actor actor, Optional<ResidentView> resident, Optional<MenuItemView> item, String region,
			Model model) {
		model.addAttribute("resident", resident.orElse(null));
		model.addAttribute("item", item.orElse(null));
		model.addAttribute("fields", Arrays.asList(ServiceField.values()));
		model.addAttribute("menu", (region != null && this.regions.exists(region))
				? this.menus.search(region, null, null, PageQuery.of(0, 50)).items() : List.of());
		return "need/order";
	}

	@PostMapping("/needs")
	String order(@AuthenticationPrincipal Actor actor, @RequestParam(defaultValue = "") String menuItemId,
			@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String description,
			@RequestParam(defaultValue = "") String field, @RequestParam(defaultValue = "") String regionCode,
			@RequestParam(defaultValue = "") String address, @RequestParam(required = false) String lat,
			@RequestParam(required = false) String lng, @RequestParam(defaultValue = "") String wantedFrom,
			@RequestParam(defaultValue = "") String wantedTo, @RequestParam(defaultValue = "") String onBehalfName,
			@RequestParam(defaultValue = "") String onBehalfPhone, @RequestParam(defaultValue = "") String key,
			Model model, RedirectAttributes redirect) {
		OrderForm form = new OrderForm(menuItemId, title, description, field, regionCode, address, lat, lng, wantedFrom,
				wantedTo, onBehalfName, onBehalfPhone, key);
		Optional<ResidentView> resident = this.residents.ofAccount(actor.accountId());
		try {
			List<FieldProblem> problems = new ArrayList<>();
			ServiceField parsedField = Enums.parse(ServiceField.class, field, "field", problems);
			UUID item = menuItemId.isBlank() ? null : Ids.parse(menuItemId).orElse(null);
			Double latitude = number(lat, "location", problems);
			Double longitude = number(lng, "location", problems);
			OffsetDateTime from = FormTimes.inChina(wantedFrom, "wantedFrom", problems);
			OffsetDateTime to = FormTimes.inChina(wantedTo, "wantedTo", problems);
			if (!problems.isEmpty()) {
				throw ProblemException.invalid(problems);
			}
			NewNeed.OnBehalf onBehalf = resident.isPresent() ? null
					: new NewNeed.OnBehalf(onBehalfName, onBehalfPhone.isBlank() ? null : onBehalfPhone);
			NeedView need = this.needs.submit(actor,
					new NewNeed(item, title, description, parsedField,
							resident.map(ResidentView::regionCode).orElse(regionCode), address, latitude, longitude,
							from, to, onBehalf),
					key.isBlank() ? null : key);
			redirect.addFlashAttribute("notice", "need.submitted");
			return "redirect:/needs/" + need.id();
		}
		catch (ProblemException ex) {
			if (ex.status() == 403 || ex.status() == 401) {
				throw ex;
			}
			PageActions.show(model, ex);
			model.addAttribute("form", form);
			Optional<MenuItemView> item = Ids.parse(menuItemId).flatMap(this.menus::find);
			return orderPage(actor, resident, item, resident.map(ResidentView::regionCode).orElse(regionCode), model);
		}
	}

	// a need and its steps

	@GetMapping("/needs/{id}")
	String need(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		NeedView need = this.needs.view(actor, id);
		model.addAttribute("need", need);
		boolean operator = this.accessPolicy.operates(actor, need.regionCode());
		boolean admin = need.organizationId() != null && this.organizations.isAdmin(actor, need.organizationId());
		boolean resident = this.residents.ofAccount(actor.accountId())
			.filter((r) -> need.resident() != null && r.id().equals(need.resident().id()))
			.isPresent();
		boolean served = this.volunteers.findByAccount(actor.accountId())
			.filter((v) -> need.volunteers().stream().anyMatch((p) -> p.id().equals(v.id())))
			.isPresent();
		NeedStatus status = need.status();
		model.addAttribute("canDispatch", operator && (status == NeedStatus.SUBMITTED
				|| (need.overdue() != null && (status == NeedStatus.DISPATCHED || status == NeedStatus.ACCEPTED))));
		model.addAttribute("canTake",
				!operator && admin && status == NeedStatus.SUBMITTED && need.menuItemId() != null);
		model.addAttribute("canAccept", status == NeedStatus.DISPATCHED && !admin && !operator
				&& this.volunteers.findByAccount(actor.accountId()).isPresent());
		model.addAttribute("canAssign", status == NeedStatus.DISPATCHED && admin);
		model.addAttribute("canComplete", status == NeedStatus.ACCEPTED && (admin || served));
		model.addAttribute("canRate", status == NeedStatus.DONE && (resident || (operator && ratesForResident(need))));
		model.addAttribute("canCancel", this.cancellations.mayCancel(actor, need));
		if ((boolean) model.getAttribute("canDispatch")) {
			model.addAttribute("organizations",
					this.organizations.search(need.regionCode().substring(0, 6), null, PageQuery.of(0, 100))
						.items()
						.stream()
						.filter(OrganizationView::isActive)
						.toList());
		}
		if ((boolean) model.getAttribute("canAssign")) {
			model.addAttribute("members",
					this.organizations.members(actor, need.organizationId(), MemberStatus.ACTIVE, PageQuery.of(0, 200))
						.items());
		}
		if ((boolean) model.getAttribute("canComplete") && !model.containsAttribute("completion")) {
			OffsetDateTime end = OffsetDateTime.now(CHINA).truncatedTo(ChronoUnit.MINUTES);
			model.addAttribute("completion",
					new CompletionForm(local(end.minusHours(1)), local(end), Ids.newId().toString()));
		}
		return "need/need";
	}

	/** A resident without an account is rated for by the region's operators. */
	private boolean ratesForResident(NeedView need) {
		return need.resident() != null && need.resident().phoneMasked() == null;
	}

	@PostMapping("/needs/{id}/dispatch")
	String dispatch(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) UUID organizationId, RedirectAttributes redirect) {
		PageActions.run(redirect, "need.dispatched", () -> this.needs.dispatch(actor, id, organizationId));
		return "redirect:/needs/" + id;
	}

	@PostMapping("/needs/{id}/acceptance")
	String accept(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) List<UUID> volunteerIds, RedirectAttributes redirect) {
		PageActions.run(redirect, "need.accepted", () -> this.needs.accept(actor, id, volunteerIds));
		return "redirect:/needs/" + id;
	}

	@PostMapping("/needs/{id}/completion")
	String complete(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String startedAt, @RequestParam(defaultValue = "") String endedAt,
			@RequestParam(defaultValue = "") String key, RedirectAttributes redirect) {
		PageActions.run(redirect, "need.done", () -> {
			List<FieldProblem> problems = new ArrayList<>();
			OffsetDateTime start = FormTimes.inChina(startedAt, "startedAt", problems);
			OffsetDateTime end = FormTimes.inChina(endedAt, "endedAt", problems);
			if (!problems.isEmpty()) {
				throw ProblemException.invalid(problems);
			}
			this.needs.complete(actor, id, start, end, key.isBlank() ? null : key);
		});
		redirect.addFlashAttribute("completion", new CompletionForm(startedAt, endedAt, Ids.newId().toString()));
		return "redirect:/needs/" + id;
	}

	@PostMapping("/needs/{id}/rating")
	String rate(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) Integer stars, @RequestParam(defaultValue = "") String comment,
			RedirectAttributes redirect) {
		PageActions.run(redirect, "need.rated", () -> this.needs.rate(actor, id, stars, comment));
		return "redirect:/needs/" + id;
	}

	@PostMapping("/needs/{id}/cancellation")
	String cancel(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
		PageActions.run(redirect, "need.cancelled", () -> this.cancellations.cancel(actor, id, reason));
		return "redirect:/needs/" + id;
	}

	// lists

	@GetMapping("/needs/queue")
	String queue(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String regionCode,
			@RequestParam(defaultValue = "open") String show, @RequestParam(required = false) Integer page,
			Model model) {
		String region = (regionCode != null && !regionCode.isBlank()) ? regionCode
				: actor.readableRegions().stream().sorted().findFirst().orElse(null);
		boolean late = "late".equals(show);
		NeedStatus status = "open".equals(show) ? NeedStatus.SUBMITTED : null;
		model.addAttribute("needs", this.needs.ofRegion(actor, region, status, late, PageQuery.of(page, 50)));
		model.addAttribute("regionCode", region);
		model.addAttribute("regionName", this.regions.fullName(region));
		model.addAttribute("show", late ? "late" : (status != null) ? "open" : "all");
		model.addAttribute("operates", this.accessPolicy.operates(actor, region));
		return "need/queue";
	}

	@GetMapping("/organizations/{id}/needs")
	String incoming(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) Integer page, Model model) {
		model.addAttribute("organization", this.organizations.view(actor, id));
		model.addAttribute("needs", this.needs.ofOrganization(actor, id, null, PageQuery.of(page, 50)));
		return "need/incoming";
	}

	@GetMapping("/me/needs/accept")
	String toAccept(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) Integer page, Model model) {
		model.addAttribute("needs", this.needs.forVolunteer(actor, PageQuery.of(page, 50)));
		return "need/accept";
	}

	// menus

	@GetMapping("/organizations/{id}/menu")
	String menu(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		OrganizationView organization = this.organizations.view(actor, id);
		model.addAttribute("organization", organization);
		model.addAttribute("items", this.menus.search(null, null, id, PageQuery.of(0, 200)));
		model.addAttribute("manages", this.organizations.isAdmin(actor, id) && organization.isActive());
		model.addAttribute("fields", Arrays.asList(ServiceField.values()));
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new MenuForm("", "", "", organization.regionCode()));
		}
		return "need/menu";
	}

	@PostMapping("/organizations/{id}/menu/{itemId}/withdrawal")
	String withdrawMenuItem(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @PathVariable UUID itemId,
			RedirectAttributes redirect) {
		PageActions.run(redirect, "need.menu.withdrawn", () -> this.menus.withdraw(actor, itemId));
		return "redirect:/organizations/" + id + "/menu";
	}

	@PostMapping("/organizations/{id}/menu")
	String addMenuItem(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String field,
			@RequestParam(defaultValue = "") String description, @RequestParam(defaultValue = "") String regionCode,
			Model model, RedirectAttributes redirect) {
		try {
			List<FieldProblem> problems = new ArrayList<>();
			ServiceField parsed = Enums.parse(ServiceField.class, field, "field", problems);
			if (!problems.isEmpty()) {
				throw ProblemException.invalid(problems);
			}
			this.menus.create(actor, id, new NewMenuItem(title, parsed, description,
					regionCode.isBlank() ? List.of() : List.of(regionCode)));
		}
		catch (ProblemException ex) {
			if (ex.status() == 403 || ex.status() == 404) {
				throw ex;
			}
			PageActions.show(model, ex);
			model.addAttribute("form", new MenuForm(title, field, description, regionCode));
			return menu(actor, id, model);
		}
		redirect.addFlashAttribute("notice", "need.menu.added");
		return "redirect:/organizations/" + id + "/menu";
	}

	private static Double number(String text, String field, List<FieldProblem> problems) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Double.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			problems.add(new FieldProblem(field, "validation.location"));
			return null;
		}
	}

	private static String local(OffsetDateTime time) {
		return LocalDateTime.ofInstant(time.toInstant(), CHINA).format(LOCAL);
	}

	record ResidentForm(String phone, String name, String regionCode) implements java.io.Serializable {

	}

	record OrderForm(String menuItemId, String title, String description, String field, String regionCode,
			String address, String lat, String lng, String wantedFrom, String wantedTo, String onBehalfName,
			String onBehalfPhone, String key) implements java.io.Serializable {

	}

	record CompletionForm(String startedAt, String endedAt, String key) implements java.io.Serializable {

	}

	record MenuForm(String title, String field, String description, String regionCode) implements java.io.Serializable {

	}

}
