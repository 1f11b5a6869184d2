package org.zhiyuan.signup;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhiyuan.support.ActivityFixtures.anActivity;

/**
 * Changing a recruiting activity: volunteers hear of a new time, new places go to those
 * waiting.
 */
class ActivityChangeApiTests extends ApiTestSupport {

	@Test
	void aNewTimeReachesTheVolunteersAndNewPlacesGoToThoseWaiting() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Api admin = as(team.admin());
		var created = admin.post("/api/v1/activities", anActivity(team.id().toString(), 1)).json();
		String id = created.get("id").asString();
		String positionId = created.get("positions").get(0).get("id").asString();
		admin.post("/api/v1/activities/" + id + "/publish", Map.of());
		Person accepted = this.fixtures.aVolunteer();
		Person waiting = this.fixtures.aVolunteer();
		as(accepted).post("/api/v1/activities/" + id + "/signups", Map.of("positionId", positionId));
		as(waiting).post("/api/v1/activities/" + id + "/signups", Map.of("positionId", positionId));

		OffsetDateTime later = OffsetDateTime.now(ZoneOffset.UTC).plusDays(9).withNano(0);
		var changed = admin.send("PATCH", "/api/v1/activities/" + id,
				Map.of("startsAt", later.toString(), "endsAt", later.plusHours(3).toString(), "signupDeadline",
						later.toString(), "capacities", List.of(Map.of("positionId", positionId, "capacity", 2))));
		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.json().get("positions").get(0).get("capacity").asInt()).isEqualTo(2);
		assertThat(as(accepted).get("/api/v1/notifications").body()).contains("有变动");
		assertThat(as(waiting).get("/api/v1/volunteers/me/signups").json().get("items").get(0).get("status").asString())
			.as("the new place went to the volunteer waiting")
			.isEqualTo("APPROVED");
		assertThat(this.api.get("/api/v1/activities/" + id).json().get("positions").get(0).get("accepted").asInt())
			.isEqualTo(2);

		var tooFew = admin.send("PATCH", "/api/v1/activities/" + id,
				Map.of("capacities", List.of(Map.of("positionId", positionId, "capacity", 1))));
		assertThat(tooFew.status()).isEqualTo(409);
		assertThat(tooFew.problemCode()).isEqualTo("CAPACITY_BELOW_ACCEPTED");
		assertThat(as(accepted).send("PATCH", "/api/v1/activities/" + id, Map.of("title", "x")).status())
			.isEqualTo(403);
	}

	@Test
	void theEditPageChangesTheNotice() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		String id = as(team.admin()).post("/api/v1/activities", anActivity(team.id().toString(), 4))
			.json()
			.get("id")
			.asString();
		Api browser = new Api("http://localhost:" + this.port);
		browser.submitForm("/login", "/login",
				Map.of("username", team.admin().username(), "password", team.admin().password()));
		String page = "/activities/" + id + "/edit";
		assertThat(browser.get(page).status()).isEqualTo(200);
		var saved = browser.submitForm(page, page, Map.of("title", "改名后的活动", "address", "新地点"));
		assertThat(saved.status()).isEqualTo(302);
		assertThat(browser.get("/activities/" + id).body()).contains("改名后的活动").contains("新地点");
	}

	private Api as(Person person) {
		return this.api.as(this.fixtures.tokenFor(person));
	}

}
