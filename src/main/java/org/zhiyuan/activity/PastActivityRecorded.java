package org.zhiyuan.activity;

import java.util.UUID;

/**
 * An activity that took place offline was registered afterwards (补录): {@code confirmed}
 * when its region's operators registered it, so that it is finished at once; otherwise it
 * waits for their confirmation ({@link ActivityReviewed}).
 */
public record PastActivityRecorded(UUID activityId, boolean confirmed) {

}
