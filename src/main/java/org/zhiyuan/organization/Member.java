package org.zhiyuan.organization;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A member or applicant as an organization's admins see them: ID and phone masked. */
public record Member(UUID volunteerId, String volunteerNumber, String name, String idNumberMasked, String phoneMasked,
		MemberRole role, MemberStatus status, OffsetDateTime requestedAt, OffsetDateTime joinedAt) {

}
