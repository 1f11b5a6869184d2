package org.zhiyuan.organization;

import java.util.UUID;

/** A volunteer's standing with an organization after a change: invited, or a member. */
public record MembershipView(UUID organizationId, UUID volunteerId, MemberRole role, MemberStatus status) {

}
