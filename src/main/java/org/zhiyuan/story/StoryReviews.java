package org.zhiyuan.story;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.zhiyuan.access.AccessPolicy;
import org.zhiyuan.access.Actor;
import org.zhiyuan.access.Role;
import org.zhiyuan.notification.NotificationKind;
import org.zhiyuan.notification.NotificationRequest;
import org.zhiyuan.notification.Notifications;
import org.zhiyuan.region.Region;
import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.Enums;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.story.StoryRepository.Stored;

import org.springframework.stereotype.Service;

/**
 * A story's way to the public: its editors submit it, an operator of its region publishes
 * it or returns it with a note, the editors may withdraw it, an operator may take it down
 * with a reason. The region's operators (and those above) are told of each submission;
 * the author of each decision. Every step is audited.
 */
@Service
public class StoryReviews {

	/**
	 * The operators whose scope is one of {@code :codes}: those of a region and above.
	 */
	private static final String OPERATOR_ACCOUNTS = "SELECT DISTINCT account_id FROM account_grant"
			+ " WHERE role = 'OPERATOR' AND scope IN (:codes)";

	private final Stories stories;

	private final StoryRepository repository;

	private final AccessPolicy accessPolicy;

	private final Regions regions;

	private final Notifications notifications;

	StoryReviews(Stories stories, StoryRepository repository, AccessPolicy accessPolicy, Regions regions,
			Notifications notifications) {
		this.stories = stories;
		this.repository = repository;
		this.accessPolicy = accessPolicy;
		this.regions = regions;
		this.notifications = notifications;
	}

	/**
	 * Submits a story for review (those who edit it); the operators of its region are
	 * told.
	 * @throws ProblemException 409 {@code INVALID_STATE} unless a draft, returned or
	 * taken down
	 */
	public StoryView submit(Actor actor, UUID id) {
		Stored stored = this.stories.requireReadable(actor, id);
		this.stories.requireEditor(actor, stored);
		StoryView submitted = this.stories.step(actor, id, "story.submit", (current) -> {
			this.repository.changeStatus(id, StoryStatus.SUBMITTED, Stories.now());
			return StoryStatus.SUBMITTED;
		});
		List<String> codes = new ArrayList<>(
				this.regions.path(submitted.regionCode()).stream().map(Region::code).toList());
		codes.add(Regions.NATIONAL);
		// the template's account is ignored: each operator gets one, once per submission
		this.notifications.sendToEach(OPERATOR_ACCOUNTS, Map.of("codes", codes),
				new NotificationRequest(actor.accountId(), NotificationKind.GENERAL, "notice.story.submitted",
						List.of(submitted.title()), "/stories/review",
						"story.submitted:" + id + ":" + submitted.submittedAt().toInstant().toEpochMilli()));
		return submitted;
	}

	/**
	 * An operator of the story's region publishes a submitted story, or returns it with a
	 * note; the author is told.
	 * @throws ProblemException 400 {@code decision}, {@code note}; 403; 409
	 * {@code INVALID_STATE} unless submitted
	 */
	public StoryView review(Actor actor, UUID id, String decisionText, String noteText) {
		List<FieldProblem> problems = new ArrayList<>();
		StoryDecision decision = Enums.parse(StoryDecision.class, decisionText, "decision", problems);
		if (decisionText == null || decisionText.isBlank()) {
			problems.add(new FieldProblem("decision", "validation.required"));
		}
		String note = (noteText != null && !noteText.isBlank()) ? noteText.strip() : null;
		if ((note == null && decision == StoryDecision.RETURN)
				|| (note != null && note.length() > Stories.NOTE_LENGTH)) {
			problems.add(new FieldProblem("note", "validation.textRequired", Stories.NOTE_LENGTH));
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		Stored stored = this.stories.requireReadable(actor, id);
		this.accessPolicy.requireOperatorOf(actor, stored.view().regionCode());
		StoryStatus to = (decision == StoryDecision.PUBLISH) ? StoryStatus.PUBLISHED : StoryStatus.RETURNED;
		StoryView reviewed = this.stories.step(actor, id, "story." + decision.name().toLowerCase(Locale.ROOT),
				(current) -> {
					if (current != StoryStatus.SUBMITTED) {
						throw Stories.invalidState(current);
					}
					this.repository.review(id, to, note, actor.accountId(), Stories.now());
					return to;
				});
		tellAuthor(actor, stored, reviewed,
				(to == StoryStatus.PUBLISHED) ? "notice.story.published" : "notice.story.returned");
		return reviewed;
	}

	/**
	 * Those who edit a submitted or published story take it back to a draft.
	 * @throws ProblemException 409 {@code INVALID_STATE} otherwise
	 */
	public StoryView withdraw(Actor actor, UUID id) {
		Stored stored = this.stories.requireReadable(actor, id);
		this.stories.requireEditor(actor, stored);
		return this.stories.step(actor, id, "story.withdraw", (current) -> {
			if (current != StoryStatus.SUBMITTED && current != StoryStatus.PUBLISHED) {
				throw Stories.invalidState(current);
			}
			this.repository.changeStatus(id, StoryStatus.DRAFT, Stories.now());
			return StoryStatus.DRAFT;
		});
	}

	/**
	 * An operator of the story's region takes a published story down, with the reason its
	 * authors see; the author is told.
	 * @throws ProblemException 400 {@code reason}; 403; 409 {@code INVALID_STATE} unless
	 * published
	 */
	public StoryView takeDown(Actor actor, UUID id, String reasonText) {
		String reason = (reasonText != null) ? reasonText.strip() : "";
		if (reason.isEmpty() || reason.length() > Stories.NOTE_LENGTH) {
			throw ProblemException
				.invalid(List.of(new FieldProblem("reason", "validation.textRequired", Stories.NOTE_LENGTH)));
		}
		Stored stored = this.stories.requireReadable(actor, id);
		this.accessPolicy.requireOperatorOf(actor, stored.view().regionCode());
		StoryView taken = this.stories.step(actor, id, "story.take-down", (current) -> {
			if (current != StoryStatus.PUBLISHED) {
				throw Stories.invalidState(current);
			}
			this.repository.review(id, StoryStatus.TAKEN_DOWN, reason, actor.accountId(), Stories.now());
			return StoryStatus.TAKEN_DOWN;
		});
		tellAuthor(actor, stored, taken, "notice.story.takenDown");
		return taken;
	}

	/**
	 * The submitted stories of the regions the operator operates, the longest waiting
	 * first.
	 * @throws ProblemException 403 for anyone but an operator
	 */
	public PageResult<StoryCard> reviewQueue(Actor actor, PageQuery page) {
		Set<String> scopes = (actor != null) ? actor.scopesOf(Role.OPERATOR) : Set.of();
		if (scopes.isEmpty()) {
			throw ProblemException.forbidden("problem.forbidden.region");
		}
		Set<String> prefixes = new LinkedHashSet<>();
		for (String scope : scopes) {
			if (Regions.isWellFormed(scope)) {
				prefixes.add(Regions.prefixOf(scope));
			}
		}
		if (prefixes.contains("")) {
			prefixes = Set.of("");
		}
		return this.stories.named(this.repository.submitted(prefixes, page));
	}

	/** The story's author learns of a decision taken by someone else. */
	private void tellAuthor(Actor actor, Stored stored, StoryView story, String key) {
		if (stored.authorId() != null && !stored.authorId().equals(actor.accountId())) {
			this.notifications.send(new NotificationRequest(stored.authorId(), NotificationKind.GENERAL, key,
					List.of(story.title()), "/stories/" + story.id(), null));
		}
	}

}
