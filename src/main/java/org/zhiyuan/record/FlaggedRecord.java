package org.zhiyuan.record;

import java.util.List;

/**
 * A flagged or held record as a reviewer sees it: the record, whose it is, why it was
 * entered by hand (when it was), and the counted records it overlaps now.
 */
public record FlaggedRecord(ServiceRecordView record, String volunteerName, String volunteerNumber, String reason,
		List<RecordConflict> conflicts) {

}
