package org.zhiyuan.story;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A story in a list: its title and summary, the organization it speaks for (or
 * {@code null}), its status and its first image's path (or {@code null}).
 */
public record StoryCard(UUID id, String title, String summary, String regionCode, UUID organizationId,
		String organizationName, StoryStatus status, OffsetDateTime publishedAt, OffsetDateTime updatedAt,
		String coverPath) {

}
