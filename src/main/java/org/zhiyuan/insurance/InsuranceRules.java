package org.zhiyuan.insurance;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.zhiyuan.activity.ActivityView;
import org.zhiyuan.activity.PublicationRule;
import org.zhiyuan.attendance.CheckinRule;

import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Insurance as a condition of a high-risk activity: of its publication (the
 * organization's policies cover its days) and of each check-in (the volunteer is insured
 * on its days).
 */
@Component
class InsuranceRules implements PublicationRule, CheckinRule {

	private final InsurancePolicies insurance;

	InsuranceRules(@Lazy InsurancePolicies insurance) {
		this.insurance = insurance;
	}

	@Override
	public void check(ActivityView activity) {
		this.insurance.checkPublication(activity);
	}

	@Override
	public void check(UUID volunteerId, ActivityView activity, OffsetDateTime at) {
		this.insurance.checkCheckin(volunteerId, activity);
	}

}
