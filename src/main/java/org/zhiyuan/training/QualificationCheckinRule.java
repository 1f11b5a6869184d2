package org.zhiyuan.training;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.zhiyuan.activity.ActivityView;
import org.zhiyuan.activity.ActivityView.PositionView;
import org.zhiyuan.attendance.CheckinRule;
import org.zhiyuan.signup.Signups;
import org.zhiyuan.volunteer.Volunteers;

import org.springframework.stereotype.Component;

/**
 * At every check-in, the qualifications the volunteer's positions require are checked
 * again, as at sign-up: one that has expired since (or was removed) refuses the check-in
 * with the same sentence, "急救证书已于 3 天前过期".
 */
@Component
class QualificationCheckinRule implements CheckinRule {

	private final Signups signups;

	private final Volunteers volunteers;

	QualificationCheckinRule(Signups signups, Volunteers volunteers) {
		this.signups = signups;
		this.volunteers = volunteers;
	}

	@Override
	public void check(UUID volunteerId, ActivityView activity, OffsetDateTime at) {
		if (activity.positions().stream().allMatch((p) -> p.qualifications().isEmpty())) {
			// nothing to check: the volunteer's positions are not read
			return;
		}
		List<UUID> held = this.signups.approvedPositions(volunteerId, activity.id());
		List<String> required = activity.positions()
			.stream()
			.filter((p) -> held.contains(p.id()))
			.map(PositionView::qualifications)
			.flatMap(List::stream)
			.distinct()
			.toList();
		this.volunteers.requireQualifications(volunteerId, required, activity.endsAt());
	}

}
