package org.zhiyuan.shared;

/** Distances on the earth's surface. */
public final class Geo {

	private static final double EARTH_METERS = 6_371_008.8;

	private Geo() {
	}

	/** Great-circle distance in metres (haversine). */
	public static double meters(double lat, double lng, double otherLat, double otherLng) {
		double dLat = Math.toRadians(otherLat - lat);
		double dLng = Math.toRadians(otherLng - lng);
		double a = Math.pow(Math.sin(dLat / 2), 2)
				+ Math.cos(Math.toRadians(lat)) * Math.cos(Math.toRadians(otherLat)) * Math.pow(Math.sin(dLng / 2), 2);
		return 2 * EARTH_METERS * Math.asin(Math.sqrt(a));
	}

}
