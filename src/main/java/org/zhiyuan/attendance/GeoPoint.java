package org.zhiyuan.attendance;

import org.zhiyuan.shared.Geo;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * A position reported by a phone: latitude, longitude and how accurate the phone says it
 * is.
 */
public record GeoPoint(
		@io.swagger.v3.oas.annotations.media.Schema(requiredMode = REQUIRED, minimum = "-90",
				maximum = "90") Double lat,
		@io.swagger.v3.oas.annotations.media.Schema(requiredMode = REQUIRED, minimum = "-180",
				maximum = "180") Double lng,
		@io.swagger.v3.oas.annotations.media.Schema(minimum = "0") Double accuracyMeters) {

	/** Whether the point can be used; not a property of the point in JSON. */
	@com.fasterxml.jackson.annotation.JsonIgnore
	@io.swagger.v3.oas.annotations.media.Schema(hidden = true)
	public boolean isComplete() {
		return this.lat != null && this.lng != null && this.lat >= -90 && this.lat <= 90 && this.lng >= -180
				&& this.lng <= 180 && (this.accuracyMeters == null || this.accuracyMeters >= 0);
	}

	/** Great-circle distance in metres (haversine). */
	public double metersTo(double otherLat, double otherLng) {
		return Geo.meters(this.lat, this.lng, otherLat, otherLng);
	}

}
