package org.zhiyuan.complaint;

import java.time.OffsetDateTime;

/** One step of a complaint's timeline; the note is the resolution's. */
public record ComplaintStep(ComplaintStatus status, String note, OffsetDateTime occurredAt) {

}
