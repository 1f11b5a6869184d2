package org.zhiyuan.stats;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A recount of a region's figures from the facts themselves, compared with the rollups:
 * each difference names the figure, its key and period, the recounted and the rolled-up
 * value. {@code RECOUNT} differences are the region's own; {@code CHILDREN} differences
 * are additive figures of the region that do not equal the sum of its sub-regions' and of
 * the facts held at the region itself; {@code PROVIDERS} differences are the hours,
 * records or activities of one of the region's organizations or projects in one period
 * (dim {@code ORGANIZATION} or {@code PROJECT}, key its id).
 */
public record Reconciliation(String regionCode, OffsetDateTime checkedAt, int figuresChecked,
		List<Difference> differences) {

	public Reconciliation {
		differences = List.copyOf(differences);
	}

	public boolean consistent() {
		return this.differences.isEmpty();
	}

	/** One figure that does not agree. */
	public record Difference(String check, String figure, String dim, String key, String period, String expected,
			String actual) {

	}

}
