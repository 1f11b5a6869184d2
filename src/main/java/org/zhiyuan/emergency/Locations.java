package org.zhiyuan.emergency;

import java.util.List;

import org.zhiyuan.shared.FieldProblem;

/** Checks of coordinates: within the extent of China, roughly 3–54° N and 73–136° E. */
final class Locations {

	static final double MIN_LAT = 3;

	static final double MAX_LAT = 54;

	static final double MIN_LNG = 73;

	static final double MAX_LNG = 136;

	private Locations() {
	}

	/** Adds a problem for each coordinate that is missing or outside the extent. */
	static void check(Double lat, Double lng, String latField, String lngField, List<FieldProblem> problems) {
		if (lat == null || lat.isNaN() || lat < MIN_LAT || lat > MAX_LAT) {
			problems.add(new FieldProblem(latField, "validation.emergency.lat", (int) MIN_LAT, (int) MAX_LAT));
		}
		if (lng == null || lng.isNaN() || lng < MIN_LNG || lng > MAX_LNG) {
			problems.add(new FieldProblem(lngField, "validation.emergency.lng", (int) MIN_LNG, (int) MAX_LNG));
		}
	}

}
