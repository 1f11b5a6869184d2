package org.zhiyuan.insurance;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A volunteer insured under a policy, as the organization's admins and overseers see
 * them: the ID number and phone masked, never whole.
 */
public record InsuredView(UUID volunteerId, String name, String volunteerNumber, String idNumberMasked,
		String phoneMasked, OffsetDateTime addedAt) {

}
