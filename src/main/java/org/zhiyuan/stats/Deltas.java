package org.zhiyuan.stats;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Changes to the rollups gathered while a batch is folded or the rollups are built, so
 * that each row is written once however many facts touch it (the nation's row is touched
 * by every fact). Service rows change hours and records together; the others a count; a
 * provider's rows hours, records and activities.
 */
final class Deltas {

	private final Map<Row, Change> changes = new LinkedHashMap<>();

	private final Map<ProviderRow, Change> providers = new LinkedHashMap<>();

	/** Adds {@code delta} to a count figure at every node. */
	void count(Figure figure, Collection<String> nodes, Dim dim, String key, String period, long delta) {
		if (delta == 0) {
			return;
		}
		for (String node : nodes) {
			this.changes
				.computeIfAbsent(new Row(figure, node, dim, key, figure.periodic() ? period : ""),
						(row) -> new Change())
				.add(BigDecimal.ZERO, delta);
		}
	}

	/** Adds hours and records to the service figures of a month at every node. */
	void service(Collection<String> nodes, Dim dim, String key, String period, BigDecimal hours, long records) {
		if (records == 0 && hours.signum() == 0) {
			return;
		}
		for (String node : nodes) {
			this.changes.computeIfAbsent(new Row(Figure.HOURS, node, dim, key, period), (row) -> new Change())
				.add(hours, records);
		}
	}

	/**
	 * Adds hours, records and activities to a provider's month ({@code 2025-03}), its
	 * year and all time.
	 */
	void provider(Provider kind, UUID providerId, String month, BigDecimal hours, long records, long activities) {
		if (providerId == null || (records == 0 && activities == 0 && hours.signum() == 0)) {
			return;
		}
		for (String period : List.of(month, month.substring(0, 4), ReportPeriod.ALL)) {
			Change change = this.providers.computeIfAbsent(new ProviderRow(kind, providerId, period),
					(row) -> new Change());
			change.add(hours, records);
			change.activities += activities;
		}
	}

	Map<Row, Change> changes() {
		return this.changes;
	}

	Map<ProviderRow, Change> providers() {
		return this.providers;
	}

	void clear() {
		this.changes.clear();
		this.providers.clear();
	}

	/**
	 * A rollup row: {@link Figure#HOURS} stands for the service table (hours and
	 * records); {@code period} is empty for today's figures.
	 */
	record Row(Figure table, String node, Dim dim, String key, String period) {

	}

	/** A provider's row: one organization or project in one period. */
	record ProviderRow(Provider kind, UUID providerId, String period) {

	}

	/**
	 * What a row gains: hours (service and provider rows only), a count (a provider's
	 * records) and a provider's activities.
	 */
	static final class Change {

		private BigDecimal hours = BigDecimal.ZERO;

		private long count;

		private long activities;

		void add(BigDecimal moreHours, long more) {
			this.hours = this.hours.add(moreHours);
			this.count += more;
		}

		BigDecimal hours() {
			return this.hours;
		}

		long count() {
			return this.count;
		}

		long activities() {
			return this.activities;
		}

		boolean isZero() {
			return this.count == 0 && this.activities == 0 && this.hours.signum() == 0;
		}

	}

}
