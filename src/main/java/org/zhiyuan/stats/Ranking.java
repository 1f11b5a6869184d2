package org.zhiyuan.stats;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A region's sub-regions, organizations or brand projects in the order of one value, the
 * highest first, at most as many as were asked for. Items with the same value share a
 * rank (1, 2, 2, 4); an item without a value (a sub-region without a population, or
 * without registered volunteers for hours per volunteer) comes last, without a rank.
 */
public record Ranking(String regionCode, RankingKind by, String period, List<Item> items) {

	public Ranking {
		items = List.copyOf(items);
	}

	/**
	 * One ranked sub-region, organization or project: its key (region code or id), its
	 * label (the region's name in the reader's language, the organization's or project's
	 * name), the value it is ranked by, and the figures the value comes from;
	 * {@code null} where a figure means nothing for the kind. {@code volunteers}:
	 * registered volunteers today; {@code hours}, {@code records}, {@code activities}:
	 * counted hours and records and published activities of the period;
	 * {@code organizationName}: a project's organization.
	 */
	public record Item(Integer rank, String key, String label, BigDecimal value, Long volunteers, BigDecimal hours,
			Long population, Long records, Long activities, String organizationName) {

		Item withRank(Integer newRank) {
			return new Item(newRank, this.key, this.label, this.value, this.volunteers, this.hours, this.population,
					this.records, this.activities, this.organizationName);
		}

	}

	/**
	 * The items by value, the highest first, then by key; ranked as competitions are
	 * (equal values share a rank, and the next rank skips); those without a value last
	 * and unranked; at most {@code limit}.
	 */
	static List<Item> ranked(List<Item> items, int limit) {
		List<Item> sorted = new ArrayList<>(items);
		sorted.sort(Comparator.comparing(Item::value, Comparator.nullsLast(Comparator.reverseOrder()))
			.thenComparing(Item::key));
		List<Item> ranked = new ArrayList<>();
		for (int i = 0; i < sorted.size() && i < limit; i++) {
			Item item = sorted.get(i);
			Integer rank = null;
			if (item.value() != null) {
				Item previous = (i > 0) ? ranked.get(i - 1) : null;
				rank = (previous != null && previous.value() != null && previous.value().compareTo(item.value()) == 0)
						? previous.rank() : i + 1;
			}
			ranked.add(item.withRank(rank));
		}
		return ranked;
	}

}
