package org.zhiyuan.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.zhiyuan.access.AccessPolicy;
import org.zhiyuan.access.Actor;
import org.zhiyuan.audit.AuditLog;
import org.zhiyuan.audit.AuditRecord;
import org.zhiyuan.region.Region;
import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.shared.ServiceField;
import org.zhiyuan.shared.identity.Gender;
import org.zhiyuan.stats.Breakdown.Item;
import org.zhiyuan.stats.Figures.Cell;
import org.zhiyuan.stats.Populations.Population;
import org.zhiyuan.stats.Reconciliation.Difference;
import org.zhiyuan.stats.StatsRepository.Totals;
import org.zhiyuan.volunteer.VolunteerCategory;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

/**
 * A region's statistics for its overseers: the headline figures ({@link #overview}), the
 * figures split by one dimension ({@link #breakdown}), and a reconciliation with the
 * facts ({@link #reconcile}). Figures come from the rollups, never from the facts, so a
 * request costs the same for a street and for the nation; they lag the facts by the
 * fold's few seconds.
 * <p>
 * Operators and auditors of a region or of a region above it read its figures (an
 * operator of 110105 sees nothing of 310101); aggregate figures hold no one's personal
 * data, so reads are not audited. Only operators reconcile; each run is audited.
 */
@Service
public class Statistics {

	/** The most months a breakdown by month shows. */
	static final int MAX_MONTHS = 240;

	private static final int SHARE_SCALE = 4;

	private static final DateTimeFormatter CHINESE_MONTH = DateTimeFormatter.ofPattern("yyyy年M月", Locale.CHINESE);

