package org.zhiyuan.volunteer;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What the volunteer module needs to know of memberships, which the organization module
 * owns and provides: the organizations a volunteer belongs to (for access decisions and
 * the data export).
 */
public interface VolunteerMemberships {

	Set<UUID> activeOrganizationsOf(UUID volunteerId);

	List<Membership> membershipsOf(UUID volunteerId);

	/** One organization the volunteer belongs to or asked to join. */
	record Membership(UUID organizationId, String organizationName, String role, String status) {

	}

}
