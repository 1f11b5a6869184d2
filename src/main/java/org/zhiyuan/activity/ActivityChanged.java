package org.zhiyuan.activity;

import java.util.Set;
import java.util.UUID;

/**
 * A recruiting activity changed: its time or place ({@code volunteersToTell}), or the
 * positions that gained places ({@code grownPositions}, whose waiting lists may move up).
 */
public record ActivityChanged(UUID activityId, boolean volunteersToTell, Set<UUID> grownPositions) {

}