	private static final DateTimeFormatter ENGLISH_MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);

	private final StatsRepository repository;

	private final StatisticsFold fold;

	private final StatsRecount recount;

	private final ProviderRecount providers;

	private final Regions regions;

	private final Populations populations;

	private final AccessPolicy accessPolicy;

	private final AuditLog auditLog;

	private final MessageSource messages;

	Statistics(StatsRepository repository, StatisticsFold fold, StatsRecount recount, ProviderRecount providers,
			Regions regions, Populations populations, AccessPolicy accessPolicy, AuditLog auditLog,
			MessageSource messages) {
		this.repository = repository;
		this.fold = fold;
		this.recount = recount;
		this.providers = providers;
		this.regions = regions;
		this.populations = populations;
		this.accessPolicy = accessPolicy;
		this.auditLog = auditLog;
		this.messages = messages;
	}

	/**
	 * What is wrong with a region code given for statistics: missing, or no region
	 * ({@code field} names it).
	 */
	public List<FieldProblem> regionProblems(String regionCode, String field) {
		if (regionCode == null || regionCode.isBlank()) {
			return List.of(new FieldProblem(field, "validation.required"));
		}
		if (!this.regions.exists(regionCode.strip())) {
			return List.of(new FieldProblem(field, "validation.regionCode"));
		}
		return List.of();
	}

	/**
	 * The region's headline figures for the period.
	 * @throws ProblemException 400 for a region that does not exist; 403 for anyone but
	 * the operators and auditors of the region or a region above it
	 */
	public Overview overview(Actor actor, String regionCode, ReportPeriod period) {
		return figures(requireReader(actor, regionCode), period);
	}

	/**
	 * The headline figures anyone may see, for a region's public page and large screen:
	 * counts and hours only, no one's personal data.
	 * @throws ProblemException 400 for a region that does not exist
	 */
	public Overview publicOverview(String regionCode, ReportPeriod period) {
		List<FieldProblem> problems = regionProblems(regionCode, "regionCode");
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		return figures(regionCode.strip(), period);
	}

	private Overview figures(String node, ReportPeriod period) {
		Totals totals = this.repository.totals(node, monthOf(period.from()), monthOf(period.to()), period.activeKey());
		long active = (totals.active() != null) ? totals.active() : count(active(node, Dim.TOTAL, period), Dim.ALL);
		Optional<Population> residents = this.populations.of(node);
		Long population = residents.map(Population::residents).orElse(null);
		return new Overview(node, this.regions.fullName(node, LocaleContextHolder.getLocale()), period.name(),
				totals.registered(), active, totals.organizations(), totals.activities(), scaled(totals.hours()),
				population, share(totals.registered(), population), Overview.GOAL_SHARE,
				residents.map(Population::summed).orElse(false), !totals.built());
	}

	/** The breakdown, labels in the language of the current request. */
	public Breakdown breakdown(Actor actor, String regionCode, Dimension by, YearMonth from, YearMonth to) {
		return breakdown(actor, regionCode, by, from, to, LocaleContextHolder.getLocale());
	}

	/**
	 * The region's figures split by {@code by} over the months from {@code from} to
	 * {@code to} (either open), labels in the locale's language.
	 * @throws ProblemException 400 naming every bad parameter ({@code regionCode},
	 * {@code by}, {@code to} before {@code from}, more than {@value #MAX_MONTHS} months
	 * by month); 403 for anyone but the region's overseers
	 */
	public Breakdown breakdown(Actor actor, String regionCode, Dimension by, YearMonth from, YearMonth to,
			Locale locale) {
		List<FieldProblem> problems = new ArrayList<>(regionProblems(regionCode, "regionCode"));
		if (by == null) {
			problems.add(new FieldProblem("by", "validation.required"));
		}
		if (from != null && to != null && from.isAfter(to)) {
			problems.add(new FieldProblem("to", "validation.stats.range"));
		}
		else if (by == Dimension.MONTH && from != null && to != null
				&& ChronoUnit.MONTHS.between(from, to) >= MAX_MONTHS) {
			problems.add(new FieldProblem("to", "validation.stats.months", MAX_MONTHS));
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		String node = requireReader(actor, regionCode);
		ReportPeriod period = new ReportPeriod(from, to);
		List<Item> items = switch (by) {
			case REGION -> byRegion(node, period, locale);
			case FIELD -> byField(node, period, locale);
			case CATEGORY -> byCategory(node, period, locale);
			case GENDER -> byGender(node, period, locale);
			case AGE_BAND -> byAgeBand(node, period, locale);
			case MONTH -> byMonth(node, period, locale);
		};
		return new Breakdown(node, by, period.name(), items);
	}

	/**
	 * Recounts the region's figures from the facts and compares them with the rollups,
	 * after folding what waits in the outbox; a difference is checked once more after
	 * another fold, so that a fact written meanwhile is not reported. The run is audited.
	 * @throws ProblemException 400 for a region that does not exist; 403 for anyone but
	 * the operators of the region or a region above it; 409 {@code STATS_BUILDING} while
	 * the figures are being built from the facts
	 */
	public Reconciliation reconcile(Actor actor, String regionCode) {
		List<FieldProblem> problems = regionProblems(regionCode, "regionCode");
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		String node = regionCode.strip();
		this.accessPolicy.requireOperatorOf(actor, node);
		if (this.repository.builtAt().isEmpty()) {
			throw ProblemException.conflict("STATS_BUILDING", "stats.building.reconcile");
		}
		this.fold.foldAll();
		Reconciliation result = compare(node);
		if (!result.consistent()) {
			this.fold.foldAll();
			result = compare(node);
		}
		this.auditLog.record(AuditRecord.of("stats.reconcile", actor.accountId())
			.on("region", node)
			.inRegion(node)
			.withDetail("figures " + result.figuresChecked() + ", differences " + result.differences().size()));
		return result;
	}

	/**
	 * The region's rollups against a recount of the facts within it, its additive figures
	 * against the sum of its sub-regions' rollups and the facts held at the region
	 * itself, and its organizations' and projects' figures against a recount of theirs.
	 */
	private Reconciliation compare(String node) {
		Figures rolledUp = this.repository.figuresOf(node);
		List<Difference> differences = new ArrayList<>();
		int checked = differences(rolledUp, this.recount.within(node), "RECOUNT", false, differences);
		Figures parts = this.recount.at(node);
		for (Region child : this.regions.children(node)) {
			parts.addAll(this.repository.figuresOf(child.code()));
		}
		checked += differences(rolledUp, parts, "CHILDREN", true, differences);
		checked += this.providers.compare(node, differences);
		return new Reconciliation(node, OffsetDateTime.now(ZoneOffset.UTC), checked, differences);
	}

	private static int differences(Figures actual, Figures expected, String check, boolean additiveOnly,
			List<Difference> differences) {
		Set<Cell> cells = new TreeSet<>(actual.cells().keySet());
		cells.addAll(expected.cells().keySet());
		int checked = 0;
		for (Cell cell : cells) {
			if (additiveOnly && !cell.figure().additive()) {
				continue;
			}
			checked++;
			BigDecimal want = expected.get(cell);
			BigDecimal have = actual.get(cell);
			if (want.compareTo(have) != 0) {
				differences.add(new Difference(check, cell.figure().name(), cell.dim().name(), cell.key(),
						cell.period(), want.toPlainString(), have.toPlainString()));
			}
		}
		return checked;
	}

	private String requireReader(Actor actor, String regionCode) {
		List<FieldProblem> problems = regionProblems(regionCode, "regionCode");
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		String node = regionCode.strip();
		if (!this.accessPolicy.oversees(actor, node)) {
			throw ProblemException.forbidden("problem.forbidden.statistics");
		}
		return node;
	}

	// breakdowns

	private List<Item> byRegion(String node, ReportPeriod period, Locale locale) {
		List<String> children = new ArrayList<>(
				this.regions.children(node).stream().map(Region::code).sorted().toList());
		Map<String, BigDecimal> volunteers = this.repository.byNode(Figure.REGISTERED, children, null, null);
		Map<String, BigDecimal> organizations = this.repository.byNode(Figure.ORGANIZATIONS, children, null, null);
		Map<String, BigDecimal> activities = this.repository.byNode(Figure.ACTIVITIES, children, monthOf(period.from()),
				monthOf(period.to()));
		Map<String, BigDecimal> hours = this.repository.byNode(Figure.HOURS, children, monthOf(period.from()),
				monthOf(period.to()));
		String key = period.activeKey();
		Map<String, BigDecimal> active = new HashMap<>();
		if (key != null) {
			active.putAll(this.repository.byNode(Figure.ACTIVE, children, key, key));
		}
		else {
			Map<String, BigDecimal> byPrefix = this.repository.activeBetweenEach(Regions.prefixOf(node),
					children.stream().map(Regions::prefixOf).toList(), monthOf(period.from()), monthOf(period.to()));
			for (String child : children) {
				active.put(child, byPrefix.get(Regions.prefixOf(child)));
			}
		}
		Map<String, Long> residents = this.populations.of(children);
		List<Item> items = new ArrayList<>();
		for (String child : children) {
			long registered = count(volunteers, child);
			items.add(new Item(child, this.regions.displayName(child, locale), registered, count(active, child),
					hours(hours, child), count(activities, child), count(organizations, child), residents.get(child),
					share(registered, residents.get(child))));
		}
		directly(node, period, volunteers, organizations, activities, hours, locale).ifPresent(items::add);
		return items;
	}

	/**
	 * The facts held at the region itself rather than in one of its sub-regions (a
	 * volunteer who named a district, not a street), when there are any.
	 */
	private Optional<Item> directly(String node, ReportPeriod period, Map<String, BigDecimal> volunteers,
			Map<String, BigDecimal> organizations, Map<String, BigDecimal> activities, Map<String, BigDecimal> hours,
			Locale locale) {
		long registered = count(this.repository.byKey(Figure.REGISTERED, node, Dim.TOTAL, null, null), Dim.ALL)
				- sum(volunteers);
		long organized = count(this.repository.byKey(Figure.ORGANIZATIONS, node, Dim.TOTAL, null, null), Dim.ALL)
				- sum(organizations);
		long held = count(dated(Figure.ACTIVITIES, node, Dim.TOTAL, period), Dim.ALL) - sum(activities);
		BigDecimal served = hours(dated(Figure.HOURS, node, Dim.TOTAL, period), Dim.ALL)
			.subtract(hours.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
		long active = this.repository.activeAt(node, period.activeKey(), monthOf(period.from()), monthOf(period.to()));
		if (registered == 0 && organized == 0 && held == 0 && served.signum() == 0 && active == 0) {
			return Optional.empty();
		}
		String label = this.messages.getMessage("stats.directly",
				new Object[] { this.regions.displayName(node, locale) }, locale);
		return Optional.of(new Item(node, label, registered, active, served, held, organized, null, null));
	}

	private List<Item> byField(String node, ReportPeriod period, Locale locale) {
		Map<String, BigDecimal> active = active(node, Dim.FIELD, period);
		Map<String, BigDecimal> hours = dated(Figure.HOURS, node, Dim.FIELD, period);
		Map<String, BigDecimal> activities = dated(Figure.ACTIVITIES, node, Dim.FIELD, period);
		Map<String, BigDecimal> organizations = this.repository.byKey(Figure.ORGANIZATIONS, node, Dim.FIELD, null,
				null);
		List<Item> items = new ArrayList<>();
		for (ServiceField field : ServiceField.values()) {
			String key = field.name();
			items.add(new Item(key, label("serviceField." + key, locale), null, count(active, key), hours(hours, key),
					count(activities, key), count(organizations, key), null, null));
		}
		return items;
	}

	private List<Item> byCategory(String node, ReportPeriod period, Locale locale) {
		Map<String, BigDecimal> volunteers = this.repository.byKey(Figure.REGISTERED, node, Dim.CATEGORY, null, null);
		Map<String, BigDecimal> active = active(node, Dim.CATEGORY, period);
		Map<String, BigDecimal> hours = dated(Figure.HOURS, node, Dim.CATEGORY, period);
		List<Item> items = new ArrayList<>();
		for (VolunteerCategory category : VolunteerCategory.values()) {
			String key = category.name();
			items.add(new Item(key, label("category." + key, locale), count(volunteers, key), count(active, key),
					hours(hours, key), null, null, null, null));
		}
		return items;
	}

	private List<Item> byGender(String node, ReportPeriod period, Locale locale) {
		Map<String, BigDecimal> volunteers = this.repository.byKey(Figure.REGISTERED, node, Dim.GENDER, null, null);
		Map<String, BigDecimal> active = active(node, Dim.GENDER, period);
		Map<String, BigDecimal> hours = dated(Figure.HOURS, node, Dim.GENDER, period);
		List<String> keys = new ArrayList<>(List.of(Gender.MALE.name(), Gender.FEMALE.name()));
		if (count(volunteers, Dim.UNKNOWN) != 0 || count(active, Dim.UNKNOWN) != 0
				|| hours(hours, Dim.UNKNOWN).signum() != 0) {
			keys.add(Dim.UNKNOWN);
		}
		List<Item> items = new ArrayList<>();
		for (String key : keys) {
			items.add(new Item(key,
					Dim.UNKNOWN.equals(key) ? label("stats.unknown", locale) : label("gender." + key, locale),
					count(volunteers, key), count(active, key), hours(hours, key), null, null, null, null));
		}
		return items;
	}

	/**
	 * Birth years gathered into bands by the age reached in the period's last year, with
	 * the registered men and women of each band.
	 */
	private List<Item> byAgeBand(String node, ReportPeriod period, Locale locale) {
		int year = period.ageYear();
		Map<AgeBand, BigDecimal> volunteers = bands(
				this.repository.byKey(Figure.REGISTERED, node, Dim.BIRTH_YEAR, null, null), year);
		Map<String, Map<String, BigDecimal>> byGender = new HashMap<>();
		this.repository.byKey(Figure.REGISTERED, node, Dim.GENDER_YEAR, null, null).forEach((key, value) -> {
			int colon = key.indexOf(':');
			byGender.computeIfAbsent(key.substring(0, colon), (gender) -> new HashMap<>())
				.put(key.substring(colon + 1), value);
		});
		Map<AgeBand, BigDecimal> male = bands(byGender.getOrDefault(Gender.MALE.name(), Map.of()), year);
		Map<AgeBand, BigDecimal> female = bands(byGender.getOrDefault(Gender.FEMALE.name(), Map.of()), year);
		Map<AgeBand, BigDecimal> active = bands(active(node, Dim.BIRTH_YEAR, period), year);
		Map<AgeBand, BigDecimal> hours = bands(dated(Figure.HOURS, node, Dim.BIRTH_YEAR, period), year);
		List<Item> items = new ArrayList<>();
		for (AgeBand band : AgeBand.values()) {
			if (band == AgeBand.UNKNOWN && !volunteers.containsKey(band) && !active.containsKey(band)
					&& !hours.containsKey(band)) {
				continue;
			}
			items.add(new Item(band.name(), label("stats.ageBand." + band.name(), locale),
					volunteers.getOrDefault(band, BigDecimal.ZERO).longValue(),
					active.getOrDefault(band, BigDecimal.ZERO).longValue(),
					scaled(hours.getOrDefault(band, BigDecimal.ZERO)), null, null, null, null,
					male.getOrDefault(band, BigDecimal.ZERO).longValue(),
					female.getOrDefault(band, BigDecimal.ZERO).longValue()));
		}
		return items;
	}

	private List<Item> byMonth(String node, ReportPeriod period, Locale locale) {
		YearMonth first = period.from();
		YearMonth last = period.to();
		if (first == null || last == null) {
			Optional<String[]> span = this.repository.monthsWithData(node);
			if (span.isEmpty()) {
				return List.of();
			}
			first = (first != null) ? first : YearMonth.parse(span.get()[0]);
			last = (last != null) ? last : YearMonth.parse(span.get()[1]);
			if (first.isAfter(last)) {
				return List.of();
			}
			if (ChronoUnit.MONTHS.between(first, last) >= MAX_MONTHS) {
				if (period.from() == null) {
					first = last.minusMonths(MAX_MONTHS - 1);
				}
				else {
					last = first.plusMonths(MAX_MONTHS - 1);
				}
			}
		}
		Map<String, BigDecimal> active = this.repository.byMonth(Figure.ACTIVE, node, first.toString(),
				last.toString());
		Map<String, BigDecimal> hours = this.repository.byMonth(Figure.HOURS, node, first.toString(), last.toString());
		Map<String, BigDecimal> activities = this.repository.byMonth(Figure.ACTIVITIES, node, first.toString(),
				last.toString());
		DateTimeFormatter format = Regions.isEnglish(locale) ? ENGLISH_MONTH : CHINESE_MONTH;
		List<Item> items = new ArrayList<>();
		for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
			String key = month.toString();
			items.add(new Item(key, month.format(format), null, count(active, key), hours(hours, key),
					count(activities, key), null, null, null));
		}
		return items;
	}

	// figures

	/**
	 * Active volunteers of the period by key: from the rollups, or counted from months.
	 */
	private Map<String, BigDecimal> active(String node, Dim dim, ReportPeriod period) {
		String key = period.activeKey();
		if (key != null) {
			return this.repository.byKey(Figure.ACTIVE, node, dim, key, key);
		}
		return this.repository.activeBetween(Regions.prefixOf(node), dim, monthOf(period.from()), monthOf(period.to()));
	}

	private Map<String, BigDecimal> dated(Figure figure, String node, Dim dim, ReportPeriod period) {
		return this.repository.byKey(figure, node, dim, monthOf(period.from()), monthOf(period.to()));
	}

	private static Map<AgeBand, BigDecimal> bands(Map<String, BigDecimal> byBirthYear, int year) {
		Map<AgeBand, BigDecimal> bands = new EnumMap<>(AgeBand.class);
		byBirthYear.forEach((birthYear, value) -> {
			AgeBand band = Dim.UNKNOWN.equals(birthYear) ? AgeBand.UNKNOWN
					: AgeBand.of(Integer.parseInt(birthYear), year);
			if (value != null && value.signum() != 0) {
				bands.merge(band, value, BigDecimal::add);
			}
		});
		return bands;
	}

	private String label(String key, Locale locale) {
		return this.messages.getMessage(key, null, key, locale);
	}

	private static String monthOf(YearMonth month) {
		return (month != null) ? month.toString() : null;
	}

	private static long count(Map<String, BigDecimal> values, String key) {
		BigDecimal value = values.get(key);
		return (value != null) ? value.longValue() : 0;
	}

	private static long sum(Map<String, BigDecimal> values) {
		return values.values().stream().filter(java.util.Objects::nonNull).mapToLong(BigDecimal::longValue).sum();
	}

	private static BigDecimal hours(Map<String, BigDecimal> values, String key) {
		BigDecimal value = values.get(key);
		return scaled((value != null) ? value : BigDecimal.ZERO);
	}

	private static BigDecimal scaled(BigDecimal hours) {
		return hours.setScale(2, RoundingMode.HALF_UP);
	}

	/** Registered volunteers per resident, four places; none without a population. */
	static BigDecimal share(long registered, Long population) {
		if (population == null || population <= 0) {
			return null;
		}
		return BigDecimal.valueOf(registered).divide(BigDecimal.valueOf(population), SHARE_SCALE, RoundingMode.HALF_UP);
	}

}
