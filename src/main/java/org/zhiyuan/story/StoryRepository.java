package org.zhiyuan.story;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class StoryRepository {

	private static final String COLUMNS = "SELECT id, organization_id, region_code, title, summary, body, activity_id,"
			+ " project_id, status, review_note, created_at, submitted_at, published_at, author_id FROM story";

	private static final String CARD = "SELECT s.id, s.title, s.summary, s.region_code, s.organization_id, s.status,"
			+ " s.published_at, s.updated_at, (SELECT i.id FROM story_image i WHERE i.story_id = s.id"
			+ " AND i.position = (SELECT MIN(j.position) FROM story_image j WHERE j.story_id = s.id)) AS cover_id"
			+ " FROM story s";

	private final JdbcClient jdbc;

	StoryRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A story as stored, with its author's account (never shown). */
	record Stored(StoryView view, UUID authorId) {

	}

	/** An image's bytes and type. */
	record ImageBytes(UUID storyId, String contentType, byte[] bytes) {

	}

	void insert(UUID id, UUID organizationId, String regionCode, Text text, UUID authorId, OffsetDateTime now,
			String idempotencyKey) {
		this.jdbc
			.sql("INSERT INTO story (id, organization_id, region_code, title, summary, body, activity_id,"
					+ " project_id, status, author_id, created_at, updated_at, idempotency_key) VALUES (:id, :org,"
					+ " :region, :title, :summary, :body, :activity, :project, 'DRAFT', :author, :now, :now, :key)")
			.param("id", id)
			.param("org", organizationId)
			.param("region", regionCode)
			.param("title", text.title())
			.param("summary", text.summary())
			.param("body", text.body())
			.param("activity", text.activityId())
			.param("project", text.projectId())
			.param("author", authorId)
			.param("now", now)
			.param("key", idempotencyKey)
			.update();
	}

	void update(UUID id, String regionCode, Text text, OffsetDateTime now) {
		this.jdbc
			.sql("UPDATE story SET region_code = :region, title = :title, summary = :summary, body = :body,"
					+ " activity_id = :activity, project_id = :project, updated_at = :now WHERE id = :id")
			.param("id", id)
			.param("region", regionCode)
			.param("title", text.title())
			.param("summary", text.summary())
			.param("body", text.body())
			.param("activity", text.activityId())
			.param("project", text.projectId())
			.param("now", now)
			.update();
	}

	/** The checked text of a story and what it links to. */
	record Text(String title, String summary, String body, UUID activityId, UUID projectId) {

	}

	Optional<UUID> withKey(UUID authorId, String key) {
		if (key == null) {
			return Optional.empty();
		}
		return this.jdbc.sql("SELECT id FROM story WHERE author_id = :a AND idempotency_key = :k")
			.param("a", authorId)
			.param("k", key)
			.query(UUID.class)
			.optional();
	}

	Optional<Stored> find(UUID id) {
		return this.jdbc.sql(COLUMNS + " WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> new Stored(view(rs), rs.getObject("author_id", UUID.class)))
			.optional()
			.map((stored) -> new Stored(stored.view().withImages(images(id)), stored.authorId()));
	}

	Optional<StoryStatus> lockStatus(UUID id) {
		return this.jdbc.sql("SELECT status FROM story WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query((rs, n) -> StoryStatus.valueOf(rs.getString(1)))
			.optional();
	}

	void changeStatus(UUID id, StoryStatus status, OffsetDateTime now) {
		this.jdbc
			.sql("UPDATE story SET status = :status, updated_at = :now,"
					+ " submitted_at = CASE WHEN :status = 'SUBMITTED' THEN :now ELSE submitted_at END WHERE id = :id")
			.param("id", id)
			.param("status", status.name())
			.param("now", now)
			.update();
	}

	void review(UUID id, StoryStatus status, String note, UUID reviewer, OffsetDateTime now) {
		this.jdbc
			.sql("UPDATE story SET status = :status, review_note = :note, reviewed_by = :reviewer, reviewed_at = :now,"
					+ " updated_at = :now, published_at = CASE WHEN :status = 'PUBLISHED' THEN :now"
					+ " ELSE published_at END WHERE id = :id")
			.param("id", id)
			.param("status", status.name())
			.param("note", note)
			.param("reviewer", reviewer)
			.param("now", now)
			.update();
	}

	List<StoryImage> images(UUID storyId) {
		return this.jdbc
			.sql("SELECT id, position, content_type FROM story_image WHERE story_id = :s ORDER BY position, id")
			.param("s", storyId)
			.query((rs, n) -> new StoryImage(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3),
					Stories.imagePath(storyId, rs.getObject(1, UUID.class))))
			.list();
	}

	int nextPosition(UUID storyId) {
		Integer max = this.jdbc.sql("SELECT MAX(position) FROM story_image WHERE story_id = :s")
			.param("s", storyId)
			.query(Integer.class)
			.optional()
			.orElse(null);
		return (max != null) ? max + 1 : 1;
	}

	void insertImage(UUID id, UUID storyId, int position, String contentType, byte[] bytes, OffsetDateTime now) {
		this.jdbc
			.sql("INSERT INTO story_image (id, story_id, position, content_type, image, added_at)"
					+ " VALUES (:id, :story, :position, :type, :image, :now)")
			.param("id", id)
			.param("story", storyId)
			.param("position", position)
			.param("type", contentType)
			.param("image", bytes)
			.param("now", now)
			.update();
	}

	boolean deleteImage(UUID storyId, UUID imageId) {
		return this.jdbc.sql("DELETE FROM story_image WHERE id = :id AND story_id = :story")
			.param("id", imageId)
			.param("story", storyId)
			.update() > 0;
	}

	Optional<ImageBytes> image(UUID storyId, UUID imageId) {
		return this.jdbc.sql("SELECT story_id, content_type, image FROM story_image WHERE id = :id AND story_id = :s")
			.param("id", imageId)
			.param("s", storyId)
			.query((rs, n) -> new ImageBytes(rs.getObject(1, UUID.class), rs.getString(2), rs.getBytes(3)))
			.optional();
	}

	/**
	 * Published stories of a region and below ({@code prefix} empty for all), newest
	 * first.
	 */
	PageResult<StoryCard> published(String prefix, PageQuery page) {
		String where = " WHERE s.status = 'PUBLISHED' AND s.region_code LIKE :prefix";
		return page(where, Map.of("prefix", prefix + "%"), " ORDER BY s.published_at DESC, s.id", page);
	}

	/** Published stories of a project, newest first. */
	List<StoryCard> publishedOfProject(UUID projectId, int limit) {
		return this.jdbc
			.sql(CARD + " WHERE s.status = 'PUBLISHED' AND s.project_id = :p ORDER BY s.published_at DESC, s.id"
					+ " LIMIT :limit")
			.param("p", projectId)
			.param("limit", limit)
			.query(StoryRepository::card)
			.list();
	}

	/** The stories an author wrote, or those of the organizations given, newest first. */
	PageResult<StoryCard> editable(UUID authorId, Collection<UUID> organizations, PageQuery page) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("author", authorId);
		String where;
		if (organizations.isEmpty()) {
			where = " WHERE s.organization_id IS NULL AND s.author_id = :author";
		}
		else {
			where = " WHERE (s.organization_id IS NULL AND s.author_id = :author) OR s.organization_id IN (:orgs)";
			params.put("orgs", List.copyOf(organizations));
		}
		return page(where, params, " ORDER BY s.updated_at DESC, s.id", page);
	}

	/** Submitted stories within any of the prefixes (empty: everywhere), oldest first. */
	PageResult<StoryCard> submitted(Collection<String> prefixes, PageQuery page) {
		if (prefixes.isEmpty()) {
			return new PageResult<>(List.of(), page.page(), page.size(), 0);
		}
		Map<String, Object> params = new LinkedHashMap<>();
		StringBuilder where = new StringBuilder(" WHERE s.status = 'SUBMITTED' AND (");
		int i = 0;
		for (String prefix : prefixes) {
			where.append((i > 0) ? " OR " : "").append("s.region_code LIKE :p").append(i);
			params.put("p" + i, prefix + "%");
			i++;
		}
		where.append(')');
		return page(where.toString(), params, " ORDER BY s.updated_at, s.id", page);
	}

	private PageResult<StoryCard> page(String where, Map<String, Object> params, String order, PageQuery page) {
		long total = this.jdbc.sql("SELECT COUNT(*) FROM story s" + where).params(params).query(Long.class).single();
		List<StoryCard> items = this.jdbc.sql(CARD + where + order + " LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(StoryRepository::card)
			.list();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	private static StoryCard card(ResultSet rs, int n) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		UUID cover = rs.getObject("cover_id", UUID.class);
		return new StoryCard(id, rs.getString("title"), rs.getString("summary"), rs.getString("region_code"),
				rs.getObject("organization_id", UUID.class), null, StoryStatus.valueOf(rs.getString("status")),
				rs.getObject("published_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class),
				(cover != null) ? Stories.imagePath(id, cover) : null);
	}

	private static StoryView view(ResultSet rs) throws SQLException {
		return new StoryView(rs.getObject("id", UUID.class), rs.getObject("organization_id", UUID.class), null,
				rs.getString("region_code"), rs.getString("title"), rs.getString("summary"), rs.getString("body"),
				rs.getObject("activity_id", UUID.class), null, rs.getObject("project_id", UUID.class), null,
				StoryStatus.valueOf(rs.getString("status")), rs.getString("review_note"),
				rs.getObject("created_at", OffsetDateTime.class), rs.getObject("submitted_at", OffsetDateTime.class),
				rs.getObject("published_at", OffsetDateTime.class), List.of());
	}

}
