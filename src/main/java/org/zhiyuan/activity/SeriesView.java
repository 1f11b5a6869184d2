package org.zhiyuan.activity;

import java.util.List;
import java.util.UUID;

/** A series and its occurrences, the earliest first. */
public record SeriesView(UUID id, UUID organizationId, Repeat.Frequency frequency, List<ActivityView> occurrences) {

}
