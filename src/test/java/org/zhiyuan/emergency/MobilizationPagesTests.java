package org.zhiyuan.emergency;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.Fixtures.Person;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages of a mobilization, in 兴海县 (632524): the operator launches it from the form
 * (every bad field beside its input), the volunteer answers and musters on their call
 * page, the board shows the counts, the people and the groups, refreshes its live part,
 * forms a group and stands the mobilization down; English throughout.
 */
class MobilizationPagesTests extends EmergencyTestSupport {

	private static final String DISTRICT = "632524";

	private Api browserOf(Person person) {
		Api browser = new Api("http://localhost:" + this.port);
		browser.submitForm("/login", "/login", Map.of("username", person.username(), "password", person.password()));
		return browser;
	}

	private Map<String, String> launchForm() {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("regionCode", DISTRICT);
		form.put("title", "河道漫堤抢险");
		form.put("lat", String.valueOf(LAT));
		form.put("lng", String.valueOf(LNG));
		form.put("radiusKm", "10");
		form.put("assembleAt",
				LocalDateTime.now(ZoneId.of("Asia/Shanghai")).plusHours(1).truncatedTo(ChronoUnit.MINUTES).toString());
		form.put("assemblyName", "县政府广场");
		form.put("assemblyLat", String.valueOf(LAT + 0.001));
		form.put("assemblyLng", String.valueOf(LNG));
		form.put("skill", "急救");
		form.put("count", "2");
		form.put("qualification", "");
		return form;
	}

