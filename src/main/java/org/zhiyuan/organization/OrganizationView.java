package org.zhiyuan.organization;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.zhiyuan.shared.ServiceField;

/**
 * An organization as the public sees it: no personal data (the contact phone is masked).
 */
public record OrganizationView(UUID id, String name, OrganizationType type, String creditCode, String regionCode,
		UUID parentId, String parentName, OrganizationStatus status, List<ServiceField> fields, String contactName,
		String contactPhoneMasked, String description, long memberCount, OffsetDateTime appliedAt, UUID successorId,
		String successorName) {

	public boolean isActive() {
		return this.status == OrganizationStatus.ACTIVE;
	}

}
