package org.zhiyuan.recommendation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.zhiyuan.access.Actor;
import org.zhiyuan.activity.Activities;
import org.zhiyuan.activity.ActivityQuery;
import org.zhiyuan.activity.ActivityView;
import org.zhiyuan.activity.ActivityView.PositionView;
import org.zhiyuan.activity.RiskLevel;
import org.zhiyuan.insurance.InsurancePolicies;
import org.zhiyuan.need.OpenNeed;
import org.zhiyuan.need.OpenNeeds;
import org.zhiyuan.record.ServicePast;
import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.Geo;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.ServiceField;
import org.zhiyuan.signup.SignupEligibility;
import org.zhiyuan.volunteer.AvailabilitySlot;
import org.zhiyuan.volunteer.ProfessionalField;
import org.zhiyuan.volunteer.QualificationCodes;
import org.zhiyuan.volunteer.VolunteerProfile;
import org.zhiyuan.volunteer.VolunteerView;
import org.zhiyuan.volunteer.Volunteers;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Recommendations for the calling volunteer. Filters first, with the sign-up's own checks
 * ({@link SignupEligibility}): only activities with a position they could sign up for
 * now, not overlapping their accepted service, and high-risk ones only where the
 * organization holds a policy covering every day; needs dispatched to their organizations
 * that do not overlap their accepted service. Then a score anyone can follow, each part
 * with its reason: the service field they chose or served in before, a skill or
 * qualification that the work asks for, the distance from the point they chose near home
 * (or their community, street or district), a time they said they are usually free, and
 * service with the same organization before.
 */
@Service
public class Recommendations {

	/** How many are shown at most. */
	public static final int MAX_LIMIT = 50;

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private static final int CANDIDATES = 60;

	private final Volunteers volunteers;

	private final Activities activities;

	private final SignupEligibility eligibility;

	private final InsurancePolicies insurance;

	private final OpenNeeds needs;

	private final ServicePast past;

	private final QualificationCodes qualifications;

	private final Regions regions;

	private final HomePoints homes;

	private final MessageSource messages;

	Recommendations(Volunteers volunteers, Activities activities, SignupEligibility eligibility,
			InsurancePolicies insurance, OpenNeeds needs, ServicePast past, QualificationCodes qualifications,
			Regions regions, HomePoints homes, MessageSource messages) {
		this.volunteers = volunteers;
		this.activities = activities;
		this.eligibility = eligibility;
		this.insurance = insurance;
		this.needs = needs;
		this.past = past;
		this.qualifications = qualifications;
		this.regions = regions;
		this.homes = homes;
		this.messages = messages;
	}

	/**
	 * The caller's recommendations, best first, at most {@code limit}.
	 * @throws org.zhiyuan.shared.ProblemException 404 {@code NOT_A_VOLUNTEER} for a
	 * caller who is not a volunteer
	 */
	public List<Recommendation> forMe(Actor actor, int limit, Locale locale) {
		VolunteerProfile profile = this.volunteers.myProfile(actor);
		VolunteerView volunteer = profile.volunteer();
		Scoring scoring = new Scoring(profile, this.past.of(volunteer.id()), this.homes.of(volunteer.id()), locale);
		List<Recommendation> found = new ArrayList<>();
		Set<UUID> signedUp = this.eligibility.activitiesSignedUpFor(volunteer.id());
		for (ActivityView activity : candidates(volunteer, scoring.home)) {
			List<PositionView> open = this.eligibility.openPositions(volunteer, activity, signedUp);
			if (open.isEmpty() || !insured(activity)) {
				continue;
			}
			found.add(scoring.activity(activity, open));
		}
		for (OpenNeed need : this.needs.acceptableBy(volunteer.id(), CANDIDATES)) {
			if (!this.eligibility.busyBetween(volunteer.id(), need.wantedFrom(), need.wantedTo())) {
				found.add(scoring.need(need));
			}
		}
		found.sort(Comparator.comparingInt(Recommendation::score)
			.reversed()
			.thenComparing(Recommendation::startsAt)
			.thenComparing(Recommendation::id));
		return found.subList(0, Math.min(found.size(), Math.max(0, Math.min(limit, MAX_LIMIT))));
	}

