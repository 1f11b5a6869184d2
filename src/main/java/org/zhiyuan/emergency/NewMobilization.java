package org.zhiyuan.emergency;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A mobilization to launch, as the operator asked for it: checked by
 * {@link Mobilizations#launch}. {@code needs} hold the skills as given and the
 * qualification's kind as text, so that every bad field is named at once.
 */
public record NewMobilization(String regionCode, String title, GeoPoint location, BigDecimal radiusKm,
		OffsetDateTime assembleAt, String assemblyName, GeoPoint assemblyPoint, List<NeedRequest> needs,
		boolean drill) {

	/** One need as asked for. */
	public record NeedRequest(String skill, Integer count, String qualification) {

	}

}
