package org.zhiyuan.story.web;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.zhiyuan.access.Actor;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.shared.RequestFormats;
import org.zhiyuan.story.NewStory;
import org.zhiyuan.story.Stories;
import org.zhiyuan.story.StoryReviews;
import org.zhiyuan.story.StoryCard;
import org.zhiyuan.story.StoryDecision;
import org.zhiyuan.story.StoryImageFile;
import org.zhiyuan.story.StoryView;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * Stories (C19): writing them with their images, submitting, the operators' review and
 * take-down, and the public list and article.
 */
@RestController
@Tag(name = "Stories")
class StoryController {

	private final Stories stories;

	private final StoryReviews reviews;

	StoryController(Stories stories, StoryReviews reviews) {
		this.stories = stories;
		this.reviews = reviews;
	}

	@PostMapping("/api/v1/stories")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Write a story as a draft (an organization's admin for it, or an operator for a region)",
			description = "An admin names the organization; the region is then the organization's (or one below"
					+ " it). An operator leaves organizationId out and names a region they operate. activityId and"
					+ " projectId link an activity or a project of the organization (of the operator's region);"
					+ " a linked activity's project is linked too. With an Idempotency-Key header a repeat by the"
					+ " same person returns the first.")
	@ApiResponse(responseCode = "400",
			description = "VALIDATION_FAILED: organizationId, regionCode, title, summary,"
					+ " body, activityId, projectId, Idempotency-Key")
	@ApiResponse(responseCode = "404", description = "ORGANIZATION_NOT_FOUND")
	@ApiResponse(responseCode = "422", description = "ORGANIZATION_INACTIVE")
	StoryView create(@AuthenticationPrincipal Actor actor, @RequestBody StoryRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		return this.stories.create(actor, request.toStory(), idempotencyKey);
	}

	@GetMapping("/api/v1/stories")
	@Operation(summary = "Published stories of a region and the regions below it, newest first (anyone)",
			description = "All regions when regionCode is absent.")
	@ApiResponse(responseCode = "400", description = "VALIDATION_FAILED: regionCode, page, size")
	PageResult<StoryCard> published(@RequestParam(required = false) String regionCode,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.stories.published(regionCode, PageQuery.of(page, size));
	}

	@GetMapping("/api/v1/me/stories")
	@Operation(summary = "The stories the caller may edit: their organizations' and their own as an operator")
	PageResult<StoryCard> mine(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return this.stories.editable(actor, PageQuery.of(page, size));
	}

	@GetMapping("/api/v1/stories/review-queue")
	@Operation(summary = "The submitted stories of the caller's regions, the longest waiting first (operators)")
	PageResult<StoryCard> reviewQueue(@AuthenticationPrincipal Actor actor,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.reviews.reviewQueue(actor, PageQuery.of(page, size));
	}

	@GetMapping("/api/v1/stories/{id}")
	@Operation(summary = "A story (anyone when published; else those who edit it and its region's overseers)")
	@ApiResponse(responseCode = "404", description = "STORY_NOT_FOUND")
	StoryView story(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return this.stories.view(actor, id);
	}

	@PutMapping("/api/v1/stories/{id}")
	@Operation(summary = "Change a draft, returned or taken-down story (those who edit it)",
			description = "The organization stays.")
	@ApiResponse(responseCode = "400",
			description = "VALIDATION_FAILED: regionCode, title, summary, body, activityId, projectId")
	@ApiResponse(responseCode = "404", description = "STORY_NOT_FOUND")
	@ApiResponse(responseCode = "409", description = "INVALID_STATE: submitted or published")
	StoryView update(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody StoryChangeRequest request) {
		return this.stories.update(actor, id, new NewStory(null, request.regionCode(), request.title(),
				request.summary(), request.body(), request.activityId(), request.projectId()));
	}

	@PostMapping(path = "/api/v1/stories/{id}/images", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add an image to a story that can still be changed (JPEG, PNG or WebP, at most 2 MB; six a"
			+ " story)", description = "The type is taken from the file's first bytes, never from its name.")
	@ApiResponse(responseCode = "400", description = "VALIDATION_FAILED: file")
	@ApiResponse(responseCode = "404", description = "STORY_NOT_FOUND")
	@ApiResponse(responseCode = "409", description = "INVALID_STATE: submitted or published")
	StoryView addImage(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) MultipartFile file) {
		return this.stories.addImage(actor, id, bytesOf(file));
	}

	@GetMapping(path = "/api/v1/stories/{id}/images/{imageId}",
			produces = { MediaType.IMAGE_JPEG_VALUE, MediaType.IMAGE_PNG_VALUE, "image/webp" })
	@Operation(summary = "An image of a story (anyone when the story is published)",
			description = "An image never changes: a published story's is cached for a year.")
	@ApiResponse(responseCode = "404", description = "STORY_NOT_FOUND, IMAGE_NOT_FOUND")
	ResponseEntity<byte[]> image(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@PathVariable UUID imageId) {
		return imageResponse(this.stories.image(actor, id, imageId));
	}

