package org.zhiyuan.stats;

import java.math.BigDecimal;
import java.util.List;

/**
 * A region's figures split by one dimension, one item per key, in a stable order. A
 * figure that means nothing for the dimension is {@code null}: volunteers by field or
 * month, activities and organizations by category, age band or gender, organizations by
 * month. Items by region also carry the sub-region's population and registered share;
 * items by age band the registered volunteers of each gender, for the age pyramid.
 */
public record Breakdown(String regionCode, Dimension by, String period, List<Item> items) {

	public Breakdown {
		items = List.copyOf(items);
	}

	/** One key's figures. */
	public record Item(String key, String label, Long volunteers, Long activeVolunteers, BigDecimal hours,
			Long activities, Long organizations, Long population, BigDecimal registeredShare, Long male, Long female) {

		public Item(String key, String label, Long volunteers, Long activeVolunteers, BigDecimal hours, Long activities,
				Long organizations, Long population, BigDecimal registeredShare) {
			this(key, label, volunteers, activeVolunteers, hours, activities, organizations, population,
					registeredShare, null, null);
		}

	}

}
