package org.zhiyuan.need;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.zhiyuan.shared.ServiceField;

/**
 * A need as a resident orders it, from a menu item or in their own words, before any
 * check. {@code onBehalfOf} names the resident when an operator enters the need for
 * someone without a phone or an account.
 */
public record NewNeed(UUID menuItemId, String title, String description, ServiceField field, String regionCode,
		String address, Double lat, Double lng, OffsetDateTime wantedFrom, OffsetDateTime wantedTo,
		OnBehalf onBehalfOf) {

	/**
	 * The resident an operator enters a need for: a name, and a phone when they have one.
	 */
	public record OnBehalf(String name, String phone) {

	}

}
