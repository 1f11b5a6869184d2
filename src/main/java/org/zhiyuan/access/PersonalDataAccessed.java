package org.zhiyuan.access;

import java.util.UUID;

/**
 * An actor asked to read or manage another person's data, and was allowed or refused.
 * Published for every such decision so that the audit log holds them all;
 * {@code ownerAccountId} is the person whose data it is, when the object has one owner.
 */
public record PersonalDataAccessed(UUID actorId, Access access, String objectType, String objectId, String regionCode,
		boolean allowed, UUID ownerAccountId) {

}
