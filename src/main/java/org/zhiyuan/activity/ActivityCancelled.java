package org.zhiyuan.activity;

import java.util.UUID;

/** An activity was cancelled; everyone signed up must hear the reason. */
public record ActivityCancelled(UUID activityId, String title, String reason) {

}
