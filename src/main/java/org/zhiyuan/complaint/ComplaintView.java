package org.zhiyuan.complaint;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A complaint with its timeline. {@code complainantId} and {@code contactPhone} are there
 * for the complainant and the operators and auditors of the region only; {@code timeline}
 * is left empty in lists.
 */
public record ComplaintView(UUID id, ComplaintSubjectType subjectType, UUID subjectId, String subjectName,
		String regionCode, ComplaintCategory category, String description, ComplaintStatus status,
		ComplaintOutcome outcome, String resolutionNote, OffsetDateTime filedAt, OffsetDateTime deadline,
		boolean overdue, UUID assigneeId, UUID complainantId, String contactPhone, List<ComplaintStep> timeline) {

	public ComplaintView withTimeline(List<ComplaintStep> steps) {
		return new ComplaintView(this.id, this.subjectType, this.subjectId, this.subjectName, this.regionCode,
				this.category, this.description, this.status, this.outcome, this.resolutionNote, this.filedAt,
				this.deadline, this.overdue, this.assigneeId, this.complainantId, this.contactPhone,
				List.copyOf(steps));
	}

}
