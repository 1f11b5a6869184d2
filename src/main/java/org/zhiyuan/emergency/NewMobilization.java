package org.zhiyuan.emergency;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A mobilization to launch, as the operator asked for it: checked by
 * {@link Mobilizations#launch}. {@code needs} hold the skills as given and the
 * qualification's kind as text, so that every bad field is named at once.
 */
public record NewMobilization(String regionCode, String title, GeoPoint location, BigDecimal radiusKm,
		OffsetDateTime assembleAt, String assemblyName, GeoPoint assemblyPoint, List<NeedRequest> needs, boolean drill,
		UUID organizationId, UUID planId) {

	/**
	 * Without a commanding organization (the nearest emergency team of the region
	 * commands) and not from a plan.
	 */
	public NewMobilization(String regionCode, String title, GeoPoint location, BigDecimal radiusKm,
			OffsetDateTime assembleAt, String assemblyName, GeoPoint assemblyPoint, List<NeedRequest> needs,
			boolean drill) {
		this(regionCode, title, location, radiusKm, assembleAt, assemblyName, assemblyPoint, needs, drill, null, null);
	}

	/** One need as asked for; {@code insured} asks for volunteers insured on the day. */
	public record NeedRequest(String skill, Integer count, String qualification, Boolean insured) {

		public NeedRequest(String skill, Integer count, String qualification) {
			this(skill, count, qualification, null);
		}

	}

}
