package org.zhiyuan.recommendation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.zhiyuan.organization.MemberRole;
import org.zhiyuan.organization.Organizations;
import org.zhiyuan.region.Regions;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;
import org.zhiyuan.support.Identities;
import org.zhiyuan.volunteer.QualificationCodes;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhiyuan.support.ActivityFixtures.anActivity;

/**
 * Recommendations (C12): nobody is recommended what they cannot sign up for (age,
 * qualification, a full position, an overlap with their accepted service, an activity
 * they are already in), and everything recommended can be signed up for; needs dispatched
 * to their organization come with them; the score's reasons are in the reader's language;
 * the point near home is the volunteer's alone, sealed at rest.
 */
class RecommendationApiTests extends ApiTestSupport {

	static final String DISTRICT = "440305";

	static final String STREET = "440305001";

	@Autowired
	Regions regions;

	@Autowired
	Organizations organizations;

	@Autowired
	QualificationCodes qualifications;

	@Autowired
	JdbcClient jdbc;

	private String community;

	private Team team;

	private Person volunteer;

	/** The volunteer's free Saturday mornings; every activity here starts on one. */
	private OffsetDateTime saturday;

	@BeforeEach
	void cast() {
		this.community = this.regions.children(STREET).get(0).code();
		this.team = this.fixtures.anActiveTeamIn(STREET);
		this.volunteer = this.fixtures.aVolunteerIn(this.community);
		this.organizations.addMember(this.fixtures.actorOf(this.team.admin()), this.team.id(),
				this.volunteer.volunteerId(), MemberRole.MEMBER);
		this.organizations.acceptInvitation(this.fixtures.actorOf(this.volunteer), this.team.id());
		LocalDate day = LocalDate.now(Recommendations.CHINA).plusDays(10);
		while (day.getDayOfWeek() != java.time.DayOfWeek.SATURDAY) {
			day = day.plusDays(1);
		}
		this.saturday = day.atTime(9, 0).atZone(Recommendations.CHINA).toOffsetDateTime();
		Map<String, Object> profile = new LinkedHashMap<>();
		profile.put("regionCode", this.community);
		profile.put("categories", List.of("COMMUNITY"));
		profile.put("fields", List.of("ELDERLY_CARE"));
		profile.put("skills", List.of("理发"));
		profile.put("languages", List.of("普通话"));
		profile.put("availability", List.of("SAT_AM"));
		profile.put("emergencyContact", Map.of("name", "李明", "phone", "13900001111"));
		Response changed = as(this.volunteer).send("PUT", "/api/v1/volunteers/me/profile", profile);
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
	}

	@Test
	void nobodyIsRecommendedWhatTheyCannotSignUpForAndEverythingRecommendedCanBe() {
		String open = publish(activity("为高龄老人理发", this.saturday, Map.of("name", "理发师", "capacity", 5)));
		String older = publish(
				activity("银龄互助", this.saturday.plusDays(7), Map.of("name", "老伙伴", "capacity", 5, "minAge", 55)));
		String medics = publish(activity("社区义诊急救岗", this.saturday.plusDays(14),
				Map.of("name", "急救员", "capacity", 5, "qualifications", List.of("FIRST_AID"))));
		Map<String, Object> noWaitingList = activity("名额已满的助老", this.saturday.plusDays(21),
				Map.of("name", "助老", "capacity", 1));
		noWaitingList.put("waitlist", false);
		String full = publish(noWaitingList);
		Map<String, Object> waitingList = activity("可以候补的助老", this.saturday.plusDays(22),
				Map.of("name", "助老", "capacity", 1));
		waitingList.put("waitlist", true);
		String queue = publish(waitingList);
		Person other = this.fixtures.aVolunteerIn(this.community);
		assertThat(signUp(other, full).status()).isEqualTo(201);
		assertThat(signUp(other, queue).status()).isEqualTo(201);
		String mine = publish(activity("已报名的助餐", this.saturday.plusDays(28), Map.of("name", "助餐", "capacity", 5)));
		assertThat(signUp(this.volunteer, mine).status()).isEqualTo(201);
		String clash = publish(
				activity("同一时间的陪伴", this.saturday.plusDays(28).plusHours(1), Map.of("name", "陪伴", "capacity", 5)));

		List<JsonNode> items = recommendations(this.volunteer, "zh-CN");
		Set<String> recommended = ids(items);
		assertThat(recommended).contains(open).doesNotContain(older, medics, full, mine, clash);
		JsonNode first = item(items, open);
		assertThat(first.get("kind").asString()).isEqualTo("ACTIVITY");
		assertThat(first.get("score").asInt()).isBetween(1, 100);
		assertThat(first.get("reasons").toString()).contains("扶老", "理发", "周六上午", "所在的");
		assertThat(first.get("link").asString()).isEqualTo("/activities/" + open);
		assertThat(recommended).contains(queue);
		assertThat(item(items, queue).get("reasons").toString()).contains("候补");
		assertThat(item(items, queue).get("score").asInt()).isLessThan(first.get("score").asInt());

		// what was left out is refused at sign-up, for the reason it was left out
		assertThat(signUp(this.volunteer, older).problemCode()).isEqualTo("REQUIREMENT_NOT_MET");
		assertThat(signUp(this.volunteer, medics).problemCode()).isEqualTo("REQUIREMENT_NOT_MET");
		assertThat(signUp(this.volunteer, full).problemCode()).isEqualTo("ACTIVITY_FULL");
		assertThat(signUp(this.volunteer, mine).problemCode()).isEqualTo("ALREADY_SIGNED_UP");
		assertThat(signUp(this.volunteer, clash).problemCode()).isEqualTo("REQUIREMENT_NOT_MET");

		// a valid first aid certificate opens the medics' post, and says so
		this.qualifications.grant(this.volunteer.volunteerId(), "FIRST_AID", "红十字会", LocalDate.now().plusYears(2));
		List<JsonNode> withCertificate = recommendations(this.volunteer, "zh-CN");
		assertThat(ids(withCertificate)).contains(medics);
		assertThat(item(withCertificate, medics).get("reasons").toString()).contains("急救证书");

		// whatever is recommended at any moment can be signed up for: take each in turn
		// (the earlier ones' times then rule out the later ones that overlap them)
		Set<String> taken = new java.util.HashSet<>();
		for (JsonNode next = nextActivity(withCertificate, taken); next != null; next = nextActivity(
				recommendations(this.volunteer, "zh-CN"), taken)) {
			Response signedUp = signUp(this.volunteer, next.get("id").asString());
			assertThat(signedUp.status()).as(next.get("title") + ": " + signedUp.body()).isEqualTo(201);
			taken.add(next.get("id").asString());
		}
		assertThat(taken).contains(open, medics);
		assertThat(ids(recommendations(this.volunteer, "zh-CN"))).doesNotContain(open, medics);
	}

