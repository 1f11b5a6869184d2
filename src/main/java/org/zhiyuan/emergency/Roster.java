package org.zhiyuan.emergency;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An emergency team's duty roster from one day to another: every shift of every day,
 * empty ones too; {@code mayManage} when the caller may assign and approve swaps.
 */
public record Roster(UUID organizationId, String teamName, String regionCode, LocalDate from, LocalDate to,
		boolean mayManage, List<DutyShift> shifts) {

}
