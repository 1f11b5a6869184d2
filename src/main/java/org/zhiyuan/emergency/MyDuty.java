package org.zhiyuan.emergency;

import java.util.List;
import java.util.UUID;

/**
 * A volunteer's duty: their shifts from today on, today's duty of their emergency teams,
 * and the swaps they asked for or are asked to agree to that are still open.
 */
public record MyDuty(UUID volunteerId, List<DutyAssignment> shifts, List<Roster> today, List<DutySwap> swaps) {

}
