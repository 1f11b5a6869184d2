package org.zhiyuan.organization;

import java.util.UUID;

/** An admin invited a volunteer to join; the volunteer is told. */
public record MemberInvited(UUID organizationId, String organizationName, UUID volunteerId, UUID volunteerAccountId,
		MemberRole role) {

}