	@DeleteMapping("/api/v1/stories/{id}/images/{imageId}")
	@Operation(summary = "Remove an image of a story that can still be changed (those who edit it)")
	@ApiResponse(responseCode = "404", description = "STORY_NOT_FOUND, IMAGE_NOT_FOUND")
	@ApiResponse(responseCode = "409", description = "INVALID_STATE: submitted or published")
	StoryView removeImage(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @PathVariable UUID imageId) {
		return this.stories.removeImage(actor, id, imageId);
	}

	@PostMapping("/api/v1/stories/{id}/submission")
	@Operation(summary = "Submit a story for review by an operator of its region (those who edit it)")
	@ApiResponse(responseCode = "404", description = "STORY_NOT_FOUND")
	@ApiResponse(responseCode = "409", description = "INVALID_STATE: already submitted or published")
	StoryView submit(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return this.reviews.submit(actor, id);
	}

	@PostMapping("/api/v1/stories/{id}/review")
	@Operation(summary = "Publish a submitted story, or return it with a note (an operator of its region)",
			description = "Operators may publish their own stories.")
	@ApiResponse(responseCode = "400", description = "VALIDATION_FAILED: decision, note (required to return)")
	@ApiResponse(responseCode = "404", description = "STORY_NOT_FOUND")
	@ApiResponse(responseCode = "409", description = "INVALID_STATE: not submitted")
	StoryView review(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody StoryReviewRequest request) {
		return this.reviews.review(actor, id, request.decision(), request.note());
	}

	@PostMapping("/api/v1/stories/{id}/withdrawal")
	@Operation(summary = "Take a submitted or published story back to a draft (those who edit it)")
	@ApiResponse(responseCode = "404", description = "STORY_NOT_FOUND")
	@ApiResponse(responseCode = "409", description = "INVALID_STATE: neither submitted nor published")
	StoryView withdraw(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return this.reviews.withdraw(actor, id);
	}

	@PostMapping("/api/v1/stories/{id}/take-down")
	@Operation(summary = "Take a published story down with a reason (an operator of its region)")
	@ApiResponse(responseCode = "400", description = "VALIDATION_FAILED: reason")
	@ApiResponse(responseCode = "404", description = "STORY_NOT_FOUND")
	@ApiResponse(responseCode = "409", description = "INVALID_STATE: not published")
	StoryView takeDown(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody StoryTakeDownRequest request) {
		return this.reviews.takeDown(actor, id, request.reason());
	}

	static ResponseEntity<byte[]> imageResponse(StoryImageFile file) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.contentType()))
			.cacheControl(file.published() ? CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable()
					: CacheControl.noStore())
			.header("X-Content-Type-Options", "nosniff")
			.body(file.bytes());
	}

	static byte[] bytesOf(MultipartFile file) {
		if (file == null || file.isEmpty()) {
			throw ProblemException.invalid(List.of(new FieldProblem("file", "validation.required")));
		}
		if (file.getSize() > Stories.MAX_IMAGE_BYTES) {
			throw ProblemException.invalid(List.of(new FieldProblem("file", "validation.story.imageTooLarge")));
		}
		try {
			return file.getBytes();
		}
		catch (IOException ex) {
			throw ProblemException.invalid(List.of(new FieldProblem("file", "validation.unreadableValue")));
		}
	}

	/** A story as written. */
	record StoryRequest(@Schema(format = "uuid",
			description = "The organization it speaks for (its admins); absent for an operator's story") String organizationId,
			@Schema(description = "The organization's region or one below it; required of an operator", minLength = 6,
					maxLength = 12, pattern = RequestFormats.REGION_CODE) String regionCode,
			@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 60) String title,
			@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 120) String summary,
			@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 5000,
					description = "Plain text; paragraphs separated by line breaks") String body,
			@Schema(format = "uuid") String activityId, @Schema(format = "uuid") String projectId) {

		NewStory toStory() {
			return new NewStory(this.organizationId, this.regionCode, this.title, this.summary, this.body,
					this.activityId, this.projectId);
		}

	}

	/** A story as changed: the organization stays. */
	record StoryChangeRequest(
			@Schema(description = "The organization's region or one below it (an operator's: one they operate);"
					+ " unchanged when absent", minLength = 6, maxLength = 12,
					pattern = RequestFormats.REGION_CODE) String regionCode,
			@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 60) String title,
			@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 120) String summary,
			@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 5000,
					description = "Plain text; paragraphs separated by line breaks") String body,
			@Schema(format = "uuid") String activityId, @Schema(format = "uuid") String projectId) {

	}

	/** An operator's review. */
	record StoryReviewRequest(@Schema(requiredMode = REQUIRED, implementation = StoryDecision.class) String decision,
			@Schema(maxLength = 500, description = "Required to return the story") String note) {

	}

	/** Why a published story is taken down. */
	record StoryTakeDownRequest(@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 500) String reason) {

	}

}