	@Test
	void needsDispatchedToTheirOrganizationAreRecommendedUnlessTheyClash() {
		String need = dispatchedNeed(this.saturday.plusDays(35));
		List<JsonNode> items = recommendations(this.volunteer, "zh-CN");
		assertThat(ids(items)).contains(need);
		JsonNode item = item(items, need);
		assertThat(item.get("kind").asString()).isEqualTo("NEED");
		assertThat(item.get("reasons").toString()).contains("已派给您所在的组织");
		assertThat(item.toString()).doesNotContain("文三路", "张大爷");

		Person outsider = this.fixtures.aVolunteerIn(this.community);
		assertThat(ids(recommendations(outsider, "zh-CN"))).doesNotContain(need);

		String busy = publish(activity("同一时间的活动", this.saturday.plusDays(42), Map.of("name", "助老", "capacity", 5)));
		assertThat(signUp(this.volunteer, busy).status()).isEqualTo(201);
		String clashing = dispatchedNeed(this.saturday.plusDays(42));
		assertThat(ids(recommendations(this.volunteer, "zh-CN"))).contains(need).doesNotContain(clashing);
	}

	@Test
	void reasonsFollowTheReadersLanguageAndTheDistanceFromTheirPointNearHome() {
		// a Saturday of its own: the other tests' volunteers take theirs
		String open = publish(
				activity("Haircuts for elders", this.saturday.plusDays(70), Map.of("name", "Barber", "capacity", 5)));
		JsonNode english = item(recommendations(this.volunteer, "en"), open);
		assertThat(english.get("reasons").toString()).contains("Matches your chosen field", "Sat morning");
		assertThat(english.get("distanceKm").isNull()).isTrue();

		Api me = as(this.volunteer);
		assertThat(me.get("/api/v1/volunteers/me/home-point").json().get("set").asBoolean()).isFalse();
		Response set = me.send("PUT", "/api/v1/volunteers/me/home-point", Map.of("lat", 22.541234, "lng", 113.931234));
		assertThat(set.status()).as(set.body()).isEqualTo(200);
		assertThat(set.json().get("lat").asDouble()).isEqualTo(22.541);
		String sealed = this.jdbc.sql("SELECT location_sealed FROM recommendation_home WHERE volunteer_id = :v")
			.param("v", this.volunteer.volunteerId())
			.query(String.class)
			.single();
		assertThat(sealed).startsWith("zk1:").doesNotContain("22.541");
		JsonNode near = item(recommendations(this.volunteer, "zh-CN"), open);
		assertThat(near.get("distanceKm").asDouble()).isBetween(0.5, 3.0);
		assertThat(near.get("reasons").toString()).contains("离家", "公里");

		Response bad = me.send("PUT", "/api/v1/volunteers/me/home-point", Map.of("lat", 95, "lng", 113.9));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(me.get("/api/v1/volunteers/me/home-point").json().get("lat").asDouble()).isEqualTo(22.541);
		assertThat(me.send("DELETE", "/api/v1/volunteers/me/home-point").status()).isEqualTo(204);
		assertThat(me.get("/api/v1/volunteers/me/home-point").json().get("set").asBoolean()).isFalse();

		// the point goes with the rest of the profile when the volunteer deregisters
		assertThat(me.send("PUT", "/api/v1/volunteers/me/home-point", Map.of("lat", 22.54, "lng", 113.93)).status())
			.isEqualTo(200);
		Person leaving = this.fixtures.aVolunteerIn(this.community);
		Api leaver = as(leaving);
		assertThat(leaver.send("PUT", "/api/v1/volunteers/me/home-point", Map.of("lat", 22.55, "lng", 113.94)).status())
			.isEqualTo(200);
		assertThat(leaver.post("/api/v1/volunteers/me/deregistration", Map.of("password", leaving.password())).status())
			.isEqualTo(204);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM recommendation_home WHERE volunteer_id IN (:v)")
			.param("v", List.of(leaving.volunteerId(), this.volunteer.volunteerId()))
			.query(Long.class)
			.single()).as("only the one who stays keeps a point").isEqualTo(1);

