package org.zhiyuan.activity;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.zhiyuan.shared.ServiceField;
import org.zhiyuan.shared.identity.Gender;

/** An activity as the organizer submits it, before any check. */
public record NewActivity(UUID organizationId, UUID projectId, String title, String description, ServiceField field,
		String regionCode, String address, Double lat, Double lng, Integer geofenceMeters, OffsetDateTime startsAt,
		OffsetDateTime endsAt, OffsetDateTime signupDeadline, ApprovalMode approval, boolean waitlist,
		RiskLevel riskLevel, RecruitmentMode recruitmentMode, boolean timeBankEligible, String risksAndProtections,
		String contactName, String contactPhone, List<NewPosition> positions) {

	/**
	 * A position (岗位) with its capacity and requirements; with {@code startsAt} and
	 * {@code endsAt} it is a shift within the activity's time, else it lasts as long as
	 * the activity.
	 */
	public record NewPosition(String name, Integer capacity, Integer minAge, Integer maxAge,
			List<String> qualifications, OffsetDateTime startsAt, OffsetDateTime endsAt, Gender gender,
			Integer minServices, BigDecimal minHours, Integer minCreditScore) {

		public NewPosition(String name, Integer capacity, Integer minAge, Integer maxAge, List<String> qualifications) {
			this(name, capacity, minAge, maxAge, qualifications, null, null, null, null, null, null);
		}

		/** A position that asks for no credit score. */
		public NewPosition(String name, Integer capacity, Integer minAge, Integer maxAge, List<String> qualifications,
				OffsetDateTime startsAt, OffsetDateTime endsAt, Gender gender, Integer minServices,
				BigDecimal minHours) {
			this(name, capacity, minAge, maxAge, qualifications, startsAt, endsAt, gender, minServices, minHours, null);
		}

		/** The same position with other age limits. */
		NewPosition withMinAge(Integer age) {
			return new NewPosition(this.name, this.capacity, age, this.maxAge, this.qualifications, this.startsAt,
					this.endsAt, this.gender, this.minServices, this.minHours, this.minCreditScore);
		}

		/** The same position requiring these qualifications. */
		NewPosition withQualifications(List<String> required) {
			return new NewPosition(this.name, this.capacity, this.minAge, this.maxAge, required, this.startsAt,
					this.endsAt, this.gender, this.minServices, this.minHours, this.minCreditScore);
		}

	}

	/** The same activity with these positions. */
	NewActivity withPositions(List<NewPosition> others) {
		return new NewActivity(this.organizationId, this.projectId, this.title, this.description, this.field,
				this.regionCode, this.address, this.lat, this.lng, this.geofenceMeters, this.startsAt, this.endsAt,
				this.signupDeadline, this.approval, this.waitlist, this.riskLevel, this.recruitmentMode,
				this.timeBankEligible, this.risksAndProtections, this.contactName, this.contactPhone, others);
	}

}
