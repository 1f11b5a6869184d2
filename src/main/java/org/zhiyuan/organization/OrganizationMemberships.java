package org.zhiyuan.organization;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.zhiyuan.volunteer.VolunteerMemberships;

import org.springframework.stereotype.Component;

/** Tells the volunteer module which organizations a volunteer belongs to. */
@Component
class OrganizationMemberships implements VolunteerMemberships {

	private final OrganizationRepository organizations;

	OrganizationMemberships(OrganizationRepository organizations) {
		this.organizations = organizations;
	}

	@Override
	public Set<UUID> activeOrganizationsOf(UUID volunteerId) {
		return this.organizations.activeOrganizationsOf(volunteerId);
	}

	@Override
	public List<Membership> membershipsOf(UUID volunteerId) {
		return this.organizations.membershipsOf(volunteerId);
	}

}