		assertThat(me.get("/api/v1/volunteers/me/recommendations?limit=0").status()).isEqualTo(400);
		assertThat(me.get("/api/v1/volunteers/me/recommendations?limit=51").status()).isEqualTo(400);
		assertThat(me.get("/api/v1/volunteers/me/recommendations?limit=1").json().get("items").size()).isEqualTo(1);
	}

	private Map<String, Object> activity(String title, OffsetDateTime start, Map<String, Object> position) {
		Map<String, Object> body = anActivity(this.team.id().toString(), 1);
		body.put("title", title + " " + Fixtures.uniqueUsername(""));
		body.put("regionCode", this.community);
		body.put("address", "南头街道社区服务站");
		body.put("location", Map.of("lat", 22.5411, "lng", 113.9222));
		body.put("startsAt", start.toString());
		body.put("endsAt", start.plusHours(2).toString());
		body.put("positions", List.of(position));
		return body;
	}

	private String publish(Map<String, Object> body) {
		Api admin = as(this.team.admin());
		Response created = admin.post("/api/v1/activities", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().get("id").asString();
		Response published = admin.post("/api/v1/activities/" + id + "/publish", Map.of());
		assertThat(published.status()).as(published.body()).isEqualTo(200);
		return id;
	}

	private Response signUp(Person person, String activityId) {
		Response activity = this.api.get("/api/v1/activities/" + activityId);
		String position = activity.json().get("positions").get(0).get("id").asString();
		return as(person).post("/api/v1/activities/" + activityId + "/signups", Map.of("positionId", position));
	}

	private String dispatchedNeed(OffsetDateTime from) {
		Person operator = this.fixtures.anOperatorOf(DISTRICT);
		Map<String, Object> body = new HashMap<>();
		body.put("title", "陪同就医");
		body.put("description", "去医院复查，需要有人陪同");
		body.put("field", "ELDERLY_CARE");
		body.put("regionCode", this.community);
		body.put("address", "文三路 88 号");
		body.put("location", Map.of("lat", 22.5401, "lng", 113.9301));
		body.put("wantedFrom", from.truncatedTo(ChronoUnit.MINUTES).toString());
		body.put("wantedTo", from.plusHours(2).truncatedTo(ChronoUnit.MINUTES).toString());
		body.put("onBehalfOf", Map.of("name", "张大爷", "phone", Identities.phone()));
		Response submitted = as(operator).post("/api/v1/needs", body);
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
		String id = submitted.json().get("id").asString();
		Response dispatched = as(operator).post("/api/v1/needs/" + id + "/dispatch",
				Map.of("organizationId", this.team.id().toString()));
		assertThat(dispatched.status()).as(dispatched.body()).isEqualTo(200);
		return id;
	}

	private List<JsonNode> recommendations(Person person, String language) {
		Response response = as(person).in(language).get("/api/v1/volunteers/me/recommendations?limit=50");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		List<JsonNode> items = new ArrayList<>();
		response.json().get("items").forEach(items::add);
		return items;
	}

	/** The first recommended activity of the street not yet taken. */
	private static JsonNode nextActivity(List<JsonNode> items, Set<String> taken) {
		return items.stream()
			.filter((item) -> item.get("kind").asString().equals("ACTIVITY"))
			.filter((item) -> item.get("regionCode").asString().startsWith(STREET))
			.filter((item) -> !taken.contains(item.get("id").asString()))
			.findFirst()
			.orElse(null);
	}

	private static Set<String> ids(List<JsonNode> items) {
		Set<String> ids = new java.util.HashSet<>();
		items.forEach((item) -> ids.add(item.get("id").asString()));
		return ids;
	}

	private static JsonNode item(List<JsonNode> items, String id) {
		return items.stream()
			.filter((item) -> item.get("id").asString().equals(id))
			.findFirst()
			.orElseThrow(() -> new AssertionError(id + " not recommended"));
	}

	private Api as(Person person) {
		return this.api.as(this.fixtures.tokenFor(person));
	}

}
