package org.zhiyuan.organization;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A member, applicant or invitee as an organization's admins and overseers see them: ID
 * and phone masked. Of someone invited who has not accepted, only the masked name shows.
 */
public record Member(UUID volunteerId, String volunteerNumber, String name, String idNumberMasked, String phoneMasked,
		MemberRole role, MemberStatus status, OffsetDateTime requestedAt, OffsetDateTime joinedAt) {

}
