package org.zhiyuan.story;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A story as its readers see it: no author's account, no personal data; the review note
 * (why it was returned or taken down) is for those who edit or review it.
 *
 * @param organizationId the organization it speaks for, or {@code null} for an operator's
 * story of the region
 * @param activityId the activity it tells of, or {@code null}
 * @param projectId the project it tells of (or the activity's), or {@code null}
 */
public record StoryView(UUID id, UUID organizationId, String organizationName, String regionCode, String title,
		String summary, String body, UUID activityId, String activityTitle, UUID projectId, String projectName,
		StoryStatus status, String reviewNote, OffsetDateTime createdAt, OffsetDateTime submittedAt,
		OffsetDateTime publishedAt, List<StoryImage> images) {

	/** The body's paragraphs, split at blank lines or line breaks. */
	public List<String> paragraphs() {
		return java.util.Arrays.stream(this.body.split("\\R+")).map(String::strip).filter((p) -> !p.isEmpty()).toList();
	}

	/** The first image, or {@code null}. */
	public StoryImage cover() {
		return this.images.isEmpty() ? null : this.images.get(0);
	}

	StoryView withImages(List<StoryImage> list) {
		return new StoryView(this.id, this.organizationId, this.organizationName, this.regionCode, this.title,
				this.summary, this.body, this.activityId, this.activityTitle, this.projectId, this.projectName,
				this.status, this.reviewNote, this.createdAt, this.submittedAt, this.publishedAt, list);
	}

	StoryView withNames(String organization, String activity, String project) {
		return new StoryView(this.id, this.organizationId, organization, this.regionCode, this.title, this.summary,
				this.body, this.activityId, activity, this.projectId, project, this.status, this.reviewNote,
				this.createdAt, this.submittedAt, this.publishedAt, this.images);
	}

	StoryView withoutNote() {
		return new StoryView(this.id, this.organizationId, this.organizationName, this.regionCode, this.title,
				this.summary, this.body, this.activityId, this.activityTitle, this.projectId, this.projectName,
				this.status, null, this.createdAt, this.submittedAt, this.publishedAt, this.images);
	}

}
