package org.zhiyuan.stats;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.zhiyuan.region.Region;
import org.zhiyuan.region.Regions;
import org.zhiyuan.regionsettings.RegionSettings;

import org.springframework.stereotype.Component;

/**
 * The resident populations the shares of registered volunteers are reckoned against: a
 * region's own, as its settings state it; for a region that states none, the sum of its
 * sub-regions' own when every one of them states one (a city whose districts have each
 * set theirs). A region above's population is never a region's own.
 */
@Component
class Populations {

	private final RegionSettings settings;

	private final Regions regions;

	Populations(RegionSettings settings, Regions regions) {
		this.settings = settings;
		this.regions = regions;
	}

	/** The regions' populations; regions with none are left out. */
	Map<String, Long> of(Collection<String> regionCodes) {
		Map<String, Long> populations = new HashMap<>();
		each(regionCodes).forEach((code, population) -> populations.put(code, population.residents()));
		return populations;
	}

	/** The region's population, and whether it is its sub-regions' sum. */
	Optional<Population> of(String regionCode) {
		return Optional.ofNullable(each(List.of(regionCode)).get(regionCode));
	}

	private Map<String, Population> each(Collection<String> regionCodes) {
		Map<String, Population> populations = new HashMap<>();
		this.settings.ownPopulations(regionCodes)
			.forEach((code, residents) -> populations.put(code, new Population(residents, false)));
		Map<String, List<String>> childrenOf = new HashMap<>();
		for (String code : regionCodes) {
			if (!populations.containsKey(code)) {
				List<String> children = this.regions.children(code).stream().map(Region::code).toList();
				if (!children.isEmpty()) {
					childrenOf.put(code, children);
				}
			}
		}
		if (childrenOf.isEmpty()) {
			return populations;
		}
		Map<String, Long> below = this.settings
			.ownPopulations(childrenOf.values().stream().flatMap(List::stream).toList());
		childrenOf.forEach((code, children) -> {
			if (below.keySet().containsAll(children)) {
				populations.put(code, new Population(children.stream().mapToLong(below::get).sum(), true));
			}
		});
		return populations;
	}

	/** Residents, as the region states them or as its sub-regions' sum. */
	record Population(long residents, boolean summed) {

	}

}
