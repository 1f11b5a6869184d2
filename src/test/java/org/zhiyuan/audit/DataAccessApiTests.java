package org.zhiyuan.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zhiyuan.support.ActivityFixtures;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Who has seen my data" in 玉树市 (632701): a volunteer lists, from the audit log, the
 * reads of their profile by an operator, the refused attempt of another volunteer, and
 * the reads of the roster of an activity they signed up for, but not the reads of that
 * roster from before they signed up, nor their own reads, nor what was read of others;
 * the page shows the same, in Chinese and in English.
 */
class DataAccessApiTests extends ApiTestSupport {

	private static final String DISTRICT = "632701";

	private static final String STREET = "632701001";

	private Api apiOf(Person person) {
		return new Api("http://localhost:" + this.port).as(this.fixtures.tokenFor(person));
	}

	private Api browserOf(Person person, String language) {
		Api browser = new Api("http://localhost:" + this.port).in(language);
		browser.submitForm("/login", "/login", Map.of("username", person.username(), "password", person.password()));
		return browser;
	}

	@Test
	void aVolunteerSeesWhoElseReadTheirDataAndWhenButNothingElse() {
		Person volunteer = this.fixtures.aVolunteerIn(STREET);
		Person bystander = this.fixtures.aVolunteerIn(STREET);
		Person curious = this.fixtures.aVolunteerIn(STREET);
		Person operator = this.fixtures.anOperatorOf(DISTRICT);
		Team team = this.fixtures.anActiveTeamIn(DISTRICT);
		Api admin = apiOf(team.admin());

		Response created = admin.post("/api/v1/activities", ActivityFixtures.anActivity(team.id().toString(), 5));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String activityId = created.json().get("id").asString();
		String positionId = created.json().get("positions").get(0).get("id").asString();
		assertThat(admin.post("/api/v1/activities/" + activityId + "/publish", Map.of()).status()).isEqualTo(200);
		// read before the volunteer is on it: not a read of their data
		assertThat(admin.get("/api/v1/activities/" + activityId + "/signups").status()).isEqualTo(200);
		assertThat(apiOf(volunteer).get("/api/v1/me/data-accesses").json().get("total").asLong()).isZero();

		Response signup = apiOf(volunteer).post("/api/v1/activities/" + activityId + "/signups",
				Map.of("positionId", positionId));
		assertThat(signup.status()).as(signup.body()).isEqualTo(201);
		assertThat(admin.get("/api/v1/activities/" + activityId + "/signups").status()).isEqualTo(200);
		String volunteerPath = "/api/v1/volunteers/" + volunteer.volunteerId();
		assertThat(apiOf(operator).get(volunteerPath).status()).isEqualTo(200);
		assertThat(apiOf(curious).get(volunteerPath).status()).isEqualTo(403);
		assertThat(apiOf(volunteer).get(volunteerPath).status()).isEqualTo(200);
		assertThat(apiOf(operator).get("/api/v1/volunteers/" + bystander.volunteerId()).status()).isEqualTo(200);

		Response mine = apiOf(volunteer).get("/api/v1/me/data-accesses");
		assertThat(mine.status()).as(mine.body()).isEqualTo(200);
		List<JsonNode> items = new ArrayList<>();
		mine.json().get("items").forEach(items::add);
		assertThat(items).as(mine.body()).hasSize(3);
		// newest first: the refused attempt, the operator's read, the roster's read
		assertThat(items.get(0).get("outcome").asString()).isEqualTo("DENIED");
		assertThat(items.get(0).get("objectType").asString()).isEqualTo("volunteer");
		assertThat(items.get(1).get("outcome").asString()).isEqualTo("SUCCESS");
		assertThat(items.get(1).get("objectId").asString()).isEqualTo(volunteer.volunteerId().toString());
		assertThat(items.get(1).get("actor").asString()).contains(operator.username());
		assertThat(items.get(2).get("objectType").asString()).isEqualTo("activity-roster");
		assertThat(items.get(2).get("objectId").asString()).isEqualTo(activityId);
		assertThat(items.get(2).get("object").asString()).startsWith("活动报名名单");
		assertThat(items.get(2).get("actionName").asString()).isEqualTo("查看个人信息");
		assertThat(items).allSatisfy((item) -> assertThat(item.get("regionCode").isNull()).isFalse());

		// the bystander was read once, by the operator; the curious one by nobody
		Response theirs = apiOf(bystander).get("/api/v1/me/data-accesses");
		assertThat(theirs.json().get("total").asLong()).as(theirs.body()).isEqualTo(1);
		assertThat(apiOf(curious).get("/api/v1/me/data-accesses").json().get("total").asLong()).isZero();
		assertThat(new Api("http://localhost:" + this.port).get("/api/v1/me/data-accesses").status()).isEqualTo(401);

		Response page = browserOf(volunteer, "zh-CN").get("/me/data-accesses");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("谁查看了我的信息", "活动报名名单", operator.username(), "被拒绝")
			.doesNotContain(bystander.username());
		Response english = browserOf(volunteer, "en").get("/me/data-accesses");
		assertThat(english.body()).contains("Who has seen my data", "(refused)");
		assertThat(browserOf(bystander, "zh-CN").get("/me?section=privacy").body()).contains("/me/data-accesses");

		// the auditor of the district narrows the log to the volunteer, picked from a
		// row,
		// then to the operator
		Person auditor = this.fixtures.anAuditorOf(DISTRICT);
		Api audit = browserOf(auditor, "zh-CN");
		String all = audit.get("/audit?what=PERSONAL_DATA").body();
		String byObject = "/audit?objectType=volunteer&amp;objectId=" + volunteer.volunteerId();
		assertThat(all).contains(byObject);
		String aboutTheVolunteer = audit
			.get("/audit?what=PERSONAL_DATA&objectType=volunteer&objectId=" + volunteer.volunteerId())
			.body();
		assertThat(aboutTheVolunteer).contains("audit-narrowed", "对象: 志愿者", "共 2 条");
		String byOperator = audit.get("/audit?actorId=" + operator.id()).body();
		assertThat(byOperator).contains("audit-narrowed", "操作人: ", operator.username(), "共 2 条");
		String both = audit
			.get("/audit?actorId=" + operator.id() + "&objectType=volunteer&objectId=" + volunteer.volunteerId()
					+ "&what=PERSONAL_DATA")
			.body();
		assertThat(both).contains("共 1 条");
		// what is not picked from a row is ignored, not an error
		assertThat(audit.get("/audit?objectType=DROP%20TABLE&objectId=%27--&actorId=nobody").status()).isEqualTo(200);
	}

}
