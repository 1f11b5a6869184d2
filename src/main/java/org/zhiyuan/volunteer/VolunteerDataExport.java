package org.zhiyuan.volunteer;

import java.time.OffsetDateTime;
import java.util.List;

/** All data held on a volunteer, as they download it (PIPL art. 45). */
public record VolunteerDataExport(VolunteerProfile profile, List<VolunteerMemberships.Membership> memberships,
		OffsetDateTime exportedAt) {

}
