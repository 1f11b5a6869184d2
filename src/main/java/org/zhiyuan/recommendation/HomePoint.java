package org.zhiyuan.recommendation;

import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * The point near home a volunteer picked on the map, from which recommendations measure
 * distance; seen by nobody else.
 */
@Schema(name = "HomePoint")
public record HomePoint(@Schema(requiredMode = REQUIRED, minimum = "-90", maximum = "90") double lat,
		@Schema(requiredMode = REQUIRED, minimum = "-180", maximum = "180") double lng) {

}
