package org.zhiyuan.insurance;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.zhiyuan.access.Access;
import org.zhiyuan.access.AccessPolicy;
import org.zhiyuan.access.Actor;
import org.zhiyuan.activity.Activities;
import org.zhiyuan.activity.ActivityView;
import org.zhiyuan.activity.RiskLevel;
import org.zhiyuan.audit.AuditLog;
import org.zhiyuan.audit.AuditRecord;
import org.zhiyuan.insurance.InsuranceRepository.Window;
import org.zhiyuan.insurance.InsuredImport.Outcome;
import org.zhiyuan.insurance.InsuredSheet.SheetRow;
import org.zhiyuan.notification.NotificationKind;
import org.zhiyuan.notification.NotificationRequest;
import org.zhiyuan.notification.Notifications;
import org.zhiyuan.organization.OrganizationView;
import org.zhiyuan.organization.Organizations;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.Ids;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.shared.identity.PhoneNumbers;
import org.zhiyuan.signup.SignupStatus;
import org.zhiyuan.signup.SignupView;
import org.zhiyuan.signup.Signups;
import org.zhiyuan.volunteer.VolunteerView;
import org.zhiyuan.volunteer.Volunteers;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accident insurance of volunteers (志愿服务条例 第十七条). An organization's admins enter its
 * policies and insure volunteers under them — its members and the volunteers accepted for
 * its activities: by hand, from an Excel sheet, or all accepted volunteers of an activity
 * at once. A high-risk activity is published only when the organization's policies cover
 * every day of it, and a volunteer is checked in to one only when insured on every day of
 * it; both refusals name the day that is bare. Admins are warned once when a policy is
 * about to end.
 */
@Service
public class InsurancePolicies {

	/** Admins are warned this many days before a policy's last day. */
	public static final int WARNING_DAYS = 14;

	/** At most this many volunteers in one request. */
	static final int MAX_VOLUNTEERS = 500;

	/** A policy runs at most this long. */
	private static final Period MAX_PERIOD = Period.ofYears(5);

