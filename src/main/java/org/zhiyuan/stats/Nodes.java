package org.zhiyuan.stats;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.zhiyuan.region.Region;
import org.zhiyuan.region.Regions;

import org.springframework.stereotype.Component;

/**
 * The nodes a fact counts at: the nation, and each region on the path down to the fact's
 * own, at any depth the region directory has. A code the directory does not know counts
 * at the nation and at itself.
 */
@Component
class Nodes {

	private final Regions regions;

	Nodes(Regions regions) {
		this.regions = regions;
	}

	List<String> of(String regionCode) {
		List<String> nodes = new ArrayList<>(6);
		nodes.add(Regions.NATIONAL);
		if (regionCode == null || Regions.NATIONAL.equals(regionCode)) {
			return nodes;
		}
		List<Region> path = this.regions.path(regionCode);
		if (path.isEmpty()) {
			nodes.add(regionCode);
		}
		for (Region region : path) {
			nodes.add(region.code());
		}
		return nodes;
	}

	/** The nodes any of the regions counts at, each once. */
	Set<String> ofAll(Collection<String> regionCodes) {
		Set<String> nodes = new LinkedHashSet<>();
		for (String code : regionCodes) {
			nodes.addAll(of(code));
		}
		return nodes;
	}

}
