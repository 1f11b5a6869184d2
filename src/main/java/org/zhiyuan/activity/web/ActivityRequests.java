package org.zhiyuan.activity.web;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
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
import org.zhiyuan.shared.RequestFormats;
import org.zhiyuan.shared.ServiceField;
import org.zhiyuan.shared.identity.Gender;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * The activity API's bodies, per API.md; enum values arrive as text so every bad field is
 * reported.
 */
final class ActivityRequests {

	private ActivityRequests() {
	}

	record ActivityRequest(@Schema(requiredMode = REQUIRED) UUID organizationId, UUID projectId,
			@Size(max = 200) @Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 100) String title,
			@Size(max = 8000) @Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 4000) String description,
			@Schema(requiredMode = REQUIRED, implementation = ServiceField.class) String category,
			@Size(max = 12) @Schema(requiredMode = REQUIRED, minLength = 6, maxLength = 12,
					pattern = RequestFormats.REGION_CODE) String regionCode,
			@Size(max = 400) @Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 200) String address,
			Location location,
			@Schema(minimum = "50", maximum = "5000", description = "Default 200") Integer geofenceMeters,
			@Schema(requiredMode = REQUIRED) OffsetDateTime startsAt,
			@Schema(requiredMode = REQUIRED) OffsetDateTime endsAt,
			@Size(max = 100) @ArraySchema(arraySchema = @Schema(requiredMode = REQUIRED), minItems = 1,
					maxItems = 50) List<PositionRequest> positions,
			@Schema(implementation = ApprovalMode.class, description = "Default AUTO") String approval,
			OffsetDateTime signupDeadline, Boolean waitlist,
			@Schema(implementation = RiskLevel.class, description = "Default LOW") String riskLevel,
			Boolean timeBankEligible,
			@Schema(implementation = RecruitmentMode.class, description = "Default REGULAR") String recruitmentMode,
			@Size(max = 4000) @Schema(maxLength = 2000) String risksAndProtections,
			@Size(max = 100) @Schema(maxLength = 50) String contactName,
			@Size(max = 30) @Schema(pattern = RequestFormats.MOBILE_PHONE) String contactPhone) {

		NewActivity toNewActivity() {
			List<FieldProblem> problems = new ArrayList<>();
			ServiceField field = Enums.parse(ServiceField.class, this.category, "category", problems);
			ApprovalMode approvalMode = Enums.parse(ApprovalMode.class, this.approval, "approval", problems);
			RiskLevel risk = Enums.parse(RiskLevel.class, this.riskLevel, "riskLevel", problems);
			RecruitmentMode mode = Enums.parse(RecruitmentMode.class, this.recruitmentMode, "recruitmentMode",
					problems);
			List<NewActivity.NewPosition> newPositions = new ArrayList<>();
			for (int i = 0; this.positions != null && i < this.positions.size(); i++) {
				PositionRequest p = this.positions.get(i);
				newPositions.add((p != null) ? p.toNewPosition(i, problems) : null);
			}
			if (!problems.isEmpty()) {
				throw ProblemException.invalid(problems);
			}
			return new NewActivity(this.organizationId, this.projectId, this.title, this.description, field,
					this.regionCode, this.address, (this.location != null) ? this.location.lat() : null,
					(this.location != null) ? this.location.lng() : null, this.geofenceMeters, this.startsAt,
					this.endsAt, this.signupDeadline, approvalMode, !Boolean.FALSE.equals(this.waitlist), risk, mode,
					Boolean.TRUE.equals(this.timeBankEligible), this.risksAndProtections, this.contactName,
					this.contactPhone, newPositions);
		}

	}

	/**
	 * An activity that already took place: an activity's fields without those of
	 * recruitment (approval, deadline, waiting list, time bank), which it never has.
	 */
	record PastActivity(@Schema(requiredMode = REQUIRED) UUID organizationId, UUID projectId,
			@Size(max = 200) @Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 100) String title,
			@Size(max = 8000) @Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 4000) String description,
			@Schema(requiredMode = REQUIRED, implementation = ServiceField.class) String category,
			@Size(max = 12) @Schema(requiredMode = REQUIRED, minLength = 6, maxLength = 12,
					pattern = RequestFormats.REGION_CODE) String regionCode,
			@Size(max = 400) @Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 200) String address,
			Location location,
			@Schema(minimum = "50", maximum = "5000", description = "Default 200") Integer geofenceMeters,
			@Schema(requiredMode = REQUIRED) OffsetDateTime startsAt,
			@Schema(requiredMode = REQUIRED) OffsetDateTime endsAt,
			@Size(max = 100) @ArraySchema(arraySchema = @Schema(requiredMode = REQUIRED), minItems = 1,
					maxItems = 50) List<PositionRequest> positions,
			@Schema(implementation = RiskLevel.class, description = "Default LOW") String riskLevel,
			@Schema(implementation = RecruitmentMode.class, description = "Default REGULAR") String recruitmentMode,
			@Size(max = 4000) @Schema(maxLength = 2000) String risksAndProtections,
			@Size(max = 100) @Schema(maxLength = 50) String contactName,
			@Size(max = 30) @Schema(pattern = RequestFormats.MOBILE_PHONE) String contactPhone) {

		ActivityRequest asActivity() {
			return new ActivityRequest(this.organizationId, this.projectId, this.title, this.description, this.category,
					this.regionCode, this.address, this.location, this.geofenceMeters, this.startsAt, this.endsAt,
					this.positions, null, null, null, this.riskLevel, null, this.recruitmentMode,
					this.risksAndProtections, this.contactName, this.contactPhone);
		}

	}

	record PastActivityRequest(@Valid @Schema(requiredMode = REQUIRED) PastActivity activity,
			@Size(max = 1000) @Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 500) String reason) {

		NewActivity toNewActivity() {
			if (this.activity == null) {
				throw ProblemException.invalid(List.of(new FieldProblem("activity", "validation.required")));
			}
			return this.activity.asActivity().toNewActivity();
		}

	}

	record Location(@Schema(requiredMode = REQUIRED, minimum = "-90", maximum = "90") Double lat,
			@Schema(requiredMode = REQUIRED, minimum = "-180", maximum = "180") Double lng) {

	}

	record PositionRequest(@Size(max = 120) @Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 60) String name,
			@Schema(requiredMode = REQUIRED, minimum = "1", maximum = "100000") Integer capacity,
			@Schema(minimum = "14", maximum = "100",
					description = "Default 14, or 18 for an emergency recruitment, which takes no one younger") Integer minAge,
			@Schema(minimum = "14", maximum = "100") Integer maxAge,
			@Size(max = 20) @ArraySchema(maxItems = 10,
					schema = @Schema(minLength = 1, maxLength = 100,
							description = "A code of GET /api/v1/qualification-codes, e.g. FIRST_AID (the exact name"
									+ " of a listed code is taken as its code)")) List<String> qualifications,
			@Schema(description = "With endsAt: the position is a shift within the activity's time") OffsetDateTime startsAt,
			OffsetDateTime endsAt,
			@Schema(implementation = Gender.class, description = "Only volunteers of this gender") String gender,
			@Schema(minimum = "0", maximum = "10000",
					description = "Services the volunteer must have done before") Integer minServices,
			@Schema(type = "string", format = "decimal", pattern = RequestFormats.HOURS, example = "20.00",
					description = "Hours of service the volunteer must have, 0 to 100000") BigDecimal minHours,
			@Schema(minimum = "0", maximum = "200",
					description = "The volunteer credit score (志愿信用) the volunteer must have at sign-up") Integer minCreditScore) {

		NewActivity.NewPosition toNewPosition(int index, List<FieldProblem> problems) {
			Gender parsedGender = Enums.parse(Gender.class, this.gender, "positions[" + index + "].gender", problems);
			return new NewActivity.NewPosition(this.name, this.capacity, this.minAge, this.maxAge, this.qualifications,
					this.startsAt, this.endsAt, parsedGender, this.minServices, this.minHours, this.minCreditScore);
		}

	}

	@Schema(name = "ActivityCancellationRequest")
	record ReasonRequest(@Size(max = 500) @Schema(requiredMode = REQUIRED, minLength = 1) String reason) {

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
