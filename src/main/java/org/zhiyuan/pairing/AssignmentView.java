package org.zhiyuan.pairing;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One entry of a pairing's history of whom it paired, oldest first: a volunteer (masked)
 * or, with no volunteer, the team; why and when.
 */
public record AssignmentView(int ordinal, UUID volunteerId, String volunteerNameMasked, String reason,
		OffsetDateTime assignedAt) {

	public PairingKind kind() {
		return (this.volunteerId != null) ? PairingKind.VOLUNTEER : PairingKind.TEAM;
	}

}
