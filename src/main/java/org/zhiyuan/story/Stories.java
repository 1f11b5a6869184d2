package org.zhiyuan.story;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.zhiyuan.access.AccessPolicy;
import org.zhiyuan.access.Actor;
import org.zhiyuan.access.Role;
import org.zhiyuan.activity.Activities;
import org.zhiyuan.activity.ActivityView;
import org.zhiyuan.activity.ProjectView;
import org.zhiyuan.audit.AuditLog;
import org.zhiyuan.audit.AuditRecord;
import org.zhiyuan.organization.OrganizationView;
import org.zhiyuan.organization.Organizations;
import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.Enums;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.Ids;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.story.StoryRepository.Stored;
import org.zhiyuan.story.StoryRepository.Text;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stories (志愿故事): an organization's admins write them for their organization, operators
 * for a region they operate. A story is a draft until its author submits it; an operator
 * of its region publishes it or returns it with a note (operators may publish their own);
 * the author may withdraw a submitted or published story back to a draft, and an operator
 * may take a published one down with a reason. Up to six images (JPEG, PNG or WebP, at
 * most 2 MB each) are kept in the database. Published stories are public; the others only
 * for those who edit them and the overseers of their region. Every change is audited.
 * Stories are the authors' free text: nothing personal is added to them.
 */
@Service
public class Stories {

	static final int TITLE_LENGTH = 60;

	static final int SUMMARY_LENGTH = 120;

	static final int BODY_LENGTH = 5000;

	static final int NOTE_LENGTH = 500;

	static final int KEY_LENGTH = 100;

	/** Images a story may carry. */
	public static final int MAX_IMAGES = 6;

	/** The largest image accepted. */
	public static final int MAX_IMAGE_BYTES = 2 * 1024 * 1024;

	private final StoryRepository repository;

	private final AccessPolicy accessPolicy;

	private final Regions regions;

	private final Organizations organizations;

	private final Activities activities;

	private final AuditLog auditLog;

	private final TransactionTemplate transaction;

	Stories(StoryRepository repository, AccessPolicy accessPolicy, Regions regions, Organizations organizations,
			Activities activities, AuditLog auditLog, PlatformTransactionManager transactions) {
		this.repository = repository;
		this.accessPolicy = accessPolicy;
		this.regions = regions;
		this.organizations = organizations;
		this.activities = activities;
		this.auditLog = auditLog;
		this.transaction = new TransactionTemplate(transactions);
	}

	/** Where the pages load an image of a story (public once the story is published). */
	public static String imagePath(UUID storyId, UUID imageId) {
		return "/stories/" + storyId + "/images/" + imageId;
	}

