package org.zhiyuan.activity;

import java.time.LocalDate;

import org.zhiyuan.shared.ServiceField;

/**
 * A public search: region (with everything below it), field, text, a date range, and a
 * point with a radius. {@code null} means "any".
 */
public record ActivityQuery(String regionCode, ServiceField field, String text, LocalDate from, LocalDate to,
		Double lat, Double lng, Double radiusKm) {

	public boolean near() {
		return this.lat != null && this.lng != null;
	}

}
