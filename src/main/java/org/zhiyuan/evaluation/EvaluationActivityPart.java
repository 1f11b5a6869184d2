package org.zhiyuan.evaluation;

import java.util.Map;
import java.util.Optional;

import org.zhiyuan.access.Actor;
import org.zhiyuan.activity.ActivityPageContributor;
import org.zhiyuan.activity.ActivityPagePart;
import org.zhiyuan.activity.ActivityStatus;
import org.zhiyuan.activity.ActivityView;

import org.springframework.stereotype.Component;

/**
 * An activity's page shows the summary of the volunteers' ratings once it has any, or
 * once it has finished: how many, the average, the stars given and recent comments, with
 * no names, the same for everyone.
 */
@Component
class EvaluationActivityPart implements ActivityPageContributor {

	private final Evaluations evaluations;

	EvaluationActivityPart(Evaluations evaluations) {
		this.evaluations = evaluations;
	}

	@Override
	public Optional<ActivityPagePart> partFor(Actor actor, ActivityView activity) {
		RatingSummary summary = this.evaluations.summaryOf(activity.id());
		boolean over = activity.status() == ActivityStatus.FINISHED || activity.status() == ActivityStatus.ARCHIVED;
		if (summary.count() == 0 && !over) {
			return Optional.empty();
		}
		return Optional.of(new ActivityPagePart("evaluation/activity-part", "part", Map.of("summary", summary)));
	}

}
