package org.zhiyuan.complaint;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A complaint with its timeline. {@code complainantId}, {@code contactName} and
 * {@code contactPhone} are there for the complainant and the operators and auditors of
 * the region only; {@code timeline} and {@code attachments} are left empty in lists.
 * {@code complainantId} is {@code null} for a report by an anonymous visitor, and
 * {@code trackingCode} is given once, in the answer to that visitor's filing.
 */
public record ComplaintView(UUID id, ComplaintSubjectType subjectType, UUID subjectId, String subjectName,
		String regionCode, ComplaintCategory category, String description, ComplaintStatus status,
		ComplaintOutcome outcome, String resolutionNote, OffsetDateTime filedAt, OffsetDateTime deadline,
		boolean overdue, UUID assigneeId, UUID complainantId, String contactName, String contactPhone,
		List<ComplaintStep> timeline, List<ComplaintAttachment> attachments,
		@Schema(description = "Only in the answer to an anonymous visitor's filing: the code to follow the report"
				+ " with (POST /api/v1/complaints/tracking) and to add evidence with; shown once") String trackingCode) {

	/** Whether an anonymous visitor filed it. */
	@Schema(hidden = true)
	public boolean anonymous() {
		return this.complainantId == null;
	}

	ComplaintView withDetails(List<ComplaintStep> steps, List<ComplaintAttachment> files) {
		return new ComplaintView(this.id, this.subjectType, this.subjectId, this.subjectName, this.regionCode,
				this.category, this.description, this.status, this.outcome, this.resolutionNote, this.filedAt,
				this.deadline, this.overdue, this.assigneeId, this.complainantId, this.contactName, this.contactPhone,
				List.copyOf(steps), List.copyOf(files), this.trackingCode);
	}

	ComplaintView withTrackingCode(String code) {
		return new ComplaintView(this.id, this.subjectType, this.subjectId, this.subjectName, this.regionCode,
				this.category, this.description, this.status, this.outcome, this.resolutionNote, this.filedAt,
				this.deadline, this.overdue, this.assigneeId, this.complainantId, this.contactName, this.contactPhone,
				this.timeline, this.attachments, code);
	}

}
