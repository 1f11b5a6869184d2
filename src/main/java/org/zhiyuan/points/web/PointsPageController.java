package org.zhiyuan.points.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.zhiyuan.access.Actor;
import org.zhiyuan.points.CheckedRedemption;
import org.zhiyuan.points.NewReward;
import org.zhiyuan.points.OfferedReward;
import org.zhiyuan.points.PointRule;
import org.zhiyuan.points.PointRules;
import org.zhiyuan.points.Points;
import org.zhiyuan.points.RedemptionView;
import org.zhiyuan.points.Redemptions;
import org.zhiyuan.points.RewardView;
import org.zhiyuan.points.Rewards;
import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.Ids;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.shared.web.PageActions;
import org.zhiyuan.shared.web.PublicUrl;
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
 * The pages of points and rewards: the volunteer's 我的积分 (balance, what expires soon, lots
 * by expiry, redemptions with their codes, entries), the catalogue of rewards with a
 * redeem button, the merchant's check page opened by the reward's key, and the operators'
 * catalogue management with the rules of points of their region.
 */
@Controller
class PointsPageController {

	private static final PageQuery LATEST = PageQuery.of(0, 50);

	private final Points points;

	private final PointRules rules;

	private final Rewards rewards;

	private final Redemptions redemptions;

	private final Volunteers volunteers;

	private final Regions regions;

	private final PublicUrl publicUrl;

	PointsPageController(Points points, PointRules rules, Rewards rewards, Redemptions redemptions,
			Volunteers volunteers, Regions regions, PublicUrl publicUrl) {
		this.publicUrl = publicUrl;
		this.points = points;
		this.rules = rules;
		this.rewards = rewards;
		this.redemptions = redemptions;
		this.volunteers = volunteers;
		this.regions = regions;
	}

	@GetMapping("/me/points")
	String mine(@AuthenticationPrincipal Actor actor, Model model) {
		model.addAttribute("points", this.points.mine(actor));
		model.addAttribute("redemptions", this.redemptions.mine(actor, LATEST));
		model.addAttribute("entries", this.points.myEntries(actor, LATEST));
		model.addAttribute("rule", this.rules.rule(this.volunteers.mine(actor).regionCode()));
		return "points/mine";
	}

	@PostMapping("/me/points/redemptions/{id}/cancel")
	String cancel(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, RedirectAttributes redirect) {
		try {
			this.redemptions.cancel(actor, id);
			redirect.addFlashAttribute("notice", "points.redemption.cancelled");
		}
		catch (ProblemException ex) {
			if (ex.status() != 409) {
				throw ex;
			}
			redirect.addFlashAttribute("notice", "points.redemption.stale");
		}
		return "redirect:/me/points#redemptions";
	}

	@GetMapping("/rewards")
	String catalogue(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String regionCode,
			@RequestParam(required = false) Integer page, Model model, Locale locale) {
		Optional<org.zhiyuan.volunteer.VolunteerView> me = (actor != null)
				? this.volunteers.findByAccount(actor.accountId()) : Optional.empty();
		String region = (regionCode != null && this.regions.exists(regionCode)) ? regionCode
				: me.map((v) -> v.regionCode()).orElse(Regions.NATIONAL);
		model.addAttribute("rewards", this.rewards.available(region, PageQuery.of(page, 20)));
		model.addAttribute("regionCode", region);
		model.addAttribute("regionName",
				Regions.NATIONAL.equals(region) ? null : this.regions.fullName(region, locale));
		model.addAttribute("balance", me.map((v) -> this.points.mine(actor).balance()).orElse(null));
		model.addAttribute("today", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")));
		model.addAttribute("formKey", Ids.newId().toString());
		return "points/rewards";
	}

	@PostMapping("/rewards/{id}/redeem")
	String redeem(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) String formKey, RedirectAttributes redirect) {
		try {
			RedemptionView done = this.redemptions.redeem(actor, id, formKey);
			redirect.addFlashAttribute("newCode", Redemptions.display(done.code()));
			return "redirect:/me/points#redemptions";
		}
		catch (ProblemException ex) {
			if (ex.status() != 422) {
				throw ex;
			}
			PageActions.flash(redirect, ex);
			return "redirect:/rewards";
		}
	}

	// the merchant's

	@GetMapping("/rewards/{id}/check/{key}")
	String checkPage(@PathVariable UUID id, @PathVariable String key, Model model) {
		RewardView reward = openedBy(id, key);
		model.addAttribute("reward", reward);
		model.addAttribute("key", key);
		model.addAttribute("code", "");
		return "points/check";
	}

