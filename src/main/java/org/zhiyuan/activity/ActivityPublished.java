package org.zhiyuan.activity;

import java.util.UUID;

/** An activity began recruiting. */
public record ActivityPublished(UUID activityId, UUID organizationId, String regionCode) {

}
