package org.zhiyuan.support;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Request bodies for activities, as the API takes them. */
public final class ActivityFixtures {

	private ActivityFixtures() {
	}

	/**
	 * An activity in 朝阳区 a week from now, two hours long, with one position of the given
	 * size.
	 */
	public static Map<String, Object> anActivity(String organizationId, int capacity) {
		OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(7).withNano(0);
		Map<String, Object> body = new HashMap<>();
		body.put("organizationId", organizationId);
		body.put("title", "社区助老服务 " + Fixtures.uniqueUsername(""));
		body.put("description", "为社区高龄老人提供助餐、陪伴和理发服务。");
		body.put("category", "ELDERLY_CARE");
		body.put("regionCode", "110105001");
		body.put("address", "建外街道某社区服务站");
		body.put("location", Map.of("lat", 39.9087, "lng", 116.4445));
		body.put("geofenceMeters", 300);
		body.put("startsAt", start.toString());
		body.put("endsAt", start.plusHours(2).toString());
		body.put("positions", List.of(Map.of("name", "助餐志愿者", "capacity", capacity)));
		body.put("approval", "AUTO");
		body.put("riskLevel", "LOW");
		body.put("timeBankEligible", true);
		return body;
	}

	public static Map<String, Object> startingIn(Map<String, Object> activity, long days, long hours) {
		OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(days).withNano(0);
		activity.put("startsAt", start.toString());
		activity.put("endsAt", start.plusHours(hours).toString());
		return activity;
	}

}