	/**
	 * Published activities near the volunteer, soonest first: around their chosen point,
	 * in their district, and in their city when the district has few.
	 */
	private List<ActivityView> candidates(VolunteerView volunteer, HomePoint home) {
		Map<UUID, ActivityView> found = new LinkedHashMap<>();
		LocalDate today = LocalDate.now(CHINA);
		PageQuery page = PageQuery.of(0, CANDIDATES);
		if (home != null) {
			this.activities.search(new ActivityQuery(null, null, null, today, null, home.lat(), home.lng(), 15.0), page)
				.items()
				.forEach((a) -> found.putIfAbsent(a.id(), a));
		}
		String region = volunteer.regionCode();
		String district = (region != null && region.length() >= 6) ? region.substring(0, 6) : null;
		if (district != null && this.regions.find(district).isPresent()) {
			search(district, today, page, found);
			String city = district.substring(0, 4) + "00";
			if (found.size() < CANDIDATES / 3 && !city.equals(district) && this.regions.find(city).isPresent()) {
				search(city, today, page, found);
			}
		}
		return new ArrayList<>(found.values());
	}

	private void search(String region, LocalDate from, PageQuery page, Map<UUID, ActivityView> found) {
		this.activities.search(new ActivityQuery(region, null, null, from, null, null, null, null), page)
			.items()
			.forEach((a) -> found.putIfAbsent(a.id(), a));
	}

	/**
	 * Whether a high-risk activity has a policy covering every day, under which the
	 * organization insures whom it accepts; other activities need none.
	 */
	private boolean insured(ActivityView activity) {
		return activity.riskLevel() != RiskLevel.HIGH || !this.insurance.policiesCovering(activity).isEmpty();
	}

	/** The score and reasons for one volunteer. */
	private final class Scoring {

		private final VolunteerProfile profile;

		private final ServicePast.Summary past;

		private final HomePoint home;

		private final Locale locale;

		Scoring(VolunteerProfile profile, ServicePast.Summary past, HomePoint home, Locale locale) {
			this.profile = profile;
			this.past = past;
			this.home = home;
			this.locale = locale;
		}

		Recommendation activity(ActivityView activity, List<PositionView> open) {
			Parts parts = new Parts();
			field(parts, activity.field());
			skills(parts, activity, open);
			Double km = place(parts, activity.regionCode(), activity.lat(), activity.lng());
			availability(parts, activity.startsAt());
			int before = this.past.withOrganization(activity.organizationId());
			if (before > 0) {
				parts.add(10, "recommendation.reason.organization", before);
			}
			if (activity.riskLevel() == RiskLevel.HIGH) {
				parts.add(0, "recommendation.reason.insured");
			}
			if (activity.approval() != org.zhiyuan.activity.ApprovalMode.MANUAL
					&& open.stream().allMatch((p) -> p.free() <= 0)) {
				parts.add(-15, "recommendation.reason.waitlist");
			}
			return new Recommendation(RecommendationKind.ACTIVITY, activity.id(), activity.title(), parts.score(),
					parts.reasons(), activity.field(), activity.regionCode(), activity.startsAt(), activity.endsAt(),
					km, activity.organizationName(), "/activities/" + activity.id());
		}

		Recommendation need(OpenNeed need) {
			Parts parts = new Parts();
			parts.add(15, "recommendation.reason.dispatched");
			field(parts, need.field());
			Double km = place(parts, need.regionCode(), need.lat(), need.lng());
			availability(parts, need.wantedFrom());
			return new Recommendation(RecommendationKind.NEED, need.id(), need.title(), parts.score(), parts.reasons(),
					need.field(), need.regionCode(), need.wantedFrom(), need.wantedTo(), km, null,
					"/needs/" + need.id());
		}