	/**
	 * Writes a new draft. An organization's admin names the organization (the region is
	 * the organization's or one below it); an operator leaves it out and names a region
	 * they operate. With an {@code Idempotency-Key} a repeat by the same person returns
	 * the first.
	 * @throws ProblemException 400 naming every bad field; 404
	 * {@code ORGANIZATION_NOT_FOUND}; 403 for anyone else
	 */
	public StoryView create(Actor actor, NewStory story, String idempotencyKey) {
		if (actor == null) {
			throw ProblemException.forbidden("problem.forbidden.object");
		}
		List<FieldProblem> problems = new ArrayList<>();
		Optional<UUID> organizationId = optionalId(story.organizationId(), "organizationId", problems);
		Draft draft = check(story, problems);
		if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > KEY_LENGTH)) {
			problems.add(new FieldProblem("Idempotency-Key", "validation.record.key"));
		}
		if (organizationId.isEmpty() && draft.regionCode() == null && !problems.stream()
			.anyMatch((p) -> p.field().equals("regionCode") || p.field().equals("organizationId"))) {
			problems.add(new FieldProblem("regionCode", "validation.required"));
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		UUID organization = organizationId.orElse(null);
		String region;
		if (organization != null) {
			OrganizationView found = this.organizations.find(organization)
				.orElseThrow(() -> ProblemException.notFound("ORGANIZATION_NOT_FOUND", "organization.notFound"));
			if (!this.organizations.isAdmin(actor, organization)) {
				throw ProblemException.forbidden("problem.forbidden.object");
			}
			if (!found.isActive()) {
				throw ProblemException.unprocessable("ORGANIZATION_INACTIVE", "story.organizationInactive");
			}
			region = (draft.regionCode() != null) ? draft.regionCode() : found.regionCode();
			if (!this.regions.covers(found.regionCode(), region)) {
				problems.add(new FieldProblem("regionCode", "validation.story.region"));
			}
		}
		else {
			region = draft.regionCode();
			this.accessPolicy.requireOperatorOf(actor, region);
		}
		Text text = links(actor, organization, draft, problems);
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		UUID id;
		try {
			id = this.transaction.execute((status) -> {
				Optional<UUID> earlier = this.repository.withKey(actor.accountId(), idempotencyKey);
				if (earlier.isPresent()) {
					return earlier.get();
				}
				UUID created = Ids.newId();
				this.repository.insert(created, organization, region, text, actor.accountId(), now(), idempotencyKey);
				this.auditLog.record(audit("story.create", actor, created, region, organization));
				return created;
			});
		}
		catch (DuplicateKeyException ex) {
			id = this.repository.withKey(actor.accountId(), idempotencyKey).orElseThrow(() -> ex);
		}
		return named(require(id).view());
	}

	/**
	 * Changes a draft, a returned or a taken-down story (those who edit it); the
	 * organization stays.
	 * @throws ProblemException 400 naming every bad field; 404 {@code STORY_NOT_FOUND};
	 * 403; 409 {@code INVALID_STATE} while submitted or published
	 */
	public StoryView update(Actor actor, UUID id, NewStory story) {
		Stored stored = requireReadable(actor, id);
		requireEditor(actor, stored);
		List<FieldProblem> problems = new ArrayList<>();
		Draft draft = check(story, problems);
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		UUID organization = stored.view().organizationId();
		String region = (draft.regionCode() != null) ? draft.regionCode() : stored.view().regionCode();
		if (organization != null) {
			String home = this.organizations.find(organization).map(OrganizationView::regionCode).orElse(region);
			if (!this.regions.covers(home, region)) {
				problems.add(new FieldProblem("regionCode", "validation.story.region"));
			}
		}
		else if (!this.accessPolicy.operates(actor, region)) {
			problems.add(new FieldProblem("regionCode", "validation.story.region"));
		}
		Text text = links(actor, organization, draft, problems);
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		return step(actor, id, "story.update", (current) -> {
			this.repository.update(id, region, text, now());
			return current;
		});
	}

	/**
	 * A story: a published one for anyone; the others for those who edit it and the
	 * overseers of its region.
	 * @throws ProblemException 404 {@code STORY_NOT_FOUND}
	 */
	public StoryView view(Actor actor, UUID id) {
		Stored stored = requireReadable(actor, id);
		StoryView view = named(stored.view());
		return insider(actor, stored) ? view : view.withoutNote();
	}

	/**
	 * Whether the actor may change the story (its organization's admins, or its operator
	 * author).
	 */
	public boolean canEdit(Actor actor, StoryView story) {
		return find(story.id()).map((stored) -> isEditor(actor, stored)).orElse(false);
	}

	/**
	 * Whether the actor may review or take down the story (an operator of its region).
	 */
	public boolean canReview(Actor actor, StoryView story) {
		return this.accessPolicy.operates(actor, story.regionCode());
	}

	/**
	 * Adds an image (JPEG, PNG or WebP by its first bytes, at most 2 MB; at most six a
	 * story) to a story its author may still change.
	 * @throws ProblemException 400 {@code file}; 404; 403; 409 {@code INVALID_STATE}
	 */
	public StoryView addImage(Actor actor, UUID id, byte[] bytes) {
		Stored stored = requireReadable(actor, id);
		requireEditor(actor, stored);
		String type = imageType(bytes);
		return step(actor, id, "story.image-add", (current) -> {
			if (this.repository.images(id).size() >= MAX_IMAGES) {
				throw ProblemException
					.invalid(List.of(new FieldProblem("file", "validation.story.imageCount", MAX_IMAGES)));
			}
			this.repository.insertImage(Ids.newId(), id, this.repository.nextPosition(id), type, bytes, now());
			return current;
		});
	}

	/**
	 * Removes an image of a story its author may still change.
	 * @throws ProblemException 404 {@code STORY_NOT_FOUND}, {@code IMAGE_NOT_FOUND}; 403;
	 * 409 {@code INVALID_STATE}
	 */
	public StoryView removeImage(Actor actor, UUID id, UUID imageId) {
		Stored stored = requireReadable(actor, id);
		requireEditor(actor, stored);
		return step(actor, id, "story.image-remove", (current) -> {
			if (!this.repository.deleteImage(id, imageId)) {
				throw ProblemException.notFound("IMAGE_NOT_FOUND", "story.imageNotFound");
			}
			return current;
		});
	}

	/**
	 * An image's bytes: a published story's for anyone, the others' for those who may
	 * read the story.
	 * @throws ProblemException 404 {@code STORY_NOT_FOUND}, {@code IMAGE_NOT_FOUND}
	 */
	public StoryImageFile image(Actor actor, UUID id, UUID imageId) {
		Stored stored = requireReadable(actor, id);
		StoryRepository.ImageBytes image = this.repository.image(id, imageId)
			.orElseThrow(() -> ProblemException.notFound("IMAGE_NOT_FOUND", "story.imageNotFound"));
		return new StoryImageFile(image.contentType(), image.bytes(), stored.view().status() == StoryStatus.PUBLISHED);
	}

	/**
	 * Published stories of a region and the regions below it (all regions when absent),
	 * newest first, for anyone.
	 * @throws ProblemException 400 {@code regionCode}
	 */
	public PageResult<StoryCard> published(String regionCode, PageQuery page) {
		String prefix = "";
		if (regionCode != null && !regionCode.isBlank()) {
			if (!Regions.isWellFormed(regionCode) || !this.regions.exists(regionCode)) {
				throw ProblemException.invalid(List.of(new FieldProblem("regionCode", "validation.regionCode")));
			}
			prefix = Regions.prefixOf(regionCode);
		}
		return named(this.repository.published(prefix, page));
	}

	/** The published stories that tell of a project, newest first. */
	public List<StoryCard> ofProject(UUID projectId, int limit) {
		return named(new PageResult<>(this.repository.publishedOfProject(projectId, limit), 0, limit, 0)).items();
	}

	/**
	 * The stories the caller may edit: those of the organizations they administer, and
	 * their own as an operator; the latest changed first.
	 */
	public PageResult<StoryCard> editable(Actor actor, PageQuery page) {
		Set<UUID> organizations = new LinkedHashSet<>();
		for (String scope : actor.scopesOf(Role.ORG_ADMIN)) {
			Ids.parse(scope).ifPresent(organizations::add);
		}
		return named(this.repository.editable(actor.accountId(), organizations, page));
	}

	/**
	 * The organizations the caller administers whose admins may write stories (active),
	 * for the form.
	 */
	public List<OrganizationView> writableOrganizations(Actor actor) {
		List<OrganizationView> found = new ArrayList<>();
		for (String scope : actor.scopesOf(Role.ORG_ADMIN)) {
			Ids.parse(scope).flatMap(this.organizations::find).filter(OrganizationView::isActive).ifPresent(found::add);
		}
		return found;
	}

	/** The regions the caller operates (codes), for an operator's form. */
	public List<String> operatedRegions(Actor actor) {
		return actor.scopesOf(Role.OPERATOR).stream().filter(Regions::isWellFormed).sorted().toList();
	}

	private Draft check(NewStory story, List<FieldProblem> problems) {
		String title = text(story.title(), "title", TITLE_LENGTH, problems);
		String summary = text(story.summary(), "summary", SUMMARY_LENGTH, problems);
		String body = text(story.body(), "body", BODY_LENGTH, problems);
		String region = null;
		if (story.regionCode() != null && !story.regionCode().isBlank()) {
			region = story.regionCode().strip();
			if (!Regions.isWellFormed(region) || !this.regions.exists(region) || Regions.NATIONAL.equals(region)) {
				problems.add(new FieldProblem("regionCode", "validation.regionCode"));
				region = null;
			}
		}
		Optional<UUID> activity = optionalId(story.activityId(), "activityId", problems);
		Optional<UUID> project = optionalId(story.projectId(), "projectId", problems);
		return new Draft(title, summary, body, region, activity.orElse(null), project.orElse(null));
	}

	/** The checked links: to the author's organization's (an operator's region's) own. */
	private Text links(Actor actor, UUID organization, Draft draft, List<FieldProblem> problems) {
		UUID project = draft.projectId();
		if (draft.activityId() != null) {
			Optional<ActivityView> activity = this.activities.find(draft.activityId())
				.filter((a) -> (organization != null) ? organization.equals(a.organizationId())
						: this.accessPolicy.operates(actor, a.regionCode()));
			if (activity.isEmpty()) {
				problems.add(new FieldProblem("activityId", "validation.story.activity"));
			}
			else if (project == null) {
				project = activity.get().projectId();
			}
		}
		if (draft.projectId() != null) {
			Optional<ProjectView> found = this.activities.findProject(draft.projectId())
				.filter((p) -> (organization != null) ? organization.equals(p.organizationId())
						: this.accessPolicy.operates(actor, p.regionCode()));
			if (found.isEmpty()) {
				problems.add(new FieldProblem("projectId", "validation.story.project"));
			}
		}
		return new Text(draft.title(), draft.summary(), draft.body(), draft.activityId(), project);
	}

	StoryView step(Actor actor, UUID id, String action, Function<StoryStatus, StoryStatus> change) {
		StoryView result = this.transaction.execute((status) -> {
			StoryStatus current = this.repository.lockStatus(id).orElseThrow(Stories::notFound);
			boolean editing = action.equals("story.update") || action.startsWith("story.image")
					|| action.equals("story.submit");
			if (editing && !current.editable()) {
				throw invalidState(current);
			}
			change.apply(current);
			StoryView view = require(id).view();
			this.auditLog.record(audit(action, actor, id, view.regionCode(), view.organizationId()));
			return view;
		});
		return named(result);
	}

	private static AuditRecord audit(String action, Actor actor, UUID id, String region, UUID organization) {
		AuditRecord record = AuditRecord.of(action, actor.accountId()).on("story", id).inRegion(region);
		return (organization != null) ? record.inOrganization(organization) : record;
	}

	Stored requireReadable(Actor actor, UUID id) {
		Stored stored = require(id);
		if (stored.view().status() != StoryStatus.PUBLISHED && !insider(actor, stored)) {
			throw notFound();
		}
		return stored;
	}

	private boolean insider(Actor actor, Stored stored) {
		return actor != null
				&& (isEditor(actor, stored) || this.accessPolicy.oversees(actor, stored.view().regionCode()));
	}

	private boolean isEditor(Actor actor, Stored stored) {
		if (actor == null) {
			return false;
		}
		UUID organization = stored.view().organizationId();
		return (organization != null) ? this.organizations.isAdmin(actor, organization)
				: actor.accountId().equals(stored.authorId());
	}

	void requireEditor(Actor actor, Stored stored) {
		if (!isEditor(actor, stored)) {
			throw ProblemException.forbidden("problem.forbidden.object");
		}
	}

	private Optional<Stored> find(UUID id) {
		return this.repository.find(id);
	}

	private Stored require(UUID id) {
		return this.repository.find(id).orElseThrow(Stories::notFound);
	}

	private StoryView named(StoryView view) {
		String organization = (view.organizationId() != null)
				? this.organizations.find(view.organizationId()).map(OrganizationView::name).orElse(null) : null;
		String activity = (view.activityId() != null)
				? this.activities.find(view.activityId()).map(ActivityView::title).orElse(null) : null;
		String project = (view.projectId() != null)
				? this.activities.findProject(view.projectId()).map(ProjectView::name).orElse(null) : null;
		return view.withNames(organization, activity, project);
	}

	PageResult<StoryCard> named(PageResult<StoryCard> page) {
		Map<UUID, String> names = new HashMap<>();
		return page.map((card) -> (card.organizationId() == null) ? card
				: new StoryCard(card.id(), card.title(), card.summary(), card.regionCode(), card.organizationId(),
						names.computeIfAbsent(card.organizationId(),
								(org) -> this.organizations.find(org).map(OrganizationView::name).orElse("")),
						card.status(), card.publishedAt(), card.updatedAt(), card.coverPath()));
	}

	private static String text(String value, String field, int max, List<FieldProblem> problems) {
		String text = (value != null) ? value.strip() : "";
		if (text.isEmpty() || text.length() > max) {
			problems.add(new FieldProblem(field, "validation.textRequired", max));
		}
		return text;
	}

	private static Optional<UUID> optionalId(String value, String field, List<FieldProblem> problems) {
		if (value == null || value.isBlank()) {
			return Optional.empty();
		}
		Optional<UUID> id = Ids.parse(value.strip());
		if (id.isEmpty()) {
			problems.add(new FieldProblem(field, "validation.unreadableValue"));
		}
		return id;
	}

	/**
	 * The image's type by its first bytes: JPEG and PNG must also decode (at most 8000 px
	 * a side), WebP must carry a VP8 chunk.
	 */
	static String imageType(byte[] image) {
		if (image == null || image.length == 0) {
			throw ProblemException.invalid(List.of(new FieldProblem("file", "validation.required")));
		}
		if (image.length > MAX_IMAGE_BYTES) {
			throw ProblemException.invalid(List.of(new FieldProblem("file", "validation.story.imageTooLarge")));
		}
		if (image.length > 16 && image[0] == 'R' && image[1] == 'I' && image[2] == 'F' && image[3] == 'F'
				&& image[8] == 'W' && image[9] == 'E' && image[10] == 'B' && image[11] == 'P' && image[12] == 'V'
				&& image[13] == 'P' && image[14] == '8') {
			return "image/webp";
		}
		String type = (image.length > 8 && (image[0] & 0xff) == 0x89 && image[1] == 'P' && image[2] == 'N'
				&& image[3] == 'G') ? "image/png"
						: ((image.length > 3 && (image[0] & 0xff) == 0xff && (image[1] & 0xff) == 0xd8
								&& (image[2] & 0xff) == 0xff) ? "image/jpeg" : null);
		int[] size = (type != null) ? dimensions(image) : null;
		if (size == null || size[0] < 1 || size[1] < 1 || size[0] > 8000 || size[1] > 8000) {
			throw ProblemException.invalid(List.of(new FieldProblem("file", "validation.story.imageType")));
		}
		return type;
	}

	/**
	 * The width and height from the image's header (nothing decoded), or {@code null}.
	 */
	private static int[] dimensions(byte[] image) {
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(image))) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
			if (in == null || !readers.hasNext()) {
				return null;
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				return new int[] { reader.getWidth(0), reader.getHeight(0) };
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	static ProblemException invalidState(StoryStatus current) {
		return ProblemException.conflict("INVALID_STATE", "story.invalidState", current.name());
	}

	private static ProblemException notFound() {
		return ProblemException.notFound("STORY_NOT_FOUND", "story.notFound");
	}

	static OffsetDateTime now() {
		return OffsetDateTime.now(ZoneOffset.UTC);
	}

	private record Draft(String title, String summary, String body, String regionCode, UUID activityId,
			UUID projectId) {

	}

}
