package org.zhiyuan.activity;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.zhiyuan.shared.identity.Gender;

/**
 * Changes to a draft or recruiting activity; {@code null} leaves a part as it is.
 * Capacities may grow, or shrink down to the places already taken. Each of
 * {@code requirements} replaces its position's requirements as a whole.
 */
public record ActivityChange(String title, String description, String address, Double lat, Double lng,
		Integer geofenceMeters, OffsetDateTime startsAt, OffsetDateTime endsAt, OffsetDateTime signupDeadline,
		String risksAndProtections, String contactName, String contactPhone, Map<UUID, Integer> capacities,
		List<Requirements> requirements) {

	public ActivityChange(String title, String description, String address, Double lat, Double lng,
			Integer geofenceMeters, OffsetDateTime startsAt, OffsetDateTime endsAt, OffsetDateTime signupDeadline,
			String risksAndProtections, String contactName, String contactPhone, Map<UUID, Integer> capacities) {
		this(title, description, address, lat, lng, geofenceMeters, startsAt, endsAt, signupDeadline,
				risksAndProtections, contactName, contactPhone, capacities, null);
	}

	/**
	 * What a position asks of its volunteers, all of it: a requirement left {@code null}
	 * (or an empty list of qualifications) is none, and no minimum age is the default
	 * (14, or 18 for an emergency recruitment). Once volunteers have signed up for the
	 * position, its requirements may only be loosened.
	 */
	public record Requirements(UUID positionId, Integer minAge, Integer maxAge, Gender gender, Integer minServices,
			BigDecimal minHours, List<String> qualifications, Integer minCreditScore) {

		/** Requirements that ask for no credit score. */
		public Requirements(UUID positionId, Integer minAge, Integer maxAge, Gender gender, Integer minServices,
				BigDecimal minHours, List<String> qualifications) {
			this(positionId, minAge, maxAge, gender, minServices, minHours, qualifications, null);
		}

	}

}
