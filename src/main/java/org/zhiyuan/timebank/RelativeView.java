package org.zhiyuan.timebank;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A relative as the volunteer who reads it sees them: the other person (id and masked
 * name), what they are to the reader, whether the reader declared them or was named by
 * them, and the state.
 */
public record RelativeView(UUID id, UUID otherVolunteerId, String otherName, Relation relation, boolean declaredByMe,
		RelativeStatus status, OffsetDateTime declaredAt, OffsetDateTime decidedAt) {

}
