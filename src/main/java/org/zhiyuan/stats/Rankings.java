package org.zhiyuan.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.zhiyuan.access.AccessPolicy;
import org.zhiyuan.access.Actor;
import org.zhiyuan.activity.Activities;
import org.zhiyuan.activity.ProjectView;
import org.zhiyuan.organization.OrganizationView;
import org.zhiyuan.organization.Organizations;
import org.zhiyuan.region.Region;
import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.stats.Ranking.Item;
import org.zhiyuan.stats.RankingsRepository.Served;

import org.springframework.stereotype.Service;

/**
 * Rankings for a region's overseers (C16): its sub-regions by registered share or by
 * hours per volunteer, its organizations by hours, its brand projects by hours. Like
 * every figure of the statistics they come from the rollups, which the fold keeps within
 * seconds of the facts, never from the records: a national ranking of organizations reads
 * the first rows of an index.
 * <p>
 * Operators and auditors of a region or of a region above it read its rankings; they hold
 * no one's personal data, so reads are not audited.
 */
@Service
public class Rankings {

	/** The most items a ranking gives. */
	public static final int MAX_LIMIT = 100;

	/** The items a ranking gives unless asked for another number. */
	public static final int DEFAULT_LIMIT = 10;

	private static final int HOURS_SCALE = 2;

	private final StatsRepository repository;

	private final RankingsRepository rankings;

	private final Statistics statistics;

	private final Regions regions;

	private final Populations populations;

	private final Organizations organizations;

	private final Activities activities;

	private final AccessPolicy accessPolicy;

	Rankings(StatsRepository repository, RankingsRepository rankings, Statistics statistics, Regions regions,
			Populations populations, Organizations organizations, Activities activities, AccessPolicy accessPolicy) {
		this.repository = repository;
		this.rankings = rankings;
		this.statistics = statistics;
		this.regions = regions;
		this.populations = populations;
		this.organizations = organizations;
		this.activities = activities;
		this.accessPolicy = accessPolicy;
	}

	/**
	 * The region's ranking by {@code by} in the period (all time when {@code null}), the
	 * first {@code limit} items, labels in the locale's language.
	 * @throws ProblemException 400 naming every bad parameter ({@code regionCode},
	 * {@code by}, {@code limit} outside 1 to {@value #MAX_LIMIT}); 403 for anyone but the
	 * operators and auditors of the region or a region above it
	 */
	public Ranking rank(Actor actor, String regionCode, RankingKind by, ReportPeriod period, int limit, Locale locale) {
		List<FieldProblem> problems = new ArrayList<>(this.statistics.regionProblems(regionCode, "regionCode"));
		if (by == null) {
			problems.add(new FieldProblem("by", "validation.required"));
		}
		if (limit < 1 || limit > MAX_LIMIT) {
			problems.add(new FieldProblem("limit", "validation.stats.limit", MAX_LIMIT));
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		String node = regionCode.strip();
		if (!this.accessPolicy.oversees(actor, node)) {
			throw ProblemException.forbidden("problem.forbidden.statistics");
		}
		ReportPeriod within = (period != null) ? period : ReportPeriod.allTime();
		List<Item> items = switch (by) {
			case REGISTERED_SHARE -> registeredShare(node, locale);
			case HOURS_PER_VOLUNTEER -> hoursPerVolunteer(node, within, locale);
			case ORGANIZATION_HOURS -> organizationHours(node, within, limit);
			case BRAND_PROJECTS -> brandProjects(node, within);
		};
		return new Ranking(node, by, within.name(), Ranking.ranked(items, limit));
	}

	private List<Item> registeredShare(String node, Locale locale) {
		List<String> children = children(node);
		Map<String, BigDecimal> volunteers = this.repository.byNode(Figure.REGISTERED, children, null, null);
		Map<String, Long> residents = this.populations.of(children);
		List<Item> items = new ArrayList<>();
		for (String child : children) {
			long registered = count(volunteers.get(child));
			Long population = residents.get(child);
			items.add(new Item(null, child, this.regions.displayName(child, locale),
					Statistics.share(registered, population), registered, null, population, null, null, null));
		}
		return items;
	}

	private List<Item> hoursPerVolunteer(String node, ReportPeriod period, Locale locale) {
		List<String> children = children(node);
		Map<String, BigDecimal> volunteers = this.repository.byNode(Figure.REGISTERED, children, null, null);
		Map<String, BigDecimal> hours = this.repository.byNode(Figure.HOURS, children,
				(period.from() != null) ? period.from().toString() : null,
				(period.to() != null) ? period.to().toString() : null);
		List<Item> items = new ArrayList<>();
		for (String child : children) {
			long registered = count(volunteers.get(child));
			BigDecimal served = scaled(hours.get(child));
			items.add(new Item(null, child, this.regions.displayName(child, locale), perVolunteer(served, registered),
					registered, served, null, null, null, null));
		}
		return items;
	}

	private List<Item> organizationHours(String node, ReportPeriod period, int limit) {
		List<Item> items = new ArrayList<>();
		for (Served served : this.rankings.topOrganizations(Regions.prefixOf(node), period, limit)) {
			String name = this.organizations.find(served.providerId())
				.map(OrganizationView::name)
				.orElse(served.providerId().toString());
			BigDecimal hours = scaled(served.hours());
			items.add(new Item(null, served.providerId().toString(), name, hours, null, hours, null, served.records(),
					served.activities(), null));
		}
		return items;
	}

	/**
	 * Every brand project of the region's active organizations, with hours or without:
	 * brand projects are the few an operator has distinguished, so all of them are read
	 * and ranked here.
	 */
	private List<Item> brandProjects(String node, ReportPeriod period) {
		List<ProjectView> projects = new ArrayList<>();
		PageResult<ProjectView> page;
		int number = 0;
		do {
			page = this.activities.projects(node, null, null, true, new PageQuery(number++, PageQuery.MAX_SIZE));
			projects.addAll(page.items());
		}
		while (number < page.totalPages());
		Set<UUID> counted = this.rankings
			.counted(projects.stream().map(ProjectView::organizationId).collect(Collectors.toSet()));
		projects.removeIf((project) -> !counted.contains(project.organizationId()));
		Map<UUID, Served> served = this.rankings.of(Provider.PROJECT, projects.stream().map(ProjectView::id).toList(),
				period);
		List<Item> items = new ArrayList<>();
		for (ProjectView project : projects) {
			Served found = served.get(project.id());
			BigDecimal hours = scaled((found != null) ? found.hours() : null);
			items.add(new Item(null, project.id().toString(), project.name(), hours, null, hours, null,
					(found != null) ? found.records() : 0L, (found != null) ? found.activities() : 0L,
					project.organizationName()));
		}
		return items;
	}

	private List<String> children(String node) {
		return this.regions.children(node).stream().map(Region::code).sorted().toList();
	}

	/** Hours per registered volunteer, two places; none without volunteers. */
	static BigDecimal perVolunteer(BigDecimal hours, long registered) {
		if (registered <= 0) {
			return null;
		}
		return hours.divide(BigDecimal.valueOf(registered), HOURS_SCALE, RoundingMode.HALF_UP);
	}

	private static long count(BigDecimal value) {
		return (value != null) ? value.longValue() : 0;
	}

	private static BigDecimal scaled(BigDecimal hours) {
		return ((hours != null) ? hours : BigDecimal.ZERO).setScale(HOURS_SCALE, RoundingMode.HALF_UP);
	}

}
