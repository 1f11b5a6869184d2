package org.zhiyuan.emergency;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** One shift of a team's roster: when it runs and who is on duty. */
public record DutyShift(LocalDate day, Shift shift, OffsetDateTime startsAt, OffsetDateTime endsAt,
		List<DutyMember> members) {

}
