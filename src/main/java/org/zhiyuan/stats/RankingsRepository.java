package org.zhiyuan.stats;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the organizations' and projects' rollups ({@code stat_provider}) for the
 * rankings: a period of the rollups is one row per provider, read in the order of the
 * index; any other span of months is summed from the months' rows.
 */
@Repository
class RankingsRepository {

	private final JdbcClient jdbc;

	RankingsRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The active organizations of the regions under the prefix with the most hours in the
	 * period, the most first, at most {@code limit}; none without hours.
	 */
	List<Served> topOrganizations(String regionPrefix, ReportPeriod period, int limit) {
		String key = period.rollupKey();
		String sql = (key != null)
				? "SELECT s.provider_id, s.hours, s.records, s.activities FROM stat_provider s JOIN stat_organization o"
						+ " ON o.organization_id = s.provider_id WHERE s.kind = 'ORGANIZATION' AND s.period = :key AND"
						+ " o.region_code LIKE :prefix AND s.hours > 0 ORDER BY s.hours DESC, s.provider_id LIMIT :limit"
				: "SELECT s.provider_id, SUM(s.hours), SUM(s.records), SUM(s.activities) FROM stat_provider s JOIN"
						+ " stat_organization o ON o.organization_id = s.provider_id WHERE s.kind = 'ORGANIZATION' AND"
						+ " CHAR_LENGTH(s.period) = 7 AND s.period >= :from AND s.period <= :to AND o.region_code LIKE"
						+ " :prefix GROUP BY s.provider_id HAVING SUM(s.hours) > 0 ORDER BY SUM(s.hours) DESC,"
						+ " s.provider_id LIMIT :limit";
		return this.jdbc.sql(sql)
			.param("key", key)
			.param("from", from(period))
			.param("to", to(period))
			.param("prefix", regionPrefix + "%")
			.param("limit", limit)
			.query(RankingsRepository::served)
			.list();
	}

	/** What the providers served in the period, by id; none for those without rows. */
	Map<UUID, Served> of(Provider kind, Collection<UUID> ids, ReportPeriod period) {
		Map<UUID, Served> served = new HashMap<>();
		if (ids.isEmpty()) {
			return served;
		}
		String key = period.rollupKey();
		String where = (key != null) ? " AND period = :key"
				: " AND CHAR_LENGTH(period) = 7 AND period >= :from AND period <= :to";
		this.jdbc
			.sql("SELECT provider_id, SUM(hours), SUM(records), SUM(activities) FROM stat_provider WHERE kind = :kind"
					+ " AND provider_id IN (:ids)" + where + " GROUP BY provider_id")
			.param("kind", kind.name())
			.param("ids", List.copyOf(ids))
			.param("key", key)
			.param("from", from(period))
			.param("to", to(period))
			.query((ResultSet rs) -> {
				Served one = served(rs, 0);
				served.put(one.providerId(), one);
			});
		return served;
	}

	/**
	 * Those of the organizations that count today (active; a suspended or dissolved one
	 * is left out of the figures and the rankings).
	 */
	Set<UUID> counted(Collection<UUID> organizationIds) {
		if (organizationIds.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(
				this.jdbc.sql("SELECT organization_id FROM stat_organization WHERE organization_id IN (:ids)")
					.param("ids", List.copyOf(organizationIds))
					.query(UUID.class)
					.list());
	}

	private static String from(ReportPeriod period) {
		return (period.from() != null) ? period.from().toString() : StatsRepository.FIRST;
	}

	private static String to(ReportPeriod period) {
		return (period.to() != null) ? period.to().toString() : StatsRepository.LAST;
	}

	private static Served served(ResultSet rs, int n) throws SQLException {
		return new Served(rs.getObject(1, UUID.class), rs.getBigDecimal(2), rs.getLong(3), rs.getLong(4));
	}

	/** An organization's or project's counted hours and records, and its activities. */
	record Served(UUID providerId, BigDecimal hours, long records, long activities) {

	}

}
