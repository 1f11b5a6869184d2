package org.zhiyuan.emergency;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A volunteer's emergency profile: where they set out from, how ready, what they hold.
 */
public record EmergencyProfile(double homeLat, double homeLng, Readiness readiness,
		List<EmergencyQualification> qualifications, OffsetDateTime updatedAt) {

}
