package org.zhiyuan.need;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.zhiyuan.shared.ServiceField;

/** A service on an organization's menu and the regions whose residents may order it. */
public record MenuItemView(UUID id, UUID organizationId, String organizationName, String title, ServiceField field,
		String description, List<String> regionCodes, OffsetDateTime createdAt) {

}
