package org.zhiyuan.organization;

import java.util.List;
import java.util.UUID;

import org.zhiyuan.shared.ServiceField;

/** An application to register an organization or team, as submitted. */
public record NewOrganization(String name, OrganizationType type, String creditCode, String regionCode, UUID parentId,
		List<ServiceField> fields, String contactName, String contactPhone, String description) {

}