		private void field(Parts parts, ServiceField field) {
			boolean chosen = this.profile.fields()
				.stream()
				.map(ProfessionalField::name)
				.anyMatch((name) -> name.equals(field.name()));
			int served = this.past.inField(field);
			String name = message("serviceField." + field.name());
			if (chosen) {
				parts.add(25, "recommendation.reason.field", name);
			}
			else if (served > 0) {
				parts.add(Math.min(20, 8 + 2 * served), "recommendation.reason.servedField", served, name);
			}
		}

		private void skills(Parts parts, ActivityView activity, List<PositionView> open) {
			StringBuilder text = new StringBuilder(activity.title()).append(' ');
			if (activity.description() != null) {
				text.append(activity.description()).append(' ');
			}
			open.forEach((p) -> text.append(p.name()).append(' '));
			String haystack = text.toString().toLowerCase(Locale.ROOT);
			this.profile.skills()
				.stream()
				.filter((skill) -> skill.strip().length() >= 2)
				.filter((skill) -> haystack.contains(skill.strip().toLowerCase(Locale.ROOT)))
				.findFirst()
				.ifPresent((skill) -> parts.add(20, "recommendation.reason.skill", skill.strip()));
			open.stream()
				.flatMap((p) -> p.qualifications().stream())
				.findFirst()
				.ifPresent((code) -> parts.add(15, "recommendation.reason.qualification",
						Recommendations.this.qualifications.nameOf(code, this.locale)));
		}

		private Double place(Parts parts, String regionCode, Double lat, Double lng) {
			if (this.home != null && lat != null && lng != null) {
				double km = Geo.meters(this.home.lat(), this.home.lng(), lat, lng) / 1000;
				parts.add((int) Math.round(25 * Math.max(0, 1 - km / 20)), "recommendation.reason.distance",
						BigDecimal.valueOf(km).setScale(1, RoundingMode.HALF_UP).toPlainString());
				return BigDecimal.valueOf(km).setScale(2, RoundingMode.HALF_UP).doubleValue();
			}
			String mine = this.profile.volunteer().regionCode();
			if (mine == null || regionCode == null) {
				return null;
			}
			if (mine.length() == 12 && mine.equals(regionCode)) {
				parts.add(22, "recommendation.reason.community", regionName(regionCode));
			}
			else if (mine.length() >= 9 && regionCode.length() >= 9 && mine.startsWith(regionCode.substring(0, 9))) {
				parts.add(16, "recommendation.reason.street", regionName(regionCode.substring(0, 9)));
			}
			else if (mine.length() >= 6 && regionCode.startsWith(mine.substring(0, 6))) {
				parts.add(8, "recommendation.reason.district", regionName(mine.substring(0, 6)));
			}
			return null;
		}

		private void availability(Parts parts, OffsetDateTime startsAt) {
			AvailabilitySlot slot = slotOf(startsAt);
			if (this.profile.availability().contains(slot)) {
				parts.add(10, "recommendation.reason.available", message("slot." + slot.name()));
			}
		}

		private String regionName(String code) {
			return Recommendations.this.regions.find(code)
				.map((r) -> (Regions.isEnglish(this.locale) && r.nameEn() != null) ? r.nameEn() : r.name())
				.orElse(code);
		}

		private String message(String key, Object... args) {
			return Recommendations.this.messages.getMessage(key, args, key, this.locale);
		}

		/** The parts of a score, each with its reason. */
		private final class Parts {

			private int score;

			private final List<String> reasons = new ArrayList<>();

			void add(int points, String key, Object... args) {
				this.score += points;
				this.reasons.add(message(key, args));
			}

			int score() {
				return Math.max(0, Math.min(100, this.score));
			}

			List<String> reasons() {
				return List.copyOf(this.reasons);
			}

		}

	}

	/**
	 * The half-day of the week a time falls in, in China's time: morning before noon,
	 * afternoon before six, evening after.
	 */
	static AvailabilitySlot slotOf(OffsetDateTime at) {
		ZonedDateTime local = at.atZoneSameInstant(CHINA);
		String day = local.getDayOfWeek().name().substring(0, 3);
		String part = (local.getHour() < 12) ? "AM" : (local.getHour() < 18) ? "PM" : "EVE";
		return AvailabilitySlot.valueOf(day + "_" + part);
	}

}
