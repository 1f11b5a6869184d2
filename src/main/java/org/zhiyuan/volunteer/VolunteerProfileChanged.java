package org.zhiyuan.volunteer;

import java.util.Set;
import java.util.UUID;

/**
 * A volunteer's profile changed: the region they live in and the groups they belong to,
 * as they are now.
 */
public record VolunteerProfileChanged(UUID volunteerId, String regionCode, Set<VolunteerCategory> categories) {

	public VolunteerProfileChanged {
		categories = Set.copyOf(categories);
	}

}
