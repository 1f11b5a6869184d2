package org.zhiyuan.volunteer;

import java.util.UUID;

/** A volunteer has registered. */
public record VolunteerRegistered(UUID volunteerId, UUID accountId, String regionCode) {

}
