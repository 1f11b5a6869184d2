package org.zhiyuan.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import org.zhiyuan.stats.Figures.Cell;
import org.zhiyuan.stats.Populations.Population;
import org.zhiyuan.stats.Reconciliation.Difference;
import org.zhiyuan.stats.StatsRepository.Totals;

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

	private final StatsRepository repository;

	private final StatisticsFold fold;

	private final StatsRecount recount;

	private final ProviderRecount providers;

	private final Regions regions;

	private final Populations populations;

	private final Breakdowns breakdowns;

	private final AccessPolicy accessPolicy;

	private final AuditLog auditLog;

	Statistics(StatsRepository repository, StatisticsFold fold, StatsRecount recount, ProviderRecount providers,
			Regions regions, Populations populations, Breakdowns breakdowns, AccessPolicy accessPolicy,
			AuditLog auditLog) {
		this.repository = repository;
		this.fold = fold;
		this.recount = recount;
		this.providers = providers;
		this.regions = regions;
		this.populations = populations;
		this.breakdowns = breakdowns;
		this.accessPolicy = accessPolicy;
		this.auditLog = auditLog;
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
		Totals totals = this.repository.totals(node, Breakdowns.monthOf(period.from()), Breakdowns.monthOf(period.to()),
				period.activeKey());
		long active = (totals.active() != null) ? totals.active()
				: Breakdowns.count(this.breakdowns.active(node, Dim.TOTAL, period), Dim.ALL);
		Optional<Population> residents = this.populations.of(node);
		Long population = residents.map(Population::residents).orElse(null);
		return new Overview(node, this.regions.fullName(node, LocaleContextHolder.getLocale()), period.name(),
				totals.registered(), active, totals.organizations(), totals.activities(),
				Breakdowns.scaled(totals.hours()), population, share(totals.registered(), population),
				Overview.GOAL_SHARE, residents.map(Population::summed).orElse(false), !totals.built());
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
		return new Breakdown(node, by, period.name(), this.breakdowns.of(by, node, period, locale));
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

	/** Registered volunteers per resident, four places; none without a population. */
	static BigDecimal share(long registered, Long population) {
		if (population == null || population <= 0) {
			return null;
		}
		return BigDecimal.valueOf(registered).divide(BigDecimal.valueOf(population), SHARE_SCALE, RoundingMode.HALF_UP);
	}

}
