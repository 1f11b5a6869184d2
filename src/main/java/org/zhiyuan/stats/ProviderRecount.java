package org.zhiyuan.stats;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.zhiyuan.region.Regions;
import org.zhiyuan.stats.Reconciliation.Difference;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Recounts the service and activities of a region's organizations and of their projects
 * from the facts, and compares them with what the rollups hold for them
 * ({@code PROVIDERS} differences): counted records by the month they started in, their
 * year and all time, by the organization and project of their activity; published
 * activities that were not cancelled, likewise by month of start.
 */
@Component
class ProviderRecount {

	static final String CHECK = "PROVIDERS";

	private static final String IN_SCOPE = " JOIN organization o ON o.id = a.organization_id WHERE o.region_code LIKE"
			+ " :scope";

	private final JdbcClient jdbc;

	ProviderRecount(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Adds a difference for every figure of the region's organizations and projects whose
	 * recount differs from the rollups, and tells how many figures it compared.
	 */
	int compare(String regionCode, List<Difference> differences) {
		String scope = Regions.prefixOf(regionCode) + "%";
		Map<Key, Values> rolledUp = rolledUp(scope);
		Map<Key, Values> recounted = recount(scope);
		Map<Key, Values> all = new TreeMap<>(rolledUp);
		recounted.keySet().forEach((key) -> all.putIfAbsent(key, Values.ZERO));
		int checked = 0;
		for (Key key : all.keySet()) {
			Values have = rolledUp.getOrDefault(key, Values.ZERO);
			Values want = recounted.getOrDefault(key, Values.ZERO);
			checked += 3;
			difference(key, "HOURS", want.hours(), have.hours(), differences);
			difference(key, "RECORDS", BigDecimal.valueOf(want.records()), BigDecimal.valueOf(have.records()),
					differences);
			difference(key, "ACTIVITIES", BigDecimal.valueOf(want.activities()), BigDecimal.valueOf(have.activities()),
					differences);
		}
		return checked;
	}

	private static void difference(Key key, String figure, BigDecimal want, BigDecimal have,
			List<Difference> differences) {
		if (want.compareTo(have) != 0) {
			differences.add(new Difference(CHECK, figure, key.kind().name(), key.providerId().toString(), key.period(),
					want.toPlainString(), have.toPlainString()));
		}
	}

	/** The rollups' rows of the organizations of the region and of their projects. */
	private Map<Key, Values> rolledUp(String scope) {
		Map<Key, Values> values = new TreeMap<>();
		this.jdbc
			.sql("SELECT s.kind, s.provider_id, s.period, s.hours, s.records, s.activities FROM stat_provider s JOIN"
					+ " organization o ON o.id = s.provider_id WHERE s.kind = 'ORGANIZATION' AND o.region_code LIKE"
					+ " :scope UNION ALL SELECT s.kind, s.provider_id, s.period, s.hours, s.records, s.activities FROM"
					+ " stat_provider s JOIN project p ON p.id = s.provider_id JOIN organization o ON o.id ="
					+ " p.organization_id WHERE s.kind = 'PROJECT' AND o.region_code LIKE :scope")
			.param("scope", scope)
			.query((ResultSet rs) -> {
				Values found = new Values(rs.getBigDecimal(4), rs.getLong(5), rs.getLong(6));
				if (!found.isZero()) {
					values.put(new Key(Provider.valueOf(rs.getString(1)), rs.getObject(2, UUID.class), rs.getString(3)),
							found);
				}
			});
		return values;
	}

	private Map<Key, Values> recount(String scope) {
		Map<Key, Values> values = new TreeMap<>();
		this.jdbc
			.sql("SELECT a.organization_id, a.project_id, a.starts_at FROM activity a" + IN_SCOPE
					+ " AND a.status IN (:published) AND a.cancel_reason IS NULL")
			.param("scope", scope)
			.param("published", StatsRebuild.PUBLISHED)
			.query((ResultSet rs) -> {
				String month = StatsOutbox.month(rs.getObject(3, OffsetDateTime.class));
				Values one = new Values(BigDecimal.ZERO, 0, 1);
				add(values, Provider.ORGANIZATION, rs.getObject(1, UUID.class), month, one);
				add(values, Provider.PROJECT, rs.getObject(2, UUID.class), month, one);
			});
		Optional<YearMonth[]> span = this.jdbc
			.sql("SELECT MIN(r.started_at), MAX(r.started_at) FROM service_record r JOIN activity a ON a.id ="
					+ " r.activity_id" + IN_SCOPE + " AND r.review IN (:counted)")
			.param("scope", scope)
			.param("counted", StatsRebuild.COUNTED_REVIEWS)
			.query((rs,
					n) -> (rs.getObject(1) != null) ? new YearMonth[] {
							YearMonth.parse(StatsOutbox.month(rs.getObject(1, OffsetDateTime.class))),
							YearMonth.parse(StatsOutbox.month(rs.getObject(2, OffsetDateTime.class))) } : null)
			.optional();
		if (span.isEmpty()) {
			return values;
		}
		for (YearMonth month = span.get()[0]; !month.isAfter(span.get()[1]); month = month.plusMonths(1)) {
			String period = month.toString();
			this.jdbc
				.sql("SELECT a.organization_id, a.project_id, SUM(r.effective_hours), COUNT(*) FROM service_record r"
						+ " JOIN activity a ON a.id = r.activity_id" + IN_SCOPE + " AND r.review IN (:counted) AND"
						+ " r.started_at >= :from AND r.started_at < :until GROUP BY a.organization_id, a.project_id")
				.param("scope", scope)
				.param("counted", StatsRebuild.COUNTED_REVIEWS)
				.param("from", month.atDay(1).atStartOfDay(ReportPeriod.CHINA).toOffsetDateTime())
				.param("until", month.plusMonths(1).atDay(1).atStartOfDay(ReportPeriod.CHINA).toOffsetDateTime())
				.query((ResultSet rs) -> {
					Values service = new Values(rs.getBigDecimal(3), rs.getLong(4), 0);
					add(values, Provider.ORGANIZATION, rs.getObject(1, UUID.class), period, service);
					add(values, Provider.PROJECT, rs.getObject(2, UUID.class), period, service);
				});
		}
		values.values().removeIf(Values::isZero);
		return values;
	}

	/** Adds to the provider's month, year and all time. */
	private static void add(Map<Key, Values> values, Provider kind, UUID providerId, String month, Values more) {
		if (providerId == null) {
			return;
		}
		for (String period : List.of(month, month.substring(0, 4), ReportPeriod.ALL)) {
			values.merge(new Key(kind, providerId, period), more, Values::plus);
		}
	}

	/** One provider's row. */
	private record Key(Provider kind, UUID providerId, String period) implements Comparable<Key> {

		@Override
		public int compareTo(Key other) {
			int byKind = this.kind.compareTo(other.kind);
			if (byKind != 0) {
				return byKind;
			}
			int byId = this.providerId.compareTo(other.providerId);
			return (byId != 0) ? byId : this.period.compareTo(other.period);
		}

	}

	/** A provider's hours, records and activities in a period. */
	private record Values(BigDecimal hours, long records, long activities) {

		static final Values ZERO = new Values(BigDecimal.ZERO, 0, 0);

		Values {
			hours = (hours != null) ? hours : BigDecimal.ZERO;
		}

		Values plus(Values other) {
			return new Values(this.hours.add(other.hours), this.records + other.records,
					this.activities + other.activities);
		}

		boolean isZero() {
			return this.hours.signum() == 0 && this.records == 0 && this.activities == 0;
		}

	}

}
