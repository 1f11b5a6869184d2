package org.zhiyuan.activity;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zhiyuan.support.ActivityFixtures;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operators' pages: the region settings form, where an empty field inherits and a bad
 * one is marked at its input, and the review queue, where a backfilled activity is marked
 * 补录 and a rejection asks for a reason and a confirmation first. 南宁市良庆区 (450108) is used
 * by no other test.
 */
class ActivityReviewPageTests extends ApiTestSupport {

	private static final String DISTRICT = "450108";

	@Test
	void anOperatorSetsTheRegionsSettingsOnItsPage() {
		Person operator = this.fixtures.anOperatorOf(DISTRICT);
		Api browser = browserOf(operator);
		String page = "/regions/" + DISTRICT + "/settings";
		assertThat(browser.get("/").body()).contains("/regions/settings");
		Response shown = browser.get(page);
		assertThat(shown.status()).isEqualTo(200);
		assertThat(shown.body()).contains("区域设置").contains("高风险活动需审核").contains("平台默认");
		Response refused = browser.submitForm(page, page,
				Map.of("activityReview", "ALL", "star", "abc", "population", "很多"));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("problem-starThresholds").contains("problem-population");
		Response saved = browser.submitForm(page, page, Map.of("activityReview", "ALL", "population", "1200000"));
		assertThat(saved.status()).isEqualTo(302);
		assertThat(browser.get(page).body()).contains("所有活动都需审核").contains("1,200,000").contains("本区域设置");
		assertThat(browserOf(this.fixtures.aVolunteer()).get(page).status()).isEqualTo(403);
	}

	@Test
	void aBackfillIsMarkedInTheQueueAndARejectionAsksForReasonAndConfirmation() {
		Team team = this.fixtures.anActiveTeamIn(DISTRICT);
		Person operator = this.fixtures.anOperatorOf(DISTRICT);
		Map<String, Object> body = ActivityFixtures.startingIn(ActivityFixtures.anActivity(team.id().toString(), 5), -2,
				2);
		body.put("regionCode", DISTRICT);
		String id = this.api.as(this.fixtures.tokenFor(team.admin()))
			.post("/api/v1/activities/past", Map.of("activity", body, "reason", "线下开展，活动后补录"))
			.json()
			.get("id")
			.asString();
		Api browser = browserOf(operator);
		Response queue = browser.get("/activities/review?regionCode=" + DISTRICT);
		assertThat(queue.body()).contains("补录").contains("/activities/" + id + "/review");
		String review = "/activities/" + id + "/review";
		assertThat(browser.get(review).body()).contains((String) body.get("title")).contains("确认补录");
		Response noReason = browser.submitForm(review, review, Map.of("decision", "REJECT"));
		assertThat(noReason.body()).contains("problem-reason");
		Response asked = browser.submitForm(review, review, Map.of("decision", "REJECT", "reason", "照片与签到表不符"));
		assertThat(asked.body()).contains("驳回").contains("照片与签到表不符").contains("不，返回");
		assertThat(this.api.as(this.fixtures.tokenFor(operator))
			.get("/api/v1/activity-reviews?regionCode=" + DISTRICT)
			.json()
			.get("total")
			.asInt()).as("nothing decided before the confirmation").isEqualTo(1);
		Response done = browser.submitForm(review, review,
				Map.of("decision", "REJECT", "reason", "照片与签到表不符", "confirmed", "true"));
		assertThat(done.status()).isEqualTo(302);
		assertThat(this.api.as(this.fixtures.tokenFor(team.admin()))
			.get("/api/v1/activities/" + id)
			.json()
			.get("status")
			.asString()).isEqualTo("REJECTED");
		assertThat(browserOf(team.admin()).get("/activities/" + id).body()).contains("照片与签到表不符");
	}

	private Api browserOf(Person person) {
		Api browser = new Api("http://localhost:" + this.port);
		browser.submitForm("/login", "/login", Map.of("username", person.username(), "password", person.password()));
		return browser;
	}

}