	@PostMapping("/rewards/{id}/check/{key}")
	String check(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @PathVariable String key,
			@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "false") boolean use,
			Model model) {
		RewardView reward = openedBy(id, key);
		model.addAttribute("reward", reward);
		model.addAttribute("key", key);
		model.addAttribute("code", code);
		try {
			CheckedRedemption checked = this.redemptions.check(null, code, key, use);
			if (!checked.rewardId().equals(reward.id())) {
				throw ProblemException.notFound("REDEMPTION_NOT_FOUND", "redemption.notFound");
			}
			model.addAttribute("checked", checked);
		}
		catch (ProblemException ex) {
			if (ex.status() == 409) {
				model.addAttribute("checked", this.redemptions.check(null, code, key, false));
			}
			PageActions.show(model, ex);
		}
		return "points/check";
	}

	private RewardView openedBy(UUID id, String key) {
		RewardView reward = this.rewards.find(id);
		if (!this.rewards.opens(id, key)) {
			throw ProblemException.notFound("REWARD_NOT_FOUND", "reward.notFound");
		}
		return reward;
	}

	// the operators'

	@GetMapping("/rewards/manage")
	String manage(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String regionCode,
			@RequestParam(required = false) Integer page, Model model, Locale locale) {
		String region = regionOf(actor, regionCode);
		model.addAttribute("rewards", this.rewards.offeredWithin(actor, region, PageQuery.of(page, 20)));
		model.addAttribute("regionCode", region);
		model.addAttribute("regionName",
				Regions.NATIONAL.equals(region) ? null : this.regions.fullName(region, locale));
		if (!model.containsAttribute("rule")) {
			PointRule rule = this.rules.rule(region);
			model.addAttribute("rule", new RuleForm(String.valueOf(rule.perHour()), String.valueOf(rule.hardPerHour()),
					String.valueOf(rule.emergencyPerHour()), String.valueOf(rule.validMonths())));
		}
		model.addAttribute("effective", this.rules.rule(region));
		model.addAttribute("publicBase", this.publicUrl.base());
		if (!model.containsAttribute("reward")) {
			model.addAttribute("reward", new RewardForm("", "", "", "", "", "1", ""));
		}
		return "points/manage";
	}

	@PostMapping("/rewards/new")
	String offer(@AuthenticationPrincipal Actor actor, @RequestParam(defaultValue = "") String regionCode,
			@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String description,
			@RequestParam(defaultValue = "") String merchant, @RequestParam(defaultValue = "") String price,
			@RequestParam(defaultValue = "") String stock, @RequestParam(defaultValue = "") String perPerson,
			@RequestParam(defaultValue = "") String availableUntil, Model model, Locale locale,
			RedirectAttributes redirect) {
		RewardForm form = new RewardForm(title, description, merchant, price, stock, perPerson, availableUntil);
		try {
			OfferedReward offered = this.rewards.offer(actor, new NewReward(regionCode, title, description, merchant,
					number(price), number(stock), number(perPerson), date(availableUntil)));
			redirect.addFlashAttribute("notice", "points.reward.offered");
			redirect.addFlashAttribute("checkPath",
					"/rewards/" + offered.reward().id() + "/check/" + offered.checkKey());
			redirect.addFlashAttribute("checkTitle", offered.reward().title());
			return "redirect:/rewards/manage?regionCode=" + offered.reward().regionCode();
		}
		catch (ProblemException ex) {
			if (ex.status() == 403) {
				throw ex;
			}
			PageActions.show(model, ex);
			model.addAttribute("reward", form);
			return manage(actor, regionCode.isBlank() ? null : regionCode, null, model, locale);
		}
	}

	@PostMapping("/rewards/{id}/withdraw")
	String withdraw(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, RedirectAttributes redirect) {
		RewardView reward = this.rewards.find(id);
		PageActions.run(redirect, "points.reward.withdrawn", () -> this.rewards.withdraw(actor, id));
		return "redirect:/rewards/manage?regionCode=" + reward.regionCode();
	}

	@PostMapping("/rewards/{id}/key")
	String newKey(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, RedirectAttributes redirect) {
		OfferedReward offered = this.rewards.newCheckKey(actor, id);
		redirect.addFlashAttribute("notice", "points.reward.keyChanged");
		redirect.addFlashAttribute("checkPath", "/rewards/" + offered.reward().id() + "/check/" + offered.checkKey());
		redirect.addFlashAttribute("checkTitle", offered.reward().title());
		return "redirect:/rewards/manage?regionCode=" + offered.reward().regionCode();
	}

	@PostMapping("/rewards/rules")
	String setRule(@AuthenticationPrincipal Actor actor, @RequestParam(defaultValue = "") String regionCode,
			@RequestParam(defaultValue = "") String perHour, @RequestParam(defaultValue = "") String hardPerHour,
			@RequestParam(defaultValue = "") String emergencyPerHour,
			@RequestParam(defaultValue = "") String validMonths, @RequestParam(defaultValue = "false") boolean inherit,
			Model model, Locale locale, RedirectAttributes redirect) {
		try {
			if (inherit) {
				this.rules.inherit(actor, regionCode);
			}
			else {
				this.rules.set(actor, regionCode, number(perHour), number(hardPerHour), number(emergencyPerHour),
						number(validMonths));
			}
			redirect.addFlashAttribute("notice", "points.rule.saved");
			return "redirect:/rewards/manage?regionCode=" + regionCode + "#rules";
		}
		catch (ProblemException ex) {
			if (ex.status() != 400) {
				throw ex;
			}
			PageActions.show(model, ex);
			model.addAttribute("rule", new RuleForm(perHour, hardPerHour, emergencyPerHour, validMonths));
			return manage(actor, regionCode, null, model, locale);
		}
	}

	private static Integer number(String text) {
		try {
			return Integer.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			return (text.isBlank()) ? null : -1;
		}
	}

	private static LocalDate date(String text) {
		try {
			return text.isBlank() ? null : LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			return LocalDate.MIN;
		}
	}

	/** The region asked for, else the first the caller oversees. */
	private static String regionOf(Actor actor, String regionCode) {
		return actor.regionOrFirstReadable(regionCode);
	}

	/** The rules form as typed. */
	record RuleForm(String perHour, String hardPerHour, String emergencyPerHour, String validMonths) {

	}

	/** The new reward form as typed. */
	record RewardForm(String title, String description, String merchant, String price, String stock, String perPerson,
			String availableUntil) {

	}

}