	@Test
	void anOperatorLaunchesFromTheFormAndAVolunteerAnswersAndMustersOnTheirPage() {
		Person operator = this.fixtures.anOperatorOf(DISTRICT);
		Person volunteer = aResponderAt(streetOf(DISTRICT), LAT, LNG);
		Api command = browserOf(operator);
		String form = command.get("/emergency/mobilizations/new?regionCode=" + DISTRICT).body();
		assertThat(form).contains("id=\"launch-form\"", "name=\"assemblyLat\"", "name=\"lat\"", "map-picker");

		Map<String, String> bad = launchForm();
		bad.put("title", "");
		bad.put("radiusKm", "很远");
		bad.put("assembleAt", "明天");
		bad.put("count", "0");
		bad.put("assemblyLat", "");
		Response refused = command.submitForm("/emergency/mobilizations/new?regionCode=" + DISTRICT,
				"/emergency/mobilizations", bad);
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("id=\"problem-title\"", "id=\"problem-radiusKm\"",
				"id=\"problem-assembleAt\"", "id=\"problem-needs[0].count\"", "id=\"problem-assemblyPoint\"");
		assertThat(count("emergency_mobilization WHERE region_code = '" + DISTRICT + "'")).isZero();

		Response launched = command.submitForm("/emergency/mobilizations/new?regionCode=" + DISTRICT,
				"/emergency/mobilizations", launchForm());
		assertThat(launched.status()).as(launched.body()).isEqualTo(302);
		String boardPath = launched.headers().get("Location").get(0).replaceFirst("^https?://[^/]+", "");
		assertThat(boardPath).matches("/emergency/mobilizations/[0-9a-f-]{36}/board");
		String id = boardPath.split("/")[3];
		assertThat(command.get(boardPath).body()).contains("河道漫堤抢险", "id=\"count-notified\">1<", "hx-get");

		Api phone = browserOf(volunteer);
		assertThat(phone.get("/emergency/mobilizations").body()).contains("河道漫堤抢险", "待回复");
		String call = phone.get("/emergency/mobilizations/" + id).body();
		assertThat(call).contains("id=\"accept\"", "县政府广场");
		Response accepted = phone.submitForm("/emergency/mobilizations/" + id,
				"/emergency/mobilizations/" + id + "/answer", Map.of("answer", "ACCEPT"));
		assertThat(accepted.status()).isEqualTo(302);
		String mine = phone.get("/emergency/mobilizations/" + id).body();
		assertThat(mine).contains("确认出动", "id=\"checkin-form\"");
		Response far = phone.submitForm("/emergency/mobilizations/" + id, "/emergency/mobilizations/" + id + "/muster",
				Map.of("lat", String.valueOf(LAT + 0.05), "lng", String.valueOf(LNG), "code", ""));
		assertThat(far.status()).isEqualTo(302);
		assertThat(phone.get("/emergency/mobilizations/" + id).body()).contains("id=\"checkin-form\"");
		phone.submitForm("/emergency/mobilizations/" + id, "/emergency/mobilizations/" + id + "/muster",
				Map.of("lat", String.valueOf(LAT + 0.001), "lng", String.valueOf(LNG), "code", ""));
		assertThat(phone.get("/emergency/mobilizations/" + id).body()).contains("id=\"mustered\"")
			.doesNotContain("id=\"checkin-form\"");
		assertThat(phone.get("/emergency/mobilizations/" + id + "/board").status()).as("a volunteer").isEqualTo(403);

		String live = command.get(boardPath + "/live").body();
		assertThat(live).contains("id=\"count-mustered\">1<", "data-map-point=\"true\"").doesNotContain("<html");
		Response grouped = command.submitForm(boardPath, "/emergency/mobilizations/" + id + "/groups",
				Map.of("name", "救护组", "task", "在广场设立临时救护点", "leaderId", volunteer.volunteerId().toString()));
		assertThat(grouped.status()).isEqualTo(302);
		assertThat(command.get(boardPath).body()).contains("救护组", "在广场设立临时救护点", "id=\"count-assigned\">1<");
		assertThat(phone.get("/emergency/mobilizations/" + id).body()).contains("id=\"my-task\"", "在广场设立临时救护点");
		assertThat(command.get("/emergency/mobilizations/" + id + "/muster-code").body())
			.contains("id=\"muster-short-code\"");
		assertThat(command.get("/emergency/mobilizations/" + id + "/muster-code.png").status()).isEqualTo(200);

		Response stoodDown = command.submitForm(boardPath, "/emergency/mobilizations/" + id + "/stand-down", Map.of());
		assertThat(stoodDown.status()).isEqualTo(302);
		assertThat(command.get(boardPath).body()).contains("已解除").doesNotContain("id=\"stand-down\"");
		assertThat(phone.get("/emergency/mobilizations/" + id).body()).contains("id=\"stood-down\"");
		assertThat(command.get("/emergency/mobilizations?regionCode=" + DISTRICT).body()).contains("河道漫堤抢险");
		assertThat(count("emergency_mobilization WHERE id = '" + UUID.fromString(id) + "' AND status = 'STOOD_DOWN'"))
			.isEqualTo(1);

		assertThat(command.get(boardPath + "?lang=en").body()).contains("Command board", "Stood down");
		assertThat(phone.get("/emergency/mobilizations/" + id + "?lang=en").body())
			.contains("This mobilization has been stood down");
		assertThat(command.get("/emergency/mobilizations/new?regionCode=" + DISTRICT + "&lang=en").body())
			.contains("Launch an emergency mobilization", "People needed", "Assembly point");
	}

	@Test
	void theLaunchFormIsRefusedToAnyoneButTheRegionsOperators() {
		Person volunteer = this.fixtures.aVolunteerIn(DISTRICT);
		Api phone = browserOf(volunteer);
		assertThat(phone.get("/emergency/mobilizations").body()).contains("你还没有收到过应急召集");
		Response posted = phone.submitForm("/emergency/mobilizations", "/emergency/mobilizations",
				new LinkedHashMap<>(Map.of("regionCode", DISTRICT, "title", "x")));
		assertThat(posted.status()).isEqualTo(403);
		assertThat(List.of(phone.get("/emergency/mobilizations/" + UUID.randomUUID()).status())).containsExactly(404);
	}

	private long count(String from) {
		return this.jdbc.sql("SELECT COUNT(*) FROM " + from).query(Long.class).single();
	}

}
