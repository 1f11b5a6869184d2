package org.zhiyuan.emergency;

import java.util.UUID;

/** A launched mobilization: its id and how many volunteers were called. */
public record Launched(UUID id, int notified) {

}
