package org.zhiyuan.insurance;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.zhiyuan.access.Actor;
import org.zhiyuan.activity.ActivityView;
import org.zhiyuan.activity.RiskLevel;
import org.zhiyuan.signup.RosterContributor;
import org.zhiyuan.signup.RosterPart;
import org.zhiyuan.signup.SignupStatus;
import org.zhiyuan.signup.SignupView;

import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The roster of a high-risk activity marks the accepted volunteers who are not insured on
 * its days, and offers its organization's admins to insure them all under a policy that
 * covers the activity.
 */
@Component
class InsuranceRoster implements RosterContributor {

	private final InsurancePolicies insurance;

	InsuranceRoster(@Lazy InsurancePolicies insurance) {
		this.insurance = insurance;
	}

	@Override
	public Optional<RosterPart> partFor(Actor actor, ActivityView activity, List<SignupView> roster) {
		if (activity.riskLevel() != RiskLevel.HIGH) {
			return Optional.empty();
		}
		List<UUID> accepted = roster.stream()
			.filter((s) -> s.status() == SignupStatus.APPROVED)
			.map(SignupView::volunteerId)
			.toList();
		Map<UUID, LocalDate> bare = this.insurance.uninsured(activity, accepted);
		Map<UUID, String> marks = new LinkedHashMap<>();
		bare.keySet().forEach((volunteer) -> marks.put(volunteer, "insurance.roster.uninsured"));
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("activityId", activity.id());
		model.put("organizationId", activity.organizationId());
		model.put("accepted", accepted.size());
		model.put("uninsured", bare.size());
		boolean manages = this.insurance.mayManage(actor, activity.organizationId());
		model.put("manages", manages);
		model.put("policies", manages ? this.insurance.policiesCovering(activity) : List.of());
		return Optional.of(new RosterPart(marks, "insurance/roster", "panel", model));
	}

}
