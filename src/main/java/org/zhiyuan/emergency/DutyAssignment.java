package org.zhiyuan.emergency;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A volunteer on duty for a team in a shift. */
public record DutyAssignment(UUID organizationId, String teamName, UUID volunteerId, String name, LocalDate day,
		Shift shift, OffsetDateTime startsAt, OffsetDateTime endsAt) {

}
