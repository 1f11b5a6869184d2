package org.zhiyuan.regionsettings;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.zhiyuan.access.AccessPolicy;
import org.zhiyuan.access.Actor;
import org.zhiyuan.audit.AuditLog;
import org.zhiyuan.audit.AuditRecord;
import org.zhiyuan.region.Region;
import org.zhiyuan.region.Regions;
import org.zhiyuan.regionsettings.RegionSettingsRepository.Row;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.shared.cache.SharedCache;
import org.zhiyuan.shared.cache.SharedCaches;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Regions' settings. Each setting applies in the region that sets it and below, unless a
 * nearer region sets its own; where no region up to the nation sets it, the platform's
 * default applies ({@link ReviewRequirement#DEFAULT}, {@link #DEFAULT_STAR_THRESHOLDS},
 * no population). The operators of a region, and of the regions above it, read and set
 * the region's own settings.
 */
@Service
public class RegionSettings {

	/** The platform's default hours for stars 1 to 5 (C8). */
	public static final List<BigDecimal> DEFAULT_STAR_THRESHOLDS = List.of(hours("100"), hours("300"), hours("600"),
			hours("1000"), hours("1500"));

	/** The largest population a region may state: more than the country's. */
	static final long MAX_POPULATION = 2_000_000_000L;

	private static final BigDecimal MAX_HOURS = new BigDecimal("999999.99");

	/**
	 * The platform's default cap of a volunteer's time account (Nanjing's 1,500 hours).
	 */
	public static final BigDecimal DEFAULT_TIME_BANK_CAP = hours("1500");

	private static final BigDecimal MAX_TIME_BANK_CAP = hours("100000");

	private final RegionSettingsRepository settings;

	private final AccessPolicy accessPolicy;

	private final Regions regions;

	private final AuditLog auditLog;

	private final SharedCache<String, List<BigDecimal>> starThresholds;

	RegionSettings(RegionSettingsRepository settings, AccessPolicy accessPolicy, Regions regions, AuditLog auditLog,
			SharedCaches caches) {
		this.settings = settings;
		this.starThresholds = caches.cache(RegionSettingsRepository.STAR_THRESHOLDS, 10_000);
		this.accessPolicy = accessPolicy;
		this.regions = regions;
		this.auditLog = auditLog;
	}

	/**
	 * The region's settings for its operators.
	 * @throws ProblemException 404 {@code REGION_NOT_FOUND}; 403 for anyone else
	 */
	public RegionSettingsView view(Actor actor, String regionCode) {
		requireRegion(regionCode);
		this.accessPolicy.requireOperatorOf(actor, regionCode);
		return effective(regionCode);
	}

	/**
	 * Replaces the region's own settings: a setting given {@code null} is no longer the
	 * region's own and is inherited again. Star thresholds are five hours, positive,
	 * strictly increasing, with at most two decimals; they apply from each volunteer's
	 * next record or reviewed record on.
	 * @throws ProblemException 404 {@code REGION_NOT_FOUND}; 403 for anyone but its
	 * operators; 400 naming every bad field
	 */
	@Transactional
	public RegionSettingsView update(Actor actor, String regionCode, OwnSettings own) {
		requireRegion(regionCode);
		this.accessPolicy.requireOperatorOf(actor, regionCode);
		List<FieldProblem> problems = new ArrayList<>();
		List<BigDecimal> thresholds = (own.starThresholds() != null)
				? checkedThresholds(own.starThresholds(), "starThresholds", problems) : List.of();
		if (own.population() != null && (own.population() < 0 || own.population() > MAX_POPULATION)) {
			problems.add(new FieldProblem("population", "validation.regionSettings.population", MAX_POPULATION));
		}
		BigDecimal cap = own.timeBankCap();
		if (cap != null && (cap.signum() <= 0 || cap.stripTrailingZeros().scale() > 2
				|| cap.compareTo(MAX_TIME_BANK_CAP) > 0)) {
			problems.add(new FieldProblem("timeBankCap", "validation.regionSettings.timeBankCap",
					MAX_TIME_BANK_CAP.stripTrailingZeros().toPlainString()));
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		this.settings.save(regionCode, own.activityReview(), own.population(),
				(cap != null) ? cap.setScale(2, java.math.RoundingMode.UNNECESSARY) : null, actor.accountId(), now());
		this.settings.replaceThresholds(regionCode, thresholds);
		this.auditLog.record(AuditRecord.of("region.settings", actor.accountId())
			.on("region", regionCode)
			.inRegion(regionCode)
			.withDetail("activityReview=" + own.activityReview() + " starThresholds="
					+ (thresholds.isEmpty() ? "null"
							: String.join(",", thresholds.stream().map(BigDecimal::toPlainString).toList()))
					+ " population=" + own.population() + " timeBankCap=" + own.timeBankCap()));
		return effective(regionCode);
	}

	/**
	 * Sets only the region's own hours for stars 1 to 5, keeping its other settings.
	 * @param field the name of the field that holds them in the caller's request
	 * @throws ProblemException as {@link #update}
	 */
	@Transactional
	public List<BigDecimal> setStarThresholds(Actor actor, String regionCode, List<BigDecimal> hours, String field) {
		requireRegion(regionCode);
		this.accessPolicy.requireOperatorOf(actor, regionCode);
		List<FieldProblem> problems = new ArrayList<>();
		List<BigDecimal> scaled = checkedThresholds((hours != null) ? hours : List.of(), field, problems);
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		this.settings.replaceThresholds(regionCode, scaled);
		this.auditLog.record(AuditRecord.of("record.star-thresholds", actor.accountId())
			.on("region", regionCode)
			.inRegion(regionCode)
			.withDetail(String.join(",", scaled.stream().map(BigDecimal::toPlainString).toList())));
		return scaled;
	}

	/**
	 * The settings that apply in the region, each from the nearest region that sets it.
	 * @throws ProblemException 404 {@code REGION_NOT_FOUND}
	 */
	public RegionSettingsView effective(String regionCode) {
		requireRegion(regionCode);
		List<String> chain = chain(regionCode);
		Optional<Row> ownRow = this.settings.find(regionCode);
		List<BigDecimal> ownThresholds = this.settings.thresholdsOf(regionCode);
		OwnSettings own = new OwnSettings(ownRow.map(Row::activityReview).orElse(null),
				(ownThresholds.size() == 5) ? ownThresholds : null, ownRow.map(Row::population).orElse(null),
				ownRow.map(Row::timeBankCap).orElse(null));
		Found<ReviewRequirement> review = nearest(chain, (code) -> this.settings.find(code).map(Row::activityReview));
		Found<List<BigDecimal>> thresholds = nearest(chain,
				(code) -> Optional.of(this.settings.thresholdsOf(code)).filter((list) -> list.size() == 5));
		Found<Long> population = nearest(chain, (code) -> this.settings.find(code).map(Row::population));
		Found<BigDecimal> cap = nearest(chain, (code) -> this.settings.find(code).map(Row::timeBankCap));
		return new RegionSettingsView(regionCode, (review.value() != null) ? review.value() : ReviewRequirement.DEFAULT,
				(thresholds.value() != null) ? thresholds.value() : DEFAULT_STAR_THRESHOLDS, population.value(),
				(cap.value() != null) ? cap.value() : DEFAULT_TIME_BANK_CAP, own, review.from(), thresholds.from(),
				population.from(), cap.from());
	}

	/**
	 * The populations the regions state themselves, for ratios such as the share of
	 * residents registered: a region above's population is not theirs, so none is
	 * inherited. Regions that state none are left out.
	 */
	public Map<String, Long> ownPopulations(Collection<String> regionCodes) {
		return this.settings.populations(regionCodes);
	}

	/** Which activities of the region wait for review, as it or the region above sets. */
	public ReviewRequirement activityReview(String regionCode) {
		requireRegion(regionCode);
		List<String> chain = chain(regionCode);
		Map<String, Row> rows = this.settings.findAll(chain);
		ReviewRequirement found = nearest(chain, (code) -> Optional.ofNullable(rows.get(code)).map(Row::activityReview))
			.value();
		return (found != null) ? found : ReviewRequirement.DEFAULT;
	}

	/** The most hours a time account of a volunteer of the region holds. */
	public BigDecimal timeBankCap(String regionCode) {
		requireRegion(regionCode);
		List<String> chain = chain(regionCode);
		Map<String, Row> rows = this.settings.findAll(chain);
		BigDecimal found = nearest(chain, (code) -> Optional.ofNullable(rows.get(code)).map(Row::timeBankCap)).value();
		return (found != null) ? found : DEFAULT_TIME_BANK_CAP;
	}

	/** The hours for stars 1 to 5 that apply in the region. */
	public List<BigDecimal> starThresholds(String regionCode) {
		requireRegion(regionCode);
		return this.starThresholds.get(regionCode, this::readStarThresholds);
	}

	private List<BigDecimal> readStarThresholds(String regionCode) {
		List<String> chain = chain(regionCode);
		Map<String, List<BigDecimal>> all = this.settings.thresholdsOfAll(chain);
		List<BigDecimal> found = nearest(chain,
				(code) -> Optional.ofNullable(all.get(code)).filter((list) -> list.size() == 5))
			.value();
		return (found != null) ? List.copyOf(found) : DEFAULT_STAR_THRESHOLDS;
	}

	/** The region itself, then each region above it, up to the nation. */
	private List<String> chain(String regionCode) {
		List<Region> path = new ArrayList<>(this.regions.path(regionCode));
		Collections.reverse(path);
		List<String> codes = new ArrayList<>(path.stream().map(Region::code).toList());
		if (!codes.contains(Regions.NATIONAL)) {
			codes.add(Regions.NATIONAL);
		}
		return codes;
	}

	private static <T> Found<T> nearest(List<String> chain, Function<String, Optional<T>> lookup) {
		for (String code : chain) {
			Optional<T> value = lookup.apply(code);
			if (value.isPresent()) {
				return new Found<>(value.get(), code);
			}
		}
		return new Found<>(null, null);
	}

	private static List<BigDecimal> checkedThresholds(List<BigDecimal> values, String field,
			List<FieldProblem> problems) {
		boolean valid = values.size() == 5;
		for (int i = 0; valid && i < values.size(); i++) {
			BigDecimal value = values.get(i);
			valid = value != null && value.signum() > 0 && value.stripTrailingZeros().scale() <= 2
					&& value.compareTo(MAX_HOURS) <= 0 && (i == 0 || value.compareTo(values.get(i - 1)) > 0);
		}
		if (!valid) {
			problems.add(new FieldProblem(field, "validation.record.thresholds"));
			return List.of();
		}
		return values.stream().map((v) -> v.setScale(2, RoundingMode.HALF_UP)).toList();
	}

	private void requireRegion(String regionCode) {
		if (regionCode == null || !this.regions.exists(regionCode)) {
			throw ProblemException.notFound("REGION_NOT_FOUND", "region.notFound", regionCode);
		}
	}

	private static OffsetDateTime now() {
		return OffsetDateTime.now(ZoneOffset.UTC);
	}

	private static BigDecimal hours(String value) {
		return new BigDecimal(value).setScale(2);
	}

	/**
	 * A setting's value and the region that sets it; both {@code null} when none does.
	 */
	private record Found<T>(T value, String from) {

	}

}
