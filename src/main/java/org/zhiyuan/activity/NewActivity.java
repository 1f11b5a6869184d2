package org.zhiyuan.activity;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.zhiyuan.shared.ServiceField;

/** An activity as the organizer submits it, before any check. */
public record NewActivity(UUID organizationId, UUID projectId, String title, String description, ServiceField field,
		String regionCode, String address, Double lat, Double lng, Integer geofenceMeters, OffsetDateTime startsAt,
		OffsetDateTime endsAt, OffsetDateTime signupDeadline, ApprovalMode approval, boolean waitlist,
		RiskLevel riskLevel, RecruitmentMode recruitmentMode, boolean timeBankEligible, String risksAndProtections,
		String contactName, String contactPhone, List<NewPosition> positions) {

	/** A position (岗位) with its capacity and requirements. */
	public record NewPosition(String name, Integer capacity, Integer minAge, Integer maxAge,
			List<String> qualifications) {

	}

}
