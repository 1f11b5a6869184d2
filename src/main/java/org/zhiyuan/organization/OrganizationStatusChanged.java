package org.zhiyuan.organization;

import java.util.UUID;

/** An organization was approved, rejected, suspended, reinstated or closed. */
public record OrganizationStatusChanged(UUID organizationId, OrganizationStatus status, String reason) {

}
