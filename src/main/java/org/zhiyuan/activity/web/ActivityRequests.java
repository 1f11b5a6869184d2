package org.zhiyuan.activity.web;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Size;
import org.zhiyuan.activity.ActivityStatus;
import org.zhiyuan.activity.ActivityView;
import org.zhiyuan.activity.ApprovalMode;
import org.zhiyuan.activity.NewActivity;
import org.zhiyuan.activity.RecruitmentMode;
import org.zhiyuan.activity.RiskLevel;
import org.zhiyuan.shared.Enums;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.shared.ServiceField;

/**
 * The activity API's bodies, per API.md; enum values arrive as text so every bad field is
 * reported.
 */
final class ActivityRequests {

	private ActivityRequests() {
	}

	record ActivityRequest(UUID organizationId, UUID projectId, @Size(max = 200) String title,
			@Size(max = 8000) String description, String category, @Size(max = 12) String regionCode,
			@Size(max = 400) String address, Location location, Integer geofenceMeters, OffsetDateTime startsAt,
			OffsetDateTime endsAt, @Size(max = 100) List<PositionRequest> positions, String approval,
			OffsetDateTime signupDeadline, Boolean waitlist, String riskLevel, Boolean timeBankEligible,
			String recruitmentMode, @Size(max = 4000) String risksAndProtections, @Size(max = 100) String contactName,
			@Size(max = 30) String contactPhone) {

		NewActivity toNewActivity() {
			List<FieldProblem> problems = new ArrayList<>();
			ServiceField field = Enums.parse(ServiceField.class, this.category, "category", problems);
			ApprovalMode approvalMode = Enums.parse(ApprovalMode.class, this.approval, "approval", problems);
			RiskLevel risk = Enums.parse(RiskLevel.class, this.riskLevel, "riskLevel", problems);
			RecruitmentMode mode = Enums.parse(RecruitmentMode.class, this.recruitmentMode, "recruitmentMode",
					problems);
			if (!problems.isEmpty()) {
				throw ProblemException.invalid(problems);
			}
			List<NewActivity.NewPosition> newPositions = (this.positions != null) ? this.positions.stream()
				.map((p) -> (p != null) ? new NewActivity.NewPosition(p.name(), p.capacity(), p.minAge(), p.maxAge(),
						p.qualifications()) : null)
				.toList() : List.of();
			return new NewActivity(this.organizationId, this.projectId, this.title, this.description, field,
					this.regionCode, this.address, (this.location != null) ? this.location.lat() : null,
					(this.location != null) ? this.location.lng() : null, this.geofenceMeters, this.startsAt,
					this.endsAt, this.signupDeadline, approvalMode, !Boolean.FALSE.equals(this.waitlist), risk, mode,
					Boolean.TRUE.equals(this.timeBankEligible), this.risksAndProtections, this.contactName,
					this.contactPhone, newPositions);
		}

	}

	record Location(Double lat, Double lng) {

	}

	record PositionRequest(@Size(max = 120) String name, Integer capacity, Integer minAge, Integer maxAge,
			@Size(max = 20) List<String> qualifications) {

	}

	record ReasonRequest(@Size(max = 500) String reason) {

	}

	/**
	 * An activity in the API's shape: location as an object, the field as
	 * {@code category}.
	 */
	record ActivityResponse(UUID id, UUID organizationId, String organizationName, UUID projectId, String title,
			String description, ServiceField category, String regionCode, String address, Location location,
			int geofenceMeters, OffsetDateTime startsAt, OffsetDateTime endsAt, OffsetDateTime signupDeadline,
			ApprovalMode approval, boolean waitlist, RiskLevel riskLevel, RecruitmentMode recruitmentMode,
			boolean timeBankEligible, String risksAndProtections, String contactName, String contactPhoneMasked,
			ActivityStatus status, String cancelReason, int capacity, int accepted,
			List<ActivityView.PositionView> positions, Double distanceKm) {

		static ActivityResponse of(ActivityView a) {
			return new ActivityResponse(a.id(), a.organizationId(), a.organizationName(), a.projectId(), a.title(),
					a.description(), a.field(), a.regionCode(), a.address(),
					(a.lat() != null) ? new Location(a.lat(), a.lng()) : null, a.geofenceMeters(), a.startsAt(),
					a.endsAt(), a.signupDeadline(), a.approval(), a.waitlist(), a.riskLevel(), a.recruitmentMode(),
					a.timeBankEligible(), a.risksAndProtections(), a.contactName(), a.contactPhoneMasked(), a.status(),
					a.cancelReason(), a.capacity(), a.accepted(), a.positions(), a.distanceKm());
		}

	}

}
