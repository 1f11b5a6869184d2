package org.zhiyuan.regionsettings;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.zhiyuan.shared.cache.SharedCaches;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class RegionSettingsRepository {

	/** The name under which instances keep star thresholds in memory. */
	static final String STAR_THRESHOLDS = "star-thresholds";

	private final JdbcClient jdbc;

	private final SharedCaches caches;

	RegionSettingsRepository(JdbcClient jdbc, SharedCaches caches) {
		this.jdbc = jdbc;
		this.caches = caches;
	}

	/**
	 * The region's own review requirement, population and time bank cap; empty when it
	 * sets none.
	 */
	Optional<Row> find(String regionCode) {
		return this.jdbc
			.sql("SELECT activity_review, population, time_bank_cap FROM region_setting WHERE region_code = :region")
			.param("region", regionCode)
			.query((rs, n) -> new Row((rs.getString(1) != null) ? ReviewRequirement.valueOf(rs.getString(1)) : null,
					(Long) rs.getObject(2, Long.class), rs.getBigDecimal(3)))
			.optional();
	}

	/** The populations the regions set themselves, for those that set one. */
	Map<String, Long> populations(Collection<String> regionCodes) {
		Map<String, Long> populations = new HashMap<>();
		if (regionCodes.isEmpty()) {
			return populations;
		}
		this.jdbc
			.sql("SELECT region_code, population FROM region_setting WHERE region_code IN (:regions) AND population IS"
					+ " NOT NULL")
			.param("regions", List.copyOf(regionCodes))
			.query((ResultSet rs) -> {
				populations.put(rs.getString(1), rs.getLong(2));
			});
		return populations;
	}

	void save(String regionCode, ReviewRequirement activityReview, Long population, BigDecimal timeBankCap, UUID by,
			OffsetDateTime now) {
		int updated = this.jdbc
			.sql("UPDATE region_setting SET activity_review = :review, population = :population, time_bank_cap ="
					+ " :cap, updated_by = :by, updated_at = :now WHERE region_code = :region")
			.param("region", regionCode)
			.param("review", (activityReview != null) ? activityReview.name() : null)
			.param("population", population)
			.param("cap", timeBankCap)
			.param("by", by)
			.param("now", now)
			.update();
		if (updated == 0) {
			this.jdbc
				.sql("INSERT INTO region_setting (region_code, activity_review, population, time_bank_cap, updated_by,"
						+ " updated_at) VALUES (:region, :review, :population, :cap, :by, :now)")
				.param("region", regionCode)
				.param("review", (activityReview != null) ? activityReview.name() : null)
				.param("population", population)
				.param("cap", timeBankCap)
				.param("by", by)
				.param("now", now)
				.update();
		}
	}

	/** The region's own hours for stars 1 to 5, or an empty list. */
	/** The own settings of each of the regions that sets any, by code, in one query. */
	java.util.Map<String, Row> findAll(List<String> regionCodes) {
		java.util.Map<String, Row> rows = new java.util.HashMap<>();
		this.jdbc
			.sql("SELECT region_code, activity_review, population, time_bank_cap FROM region_setting WHERE region_code"
					+ " IN (:regions)")
			.param("regions", regionCodes)
			.query((rs) -> {
				rows.put(rs.getString(1),
						new Row((rs.getString(2) != null) ? ReviewRequirement.valueOf(rs.getString(2)) : null,
								(Long) rs.getObject(3, Long.class), rs.getBigDecimal(4)));
			});
		return rows;
	}

	/**
	 * The star thresholds of each of the regions that sets them, by code, in one query.
	 */
	java.util.Map<String, List<BigDecimal>> thresholdsOfAll(List<String> regionCodes) {
		java.util.Map<String, List<BigDecimal>> thresholds = new java.util.HashMap<>();
		this.jdbc
			.sql("SELECT region_code, hours FROM star_threshold WHERE region_code IN (:regions) ORDER BY region_code,"
					+ " star")
			.param("regions", regionCodes)
			.query((rs) -> {
				thresholds.computeIfAbsent(rs.getString(1), (code) -> new java.util.ArrayList<>())
					.add(rs.getBigDecimal(2));
			});
		return thresholds;
	}

	List<BigDecimal> thresholdsOf(String regionCode) {
		return this.jdbc.sql("SELECT hours FROM star_threshold WHERE region_code = :region ORDER BY star")
			.param("region", regionCode)
			.query(BigDecimal.class)
			.list();
	}

	/** Replaces the region's own thresholds; an empty list removes them. */
	void replaceThresholds(String regionCode, List<BigDecimal> hours) {
		this.caches.changed(STAR_THRESHOLDS);
		this.jdbc.sql("DELETE FROM star_threshold WHERE region_code = :region").param("region", regionCode).update();
		for (int i = 0; i < hours.size(); i++) {
			this.jdbc.sql("INSERT INTO star_threshold (region_code, star, hours) VALUES (:region, :star, :hours)")
				.param("region", regionCode)
				.param("star", i + 1)
				.param("hours", hours.get(i))
				.update();
		}
	}

	record Row(ReviewRequirement activityReview, Long population, BigDecimal timeBankCap) {

	}

}