	private static final Pattern POLICY_NUMBER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9/_.-]{0,63}");

	private final InsuranceRepository policies;

	private final Organizations organizations;

	private final Activities activities;

	private final Signups signups;

	private final Volunteers volunteers;

	private final AccessPolicy accessPolicy;

	private final AuditLog auditLog;

	private final Notifications notifications;

	InsurancePolicies(InsuranceRepository policies, Organizations organizations, Activities activities, Signups signups,
			Volunteers volunteers, AccessPolicy accessPolicy, AuditLog auditLog, Notifications notifications) {
		this.policies = policies;
		this.organizations = organizations;
		this.activities = activities;
		this.signups = signups;
		this.volunteers = volunteers;
		this.accessPolicy = accessPolicy;
		this.auditLog = auditLog;
		this.notifications = notifications;
	}

	/**
	 * An admin of an active organization enters one of its policies.
	 * @throws ProblemException 400 naming every bad field, 403 for anyone else, 409
	 * {@code POLICY_NUMBER_TAKEN} when the organization entered that number before
	 */
	@Transactional
	public PolicyView create(Actor actor, NewPolicy policy) {
		List<FieldProblem> problems = problemsOf(policy);
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		OrganizationView organization = this.organizations.requireActive(actor, policy.organizationId());
		requireAdmin(actor, organization.id());
		if (this.policies.numberExists(organization.id(), policy.policyNumber())) {
			throw ProblemException.conflict("POLICY_NUMBER_TAKEN", "insurance.numberTaken");
		}
		UUID id = Ids.newId();
		try {
			this.policies.insert(id, policy, actor.accountId(), now());
		}
		catch (DuplicateKeyException ex) {
			throw ProblemException.conflict("POLICY_NUMBER_TAKEN", "insurance.numberTaken");
		}
		this.auditLog.record(AuditRecord.of("insurance.policy.create", actor.accountId())
			.on("insurance-policy", id)
			.inRegion(organization.regionCode())
			.inOrganization(organization.id()));
		return this.policies.find(id).orElseThrow();
	}

	/** A policy, for its organization's admins and the region's overseers. */
	public PolicyView view(Actor actor, UUID policyId) {
		PolicyView policy = require(policyId);
		requireReader(actor, policy.organizationId());
		return policy;
	}

	/** The organization's policies, latest ending first; for its admins and overseers. */
	public PageResult<PolicyView> ofOrganization(Actor actor, UUID organizationId, PageQuery page) {
		requireReader(actor, organizationId);
		return this.policies.ofOrganization(organizationId, page);
	}

	/**
	 * Whether the actor may enter policies and insure volunteers for the organization.
	 */
	public boolean mayManage(Actor actor, UUID organizationId) {
		return this.organizations.isAdmin(actor, organizationId);
	}

	/**
	 * The volunteers insured under the policy, for its organization's admins and
	 * overseers; audited.
	 */
	public PageResult<InsuredView> insured(Actor actor, UUID policyId, PageQuery page) {
		PolicyView policy = require(policyId);
		OrganizationView organization = organization(policy.organizationId());
		this.accessPolicy.check(actor, Access.READ,
				this.organizations.scopeOf(organization).withType("insured-volunteers"));
		return this.policies.insured(policyId, page);
	}

	/**
	 * Insures volunteers under the policy, all or none: each must be an active member of
	 * its organization or accepted for one of its activities. Someone insured already, or
	 * named twice, counts once.
	 * @return the volunteers named, now insured, and how many of them were added now
	 * @throws ProblemException 400 for a missing or oversized list, 422
	 * {@code NOT_INSURABLE} naming how many may not be insured by the organization
	 */
	@Transactional
	public Insured insure(Actor actor, UUID policyId, List<UUID> volunteerIds) {
		if (volunteerIds == null || volunteerIds.isEmpty() || volunteerIds.size() > MAX_VOLUNTEERS
				|| volunteerIds.contains(null)) {
			throw ProblemException
				.invalid(List.of(new FieldProblem("volunteerIds", "validation.insurance.volunteers", MAX_VOLUNTEERS)));
		}
		PolicyView policy = requireManaged(actor, policyId);
		Set<UUID> named = new LinkedHashSet<>(volunteerIds);
		Set<UUID> insurable = this.policies.insurableBy(policy.organizationId(), named);
		if (insurable.size() < named.size()) {
			throw ProblemException.unprocessable("NOT_INSURABLE", "insurance.notInsurable",
					named.size() - insurable.size());
		}
		int added = add(actor, policy, named);
		return new Insured(named.size(), added);
	}

	/**
	 * Insures every volunteer accepted for the activity under the policy, which must be
	 * its organization's and cover the activity's days.
	 * @throws ProblemException 422 {@code POLICY_NOT_COVERING} naming the first bare day
	 */
	@Transactional
	public Insured insureAccepted(Actor actor, UUID activityId, UUID policyId) {
		if (policyId == null) {
			throw ProblemException.invalid(List.of(new FieldProblem("policyId", "validation.required")));
		}
		ActivityView activity = this.activities.view(actor, activityId);
		requireAdmin(actor, activity.organizationId());
		PolicyView policy = require(policyId);
		if (!policy.organizationId().equals(activity.organizationId())) {
			throw ProblemException.invalid(List.of(new FieldProblem("policyId", "insurance.policyOfOther")));
		}
		Optional<LocalDate> bare = Cover.firstBareDay(Cover.firstDay(activity), Cover.lastDay(activity),
				List.<LocalDate[]>of(new LocalDate[] { policy.startsOn(), policy.endsOn() }));
		if (bare.isPresent()) {
			throw ProblemException.unprocessable("POLICY_NOT_COVERING", "insurance.policyNotCovering",
					policy.policyNumber(), day(bare.get()));
		}
		Set<UUID> accepted = new LinkedHashSet<>();
		PageResult<SignupView> page;
		int number = 0;
		do {
			page = this.signups.roster(actor, activityId, SignupStatus.APPROVED,
					PageQuery.of(number++, PageQuery.MAX_SIZE));
			page.items().forEach((s) -> accepted.add(s.volunteerId()));
		}
		while (number < page.totalPages());
		requireManaged(actor, policyId);
		int added = add(actor, policy, accepted);
		return new Insured(accepted.size(), added);
	}

	/**
	 * Insures the volunteers an Excel sheet names by volunteer number or phone, row by
	 * row: rows naming someone the organization may not insure are reported and skipped,
	 * the others insured.
	 * @throws ProblemException 400 when the file is no readable sheet or too long
	 */
	@Transactional
	public InsuredImport importSheet(Actor actor, UUID policyId, byte[] file) {
		PolicyView policy = requireManaged(actor, policyId);
		List<SheetRow> rows;
		try {
			rows = InsuredSheet.read(file);
		}
		catch (IllegalArgumentException ex) {
			throw ProblemException
				.invalid(List.of(new FieldProblem("file", "validation.insurance.sheet", InsuredSheet.MAX_ROWS)));
		}
		return importRows(actor, policy, rows);
	}

	/**
	 * As {@link #importSheet}, from lines typed or pasted on the page, one volunteer
	 * number or phone a line.
	 */
	@Transactional
	public InsuredImport importLines(Actor actor, UUID policyId, String lines) {
		PolicyView policy = requireManaged(actor, policyId);
		String[] split = (lines != null) ? lines.strip().split("\\R") : new String[0];
		if (lines == null || lines.isBlank() || split.length > MAX_VOLUNTEERS) {
			throw ProblemException
				.invalid(List.of(new FieldProblem("lines", "validation.insurance.volunteers", MAX_VOLUNTEERS)));
		}
		List<SheetRow> rows = new ArrayList<>();
		for (int i = 0; i < split.length; i++) {
			if (!split[i].isBlank()) {
				rows.add(new SheetRow(i + 1, split[i].strip()));
			}
		}
		return importRows(actor, policy, rows);
	}

	private InsuredImport importRows(Actor actor, PolicyView policy, List<SheetRow> rows) {
		UUID policyId = policy.id();
		Map<Integer, VolunteerView> found = new HashMap<>();
		for (SheetRow row : rows) {
			find(row.given()).ifPresent((v) -> found.put(row.number(), v));
		}
		Set<UUID> insurable = this.policies.insurableBy(policy.organizationId(),
				found.values().stream().map(VolunteerView::id).toList());
		Set<UUID> before = this.policies.insuredAmong(policyId, insurable);
		Set<UUID> seen = new LinkedHashSet<>();
		List<InsuredImport.Row> report = new ArrayList<>();
		int insured = 0;
		int already = 0;
		for (SheetRow row : rows) {
			VolunteerView volunteer = found.get(row.number());
			String given = masked(row.given());
			Outcome outcome;
			if (row.given().isBlank()) {
				outcome = Outcome.EMPTY;
			}
			else if (volunteer == null || !insurable.contains(volunteer.id())) {
				// a stranger's data stays hidden: not even whether the number is
				// registered
				outcome = Outcome.NOT_OF_ORGANIZATION;
				volunteer = null;
			}
			else if (!seen.add(volunteer.id())) {
				outcome = Outcome.DUPLICATE;
			}
			else if (before.contains(volunteer.id())) {
				outcome = Outcome.ALREADY_INSURED;
				already++;
			}
			else {
				outcome = Outcome.INSURED;
				insured++;
			}
			report.add(
					new InsuredImport.Row(row.number(), given, (volunteer != null) ? volunteer.name() : null, outcome));
		}
		add(actor, policy, seen);
		return new InsuredImport(rows.size(), insured, already, rows.size() - insured - already, report);
	}

	/**
	 * Of the given volunteers, those not insured on every day of the activity, with the
	 * first day each lacks: for the roster of a high-risk activity (empty for others).
	 */
	public Map<UUID, LocalDate> uninsured(ActivityView activity, List<UUID> volunteerIds) {
		if (activity.riskLevel() != RiskLevel.HIGH || volunteerIds.isEmpty()) {
			return Map.of();
		}
		LocalDate from = Cover.firstDay(activity);
		LocalDate to = Cover.lastDay(activity);
		Map<UUID, List<LocalDate[]>> windows = new HashMap<>();
		for (Window window : this.policies.windowsOf(Set.copyOf(volunteerIds), from, to)) {
			windows.computeIfAbsent(window.volunteerId(), (k) -> new ArrayList<>())
				.add(new LocalDate[] { window.startsOn(), window.endsOn() });
		}
		Map<UUID, LocalDate> bare = new HashMap<>();
		for (UUID volunteer : volunteerIds) {
			Cover.firstBareDay(from, to, windows.getOrDefault(volunteer, List.of()))
				.ifPresent((day) -> bare.put(volunteer, day));
		}
		return bare;
	}

	/**
	 * The organization's policies that cover every day of the activity: those it may
	 * insure the activity's volunteers under.
	 */
	public List<PolicyView> policiesCovering(ActivityView activity) {
		LocalDate from = Cover.firstDay(activity);
		LocalDate to = Cover.lastDay(activity);
		return this.policies.ofOrganizationWithin(activity.organizationId(), from, to)
			.stream()
			.filter((p) -> p.covers(from) && p.covers(to))
			.toList();
	}

	/**
	 * Refuses to publish a high-risk activity unless the organization's policies cover
	 * every day of it.
	 * @throws ProblemException 422 {@code NOT_INSURED} naming the first bare day
	 */
	void checkPublication(ActivityView activity) {
		if (activity.riskLevel() != RiskLevel.HIGH) {
			return;
		}
		LocalDate from = Cover.firstDay(activity);
		LocalDate to = Cover.lastDay(activity);
		List<LocalDate[]> periods = this.policies.ofOrganizationWithin(activity.organizationId(), from, to)
			.stream()
			.map((p) -> new LocalDate[] { p.startsOn(), p.endsOn() })
			.toList();
		Cover.firstBareDay(from, to, periods).ifPresent((day) -> {
			throw ProblemException.unprocessable("NOT_INSURED", "insurance.notInsured.activity", day(day));
		});
	}

	/**
	 * Refuses to check a volunteer in to a high-risk activity unless insured on every day
	 * of it.
	 * @throws ProblemException 422 {@code NOT_INSURED} naming the volunteer and the day
	 */
	void checkCheckin(UUID volunteerId, ActivityView activity) {
		Map<UUID, LocalDate> bare = uninsured(activity, List.of(volunteerId));
		if (bare.containsKey(volunteerId)) {
			String name = this.volunteers.find(volunteerId).map(VolunteerView::name).orElse("");
			throw ProblemException.unprocessable("NOT_INSURED", "insurance.notInsured.volunteer", name,
					day(bare.get(volunteerId)));
		}
	}

	/**
	 * Warns the admins of each active organization whose policy ends within
	 * {@value #WARNING_DAYS} days, once per policy and admin.
	 * @return how many policies are ending
	 */
	@Transactional
	public int warnEnding(LocalDate today) {
		List<PolicyView> ending = this.policies.endingBetween(today, today.plusDays(WARNING_DAYS));
		List<NotificationRequest> warnings = new ArrayList<>();
		for (PolicyView policy : ending) {
			for (UUID account : this.policies.adminAccountsOf(policy.organizationId())) {
				warnings.add(new NotificationRequest(account, NotificationKind.GENERAL, "notice.insurance.ending",
						List.of(policy.insurer(), policy.policyNumber(), policy.endsOn().toString()),
						"/organizations/" + policy.organizationId() + "/insurance", "insurance-ending:" + policy.id()));
			}
		}
		this.notifications.sendAll(warnings);
		return ending.size();
	}

	private int add(Actor actor, PolicyView policy, Set<UUID> volunteerIds) {
		this.policies.lock(policy.id());
		Set<UUID> already = this.policies.insuredAmong(policy.id(), volunteerIds);
		OffsetDateTime now = now();
		int added = 0;
		for (UUID volunteer : volunteerIds) {
			if (!already.contains(volunteer)) {
				this.policies.insure(policy.id(), volunteer, actor.accountId(), now);
				added++;
			}
		}
		OrganizationView organization = organization(policy.organizationId());
		this.auditLog.record(AuditRecord.of("insurance.insure", actor.accountId())
			.on("insurance-policy", policy.id())
			.inRegion(organization.regionCode())
			.inOrganization(organization.id())
			.withDetail("added " + added));
		return added;
	}

	private Optional<VolunteerView> find(String given) {
		if (given.isBlank() || given.length() > 40) {
			return Optional.empty();
		}
		Optional<VolunteerView> byNumber = this.volunteers.findByNumber(given);
		return byNumber.isPresent() ? byNumber : this.volunteers.findExact("", PhoneNumbers.normalize(given));
	}

	/** A row's phone masked; a volunteer number as it is. */
	private static String masked(String given) {
		String phone = PhoneNumbers.normalize(given);
		return phone.matches("1[0-9]{10}") ? PhoneNumbers.mask(phone)
				: (given.length() > 40) ? given.substring(0, 40) + "…" : given;
	}

	private PolicyView require(UUID policyId) {
		return this.policies.find(policyId)
			.orElseThrow(() -> ProblemException.notFound("POLICY_NOT_FOUND", "insurance.notFound"));
	}

	/** The policy, when the actor administers its organization and that is active. */
	private PolicyView requireManaged(Actor actor, UUID policyId) {
		PolicyView policy = require(policyId);
		requireAdmin(actor, policy.organizationId());
		this.organizations.requireActive(actor, policy.organizationId());
		return policy;
	}

	private void requireAdmin(Actor actor, UUID organizationId) {
		if (!this.organizations.isAdmin(actor, organizationId)) {
			throw ProblemException.forbidden("problem.forbidden.object");
		}
	}

	private void requireReader(Actor actor, UUID organizationId) {
		OrganizationView organization = organization(organizationId);
		if (!this.accessPolicy.allows(actor, Access.READ, this.organizations.scopeOf(organization))) {
			throw ProblemException.forbidden("problem.forbidden.object");
		}
	}

	private OrganizationView organization(UUID organizationId) {
		return this.organizations.find(organizationId)
			.orElseThrow(() -> ProblemException.notFound("ORGANIZATION_NOT_FOUND", "organization.notFound"));
	}

	private static List<FieldProblem> problemsOf(NewPolicy policy) {
		List<FieldProblem> problems = new ArrayList<>();
		if (policy.organizationId() == null) {
			problems.add(new FieldProblem("organizationId", "validation.required"));
		}
		text(problems, "insurer", policy.insurer(), 100);
		if (policy.policyNumber() == null || !POLICY_NUMBER.matcher(policy.policyNumber().strip()).matches()) {
			problems.add(new FieldProblem("policyNumber", "validation.insurance.number"));
		}
		text(problems, "coverage", policy.coverage(), 500);
		if (policy.startsOn() == null) {
			problems.add(new FieldProblem("startsOn", "validation.required"));
		}
		if (policy.endsOn() == null) {
			problems.add(new FieldProblem("endsOn", "validation.required"));
		}
		else if (policy.startsOn() != null && (policy.endsOn().isBefore(policy.startsOn())
				|| policy.endsOn().isAfter(policy.startsOn().plus(MAX_PERIOD)))) {
			problems.add(new FieldProblem("endsOn", "validation.insurance.period"));
		}
		return problems;
	}

	private static void text(List<FieldProblem> problems, String field, String value, int max) {
		if (value == null || value.isBlank() || value.strip().length() > max) {
			problems.add(new FieldProblem(field, "validation.textRequired", max));
		}
	}

	/** A day as the reader's language writes it: "12月5日" or "Dec 5, 2026". */
	static DefaultMessageSourceResolvable day(LocalDate day) {
		return new DefaultMessageSourceResolvable(new String[] { "insurance.day" },
				new Object[] { String.valueOf(day.getYear()), String.valueOf(day.getMonthValue()),
						String.valueOf(day.getDayOfMonth()),
						day.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH) });
	}

	private static OffsetDateTime now() {
		return OffsetDateTime.now(ZoneOffset.UTC);
	}

	/**
	 * How many volunteers a request named (each once), and how many of them were added.
	 */
	public record Insured(int insured, int added) {

	}

}
