package org.zhiyuan.need;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A resident as they and others see them: the phone only masked. */
public record ResidentView(UUID id, UUID accountId, String name, String phoneMasked, String regionCode,
		OffsetDateTime createdAt) {

}
