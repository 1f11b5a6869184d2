package org.zhiyuan.station;

import java.util.List;

import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.ProblemException;

/**
 * A bounding box as GeoJSON (RFC 7946 §5) writes one: west, south, east, north, in
 * degrees of WGS 84.
 */
public record Bbox(double minLng, double minLat, double maxLng, double maxLat) {

	/**
	 * Reads {@code minLng,minLat,maxLng,maxLat}: four finite numbers, longitudes within
	 * ±180 and latitudes within ±90, neither minimum above its maximum.
	 * @return {@code null} for a missing or blank value
	 * @throws ProblemException 400 naming the field {@code bbox} for anything else
	 */
	public static Bbox parse(String text) {
		if (text == null) {
			return null;
		}
		String[] parts = text.split(",", -1);
		if (parts.length != 4) {
			throw invalid();
		}
		double[] values = new double[4];
		for (int i = 0; i < 4; i++) {
			String part = parts[i].strip();
			if (part.isEmpty() || part.length() > 24 || !part.matches("[+-]?[0-9]+(\\.[0-9]+)?")) {
				throw invalid();
			}
			values[i] = Double.parseDouble(part);
		}
		Bbox box = new Bbox(values[0], values[1], values[2], values[3]);
		if (!lng(box.minLng) || !lng(box.maxLng) || !lat(box.minLat) || !lat(box.maxLat) || box.minLng > box.maxLng
				|| box.minLat > box.maxLat) {
			throw invalid();
		}
		return box;
	}

	private static boolean lng(double value) {
		return value >= -180 && value <= 180;
	}

	private static boolean lat(double value) {
		return value >= -90 && value <= 90;
	}

	private static ProblemException invalid() {
		return ProblemException.invalid(List.of(new FieldProblem("bbox", "validation.station.bbox")));
	}

}
