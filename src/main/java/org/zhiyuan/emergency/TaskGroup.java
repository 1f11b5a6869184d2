package org.zhiyuan.emergency;

import java.util.UUID;

/** A task group of a mobilization: its name, task, leader and how many are in it. */
public record TaskGroup(UUID id, String name, String task, UUID leaderId, String leaderName, long members) {

}
