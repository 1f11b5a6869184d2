package org.zhiyuan.access;

import java.util.Set;
import java.util.UUID;

/**
 * What the access policy needs to know of an object: whose it is, where it is, and which
 * organizations it belongs to. {@code type} and {@code id} name it in the audit log.
 */
public record ScopedObject(String type, String id, UUID ownerAccountId, String regionCode, Set<UUID> organizationIds) {

	public ScopedObject {
		organizationIds = (organizationIds != null) ? Set.copyOf(organizationIds) : Set.of();
	}

	/**
	 * The same object under another name in the audit log, e.g. an organization's member
	 * list.
	 */
	public ScopedObject withType(String otherType) {
		return new ScopedObject(otherType, this.id, this.ownerAccountId, this.regionCode, this.organizationIds);
	}

	public static ScopedObject inRegion(String type, String id, String regionCode) {
		return new ScopedObject(type, id, null, regionCode, Set.of());
	}

}
