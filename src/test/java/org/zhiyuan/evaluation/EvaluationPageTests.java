package org.zhiyuan.evaluation;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures.Finished;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The evaluation pages in 铁西区 (210106): the admin rates a volunteer on the organization's
 * cards (a missing star said beside the field, in Chinese and English), the volunteer
 * sees the evaluation on their records page and rates the activity there, and the
 * activity's page shows the summary with the comment but no name.
 */
class EvaluationPageTests extends ApiTestSupport {

	private static final String STREET = "210106001";

	private Api browserOf(Person person) {
		Api browser = new Api("http://localhost:" + this.port);
		browser.submitForm("/login", "/login", Map.of("username", person.username(), "password", person.password()));
		return browser;
	}

	@Test
	void theAdminRatesTheVolunteerWhoRatesTheActivityAndTheActivityShowsTheSummary() {
		Team team = this.fixtures.anActiveTeamIn(STREET);
		Person volunteer = this.fixtures.aVolunteerIn(STREET);
		Finished activity = this.fixtures.aFinishedActivity(this.api, team, volunteer, 2);
		Response recorded = this.api.as(this.fixtures.tokenFor(team.admin()))
			.post("/api/v1/records",
					Map.of("volunteerId", volunteer.volunteerId().toString(), "activityId", activity.id(), "startedAt",
							activity.startsAt().toString(), "endedAt", activity.startsAt().plusHours(3).toString(),
							"reason", "按签到表补录"));
		assertThat(recorded.status()).isEqualTo(201);
		String record = recorded.json().get("id").asString();

		Api admin = browserOf(team.admin());
		String cards = "/organizations/" + team.id() + "/evaluations";
		assertThat(admin.get("/organizations/" + team.id() + "/records").body()).contains("id=\"rate-volunteers\"");
		String page = admin.get(cards).body();
		assertThat(page).contains("id=\"evaluation-" + record + "\"", activity.title(), "测试志愿者", "type=\"radio\"",
				"name=\"stars\"", "评价志愿者");
		Response missing = admin.submitForm(cards, "/records/" + record + "/evaluation",
				Map.of("organizationId", team.id().toString(), "comment", "很好"));
		assertThat(missing.status()).isEqualTo(302);
		String refused = admin.get(cards).body();
		assertThat(refused).contains("id=\"problem-stars\"", "请选择 1 到 5 星", ">很好</textarea>");
		Response saved = admin.submitForm(cards, "/records/" + record + "/evaluation",
				Map.of("organizationId", team.id().toString(), "stars", "5", "comment", "  守时认真  "));
		assertThat(saved.status()).isEqualTo(302);
		assertThat(admin.get(cards).body()).contains("评价已保存", "守时认真", "修改评价");
		assertThat(admin.get(cards + "?lang=en").body()).contains("Rate volunteers", "Change rating");

		Api own = browserOf(volunteer);
		String mine = own.get("/me/records").body();
		assertThat(mine).contains("id=\"evaluations\"", "守时认真", "★★★★★",
				"action=\"/records/" + record + "/activity-rating\"");
		own.submitForm("/me/records", "/records/" + record + "/activity-rating", Map.of("comment", "x"));
		assertThat(own.get("/me/records").body()).contains("id=\"problem-stars\"");
		own.submitForm("/me/records", "/records/" + record + "/activity-rating",
				Map.of("stars", "4", "comment", "活动组织得很好"));
		assertThat(own.get("/me/records").body()).contains("您对活动的评价已保存", "活动组织得很好");
		assertThat(own.get("/me/records?lang=en").body()).contains("Evaluations", "My rating of the activity",
				"Change rating");

		String detail = this.api.get("/activities/" + activity.id()).body();
		assertThat(detail).contains("id=\"activity-ratings\"", "活动组织得很好", "共 1 条评价", "4.0");
		assertThat(detail.substring(detail.indexOf("id=\"activity-ratings\""))).doesNotContain("测试志愿者");
		assertThat(this.api.in("en").get("/activities/" + activity.id()).body()).contains("id=\"activity-ratings\"",
				"1 ratings");
	}

}
