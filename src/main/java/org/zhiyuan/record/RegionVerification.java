package org.zhiyuan.record;

import java.util.List;
import java.util.UUID;

/**
 * Chain verification over a region's volunteers: how many volunteers and records were
 * checked, the broken chains, and whether the cap on volunteers cut the run short.
 */
public record RegionVerification(String regionCode, int volunteersChecked, int recordsChecked, List<BrokenChain> broken,
		boolean capped) {

	/** A volunteer whose chain breaks at the given sequence. */
	public record BrokenChain(UUID volunteerId, String volunteerNumber, int brokenAtSequence) {

	}

}
