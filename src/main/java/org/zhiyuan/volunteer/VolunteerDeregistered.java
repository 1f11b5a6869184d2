package org.zhiyuan.volunteer;

import java.util.UUID;

/** A volunteer has deregistered: their account is closed and personal data erased. */
public record VolunteerDeregistered(UUID volunteerId, UUID accountId) {

}
