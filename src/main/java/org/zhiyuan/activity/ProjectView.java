package org.zhiyuan.activity;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.zhiyuan.shared.ServiceField;

/**
 * A project of the library (项目库): an organization's ongoing service, graded and
 * classified.
 */
public record ProjectView(UUID id, UUID organizationId, String organizationName, String name, ServiceField field,
		ProjectLevel level, boolean brand, String regionCode, String description, OffsetDateTime createdAt) {

}
