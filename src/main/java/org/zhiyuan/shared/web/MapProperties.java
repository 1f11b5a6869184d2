package org.zhiyuan.shared.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Map settings ({@code zhiyuan.map.*}): where the pages' maps take their tiles from, and
 * the optional geocoder behind the place search.
 *
 * @param tileUrl the tile URL template ({@code {z}}, {@code {x}}, {@code {y}}, optionally
 * {@code {s}}) that the person's browser loads tiles from; empty: no tiles, the maps
 * still take a point by a click, a place search or the device's position
 * @param attribution the tile service's attribution, shown on every map (HTML allowed, as
 * the tile service requires)
 * @param maxZoom the deepest zoom the tile service serves
 * @param centerLat where a map without a point opens: latitude
 * @param centerLng where a map without a point opens: longitude
 * @param zoom the zoom a map without a point opens at
 * @param linkUrl the "open in a map app" link, with {@code {lat}}, {@code {lng}} and
 * {@code {label}}
 * @param geocoderUrl a Nominatim-compatible search address ({@code …/search}) that the
 * server asks, and only the server, when a place search finds too few known places;
 * empty: never asked
 * @param geocoderTimeout how long the server waits for the geocoder
 */
@ConfigurationProperties("zhiyuan.map")
public record MapProperties(String tileUrl, String attribution, Integer maxZoom, Double centerLat, Double centerLng,
		Integer zoom, String linkUrl, String geocoderUrl, Duration geocoderTimeout) {

	public MapProperties {
		tileUrl = (tileUrl != null) ? tileUrl.strip() : "";
		attribution = (attribution != null) ? attribution.strip() : "";
		maxZoom = (maxZoom != null && maxZoom > 0 && maxZoom <= 22) ? maxZoom : 19;
		centerLat = (centerLat != null && centerLat >= -90 && centerLat <= 90) ? centerLat : 39.9042;
		centerLng = (centerLng != null && centerLng >= -180 && centerLng <= 180) ? centerLng : 116.4074;
		zoom = (zoom != null && zoom >= 0 && zoom <= maxZoom) ? zoom : Math.min(11, maxZoom);
		linkUrl = (linkUrl != null && !linkUrl.isBlank()) ? linkUrl.strip() : "geo:{lat},{lng}?q={lat},{lng}";
		geocoderUrl = (geocoderUrl != null) ? geocoderUrl.strip() : "";
		geocoderTimeout = (geocoderTimeout != null && !geocoderTimeout.isNegative() && !geocoderTimeout.isZero())
				? geocoderTimeout : Duration.ofSeconds(3);
	}

}
