package org.zhiyuan.activity;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.zhiyuan.shared.ServiceField;
import org.zhiyuan.shared.identity.Gender;

/**
 * An activity with its recruitment notice and positions (with capacity and accepted
 * counts). The contact phone is masked; no other personal data is held here.
 */
public record ActivityView(UUID id, UUID organizationId, String organizationName, UUID projectId, String title,
		String description, ServiceField field, String regionCode, String address, Double lat, Double lng,
		int geofenceMeters, OffsetDateTime startsAt, OffsetDateTime endsAt, OffsetDateTime signupDeadline,
		ApprovalMode approval, boolean waitlist, RiskLevel riskLevel, RecruitmentMode recruitmentMode,
		boolean timeBankEligible, String risksAndProtections, String contactName, String contactPhoneMasked,
		ActivityStatus status, String cancelReason, List<PositionView> positions, Double distanceKm) {

	public int capacity() {
		return this.positions.stream().mapToInt(PositionView::capacity).sum();
	}

	public int accepted() {
		return this.positions.stream().mapToInt(PositionView::accepted).sum();
	}

	public boolean isOpenForSignup(OffsetDateTime now) {
		return this.status == ActivityStatus.RECRUITING && now.isBefore(this.signupDeadline);
	}

	public ActivityView withDistance(Double km) {
		return new ActivityView(this.id, this.organizationId, this.organizationName, this.projectId, this.title,
				this.description, this.field, this.regionCode, this.address, this.lat, this.lng, this.geofenceMeters,
				this.startsAt, this.endsAt, this.signupDeadline, this.approval, this.waitlist, this.riskLevel,
				this.recruitmentMode, this.timeBankEligible, this.risksAndProtections, this.contactName,
				this.contactPhoneMasked, this.status, this.cancelReason, this.positions, km);
	}

	/** The same activity with the positions read for it. */
	ActivityView withPositions(List<PositionView> read) {
		return new ActivityView(this.id, this.organizationId, this.organizationName, this.projectId, this.title,
				this.description, this.field, this.regionCode, this.address, this.lat, this.lng, this.geofenceMeters,
				this.startsAt, this.endsAt, this.signupDeadline, this.approval, this.waitlist, this.riskLevel,
				this.recruitmentMode, this.timeBankEligible, this.risksAndProtections, this.contactName,
				this.contactPhoneMasked, this.status, this.cancelReason, List.copyOf(read), this.distanceKm);
	}

	/**
	 * A position with its places and requirements; {@code startsAt}/{@code endsAt} are
	 * its own shift, or {@code null} when it lasts as long as the activity.
	 */
	public record PositionView(UUID id, String name, int capacity, int accepted, Integer minAge, Integer maxAge,
			List<String> qualifications, OffsetDateTime startsAt, OffsetDateTime endsAt, Gender gender,
			Integer minServices, BigDecimal minHours, Integer minCreditScore) {

		public PositionView(UUID id, String name, int capacity, int accepted, Integer minAge, Integer maxAge,
				List<String> qualifications) {
			this(id, name, capacity, accepted, minAge, maxAge, qualifications, null, null, null, null, null, null);
		}

		public int free() {
			return this.capacity - this.accepted;
		}

		/** Whether the position is a shift with a time window of its own. */
		public boolean isShift() {
			return this.startsAt != null && this.endsAt != null;
		}

	}

	/** When the position begins: its shift's start, or the activity's. */
	public OffsetDateTime startsAt(PositionView position) {
		return position.isShift() ? position.startsAt() : this.startsAt;
	}

	/** When the position ends: its shift's end, or the activity's. */
	public OffsetDateTime endsAt(PositionView position) {
		return position.isShift() ? position.endsAt() : this.endsAt;
	}

}
