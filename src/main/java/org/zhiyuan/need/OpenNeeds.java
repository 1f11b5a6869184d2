package org.zhiyuan.need;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

/**
 * The needs a volunteer could accept now, for other modules such as recommendations:
 * those dispatched to organizations the volunteer is an active member of and still
 * waiting for volunteers, soonest wanted first, with field, community, point and time,
 * and nothing of the resident. The caller decides whom it shows them to.
 */
@Service
public class OpenNeeds {

	private final NeedRepository repository;

	OpenNeeds(NeedRepository repository) {
		this.repository = repository;
	}

	public List<OpenNeed> acceptableBy(UUID volunteerId, int limit) {
		return this.repository.openNeedsOf(this.repository.activeOrganizationsOf(volunteerId),
				Math.max(0, Math.min(limit, 200)));
	}

}
