package org.zhiyuan.commendation;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.zhiyuan.organization.MemberRole;
import org.zhiyuan.organization.Organizations;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Commendation campaigns in 遵义市 (520300), one district a test: a campaign for volunteers
 * from nominations (by an admin for a member, by an operator; refused to others and after
 * the deadline) through review and the public notice (masked names only) and objections
 * (one upheld, one dismissed) to the awards, refused before the notice ends and while an
 * objection is open; the awards on the honour roll and on the volunteer's own list; a
 * campaign for organizations; who may do what; and every bad field named at once.
 */
class CommendationApiTests extends ApiTestSupport {

	private static final String CITY = "520300";

	@Autowired
	Organizations organizations;

	@Autowired
	JdbcClient jdbc;

	private Api api(Person person) {
		return new Api("http://localhost:" + this.port).as(this.fixtures.tokenFor(person));
	}

	private void joins(Team team, Person volunteer) {
		this.organizations.addMember(this.fixtures.actorOf(team.admin()), team.id(), volunteer.volunteerId(),
				MemberRole.MEMBER);
		this.organizations.acceptInvitation(this.fixtures.actorOf(volunteer), team.id());
	}

	static Map<String, Object> aCampaign(String region, String kind) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("regionCode", region);
		body.put("title", "2026年度优秀志愿者");
		body.put("kind", kind);
		body.put("nominationsUntil", OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(3).withNano(0).toString());
		body.put("noticeDays", 7);
		return body;
	}

	private String create(Person operator, Map<String, Object> body) {
		Response created = api(operator).post("/api/v1/commendations", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private String nominate(Person who, String campaign, UUID nominee) {
		Response nominated = api(who).post("/api/v1/commendations/" + campaign + "/nominations",
				Map.of("nomineeId", nominee.toString(), "reason", "常年坚持社区助老服务，累计服务超过三百小时"));
		assertThat(nominated.status()).as(nominated.body()).isEqualTo(201);
		return nominated.json().get("id").asString();
	}

	private void approve(Person operator, String nomination) {
		Response reviewed = api(operator).post("/api/v1/nominations/" + nomination + "/review",
				Map.of("decision", "APPROVE"));
		assertThat(reviewed.status()).as(reviewed.body()).isEqualTo(200);
		assertThat(reviewed.json().get("status").asString()).isEqualTo("APPROVED");
	}

	private void endNotice(String campaign) {
		this.jdbc.sql("UPDATE commendation SET notice_ends_at = :past WHERE id = :id")
			.param("past", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1))
			.param("id", UUID.fromString(campaign))
			.update();
	}

	@Test
	void runsACampaignFromNominationThroughNoticeAndObjectionsToAwards() {
		String district = "520302";
		Person operator = this.fixtures.anOperatorOf(CITY);
		Team team = this.fixtures.anActiveTeamIn(district + "001");
		Person member = this.fixtures.aVolunteerIn(district + "001");
		joins(team, member);
		Person other = this.fixtures.aVolunteerIn(district);
		Person stranger = this.fixtures.aVolunteerIn(district);
		Person outsider = this.fixtures.aVolunteerIn("110105");

		Map<String, String> key = Map.of("Idempotency-Key", "campaign-" + UUID.randomUUID());
		Response created = api(operator).postWithHeaders("/api/v1/commendations", aCampaign(CITY, "VOLUNTEER"), key);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().get("stage").asString()).isEqualTo("NOMINATIONS");
		String campaign = created.json().get("id").asString();
		Response again = api(operator).postWithHeaders("/api/v1/commendations", aCampaign(CITY, "VOLUNTEER"), key);
		assertThat(again.json().get("id").asString()).isEqualTo(campaign);

		String byAdmin = nominate(team.admin(), campaign, member.volunteerId());
		assertThat(api(team.admin())
			.post("/api/v1/commendations/" + campaign + "/nominations",
					Map.of("nomineeId", stranger.volunteerId().toString(), "reason", "不是本队队员"))
			.status()).as("not a member of the admin's organization").isEqualTo(403);
		String byOperator = nominate(operator, campaign, other.volunteerId());
		Response twice = api(operator).post("/api/v1/commendations/" + campaign + "/nominations",
				Map.of("nomineeId", other.volunteerId().toString(), "reason", "再次推荐"));
		assertThat(twice.problemCode()).isEqualTo("ALREADY_NOMINATED");
		Response elsewhere = api(operator).post("/api/v1/commendations/" + campaign + "/nominations",
				Map.of("nomineeId", outsider.volunteerId().toString(), "reason", "外地志愿者"));
		assertThat(elsewhere.problemCode()).isEqualTo("NOMINEE_OUTSIDE_REGION");
		Response notice = this.api.get("/api/v1/commendations/" + campaign + "/notice");
		assertThat(notice.problemCode()).as("no notice before it opens").isEqualTo("NOTICE_NOT_OPEN");

		JsonNode mine = api(team.admin()).get("/api/v1/commendations/" + campaign + "/nominations").json();
		assertThat(mine.findValuesAsString("id")).containsExactly(byAdmin);
		this.jdbc.sql("UPDATE commendation SET nominations_until = :past WHERE id = :id")
			.param("past", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1))
			.param("id", UUID.fromString(campaign))
			.update();
		Response late = api(operator).post("/api/v1/commendations/" + campaign + "/nominations",
				Map.of("nomineeId", stranger.volunteerId().toString(), "reason", "截止后推荐"));
		assertThat(late.status()).isEqualTo(409);
		assertThat(late.problemCode()).isEqualTo("NOMINATIONS_CLOSED");

		Response early = api(operator).post("/api/v1/commendations/" + campaign + "/notice", Map.of());
		assertThat(early.problemCode()).as("a nomination waits for review").isEqualTo("NOMINATIONS_PENDING");
		approve(operator, byAdmin);
		approve(operator, byOperator);
		Response opened = api(operator).post("/api/v1/commendations/" + campaign + "/notice", Map.of());
		assertThat(opened.status()).as(opened.body()).isEqualTo(200);
		assertThat(opened.json().get("stage").asString()).isEqualTo("IN_NOTICE");
		OffsetDateTime starts = OffsetDateTime.parse(opened.json().get("noticeStartsAt").asString());
		OffsetDateTime ends = OffsetDateTime.parse(opened.json().get("noticeEndsAt").asString());
		assertThat(ends).isEqualTo(starts.plusDays(7));

		notice = this.api.get("/api/v1/commendations/" + campaign + "/notice");
		assertThat(notice.status()).as(notice.body()).isEqualTo(200);
		assertThat(notice.json().get("nominees").findValuesAsString("publicName")).containsExactly("测***者", "测***者");
		assertThat(notice.json().get("nominees").findValuesAsString("reason")).contains("常年坚持社区助老服务，累计服务超过三百小时");
		assertThat(notice.body()).doesNotContain("测试志愿者")
			.doesNotContain(member.username())
			.doesNotContain(member.idNumber())
			.doesNotContain(member.volunteerId().toString())
			.doesNotContain(other.volunteerId().toString());

		assertThat(this.api.post("/api/v1/nominations/" + byOperator + "/objections", Map.of("reason", "匿名")).status())
			.isEqualTo(401);
		Response objected = api(stranger).post("/api/v1/nominations/" + byOperator + "/objections",
				Map.of("reason", "该志愿者的服务时长有虚报"));
		assertThat(objected.status()).as(objected.body()).isEqualTo(201);
		String upheld = objected.json().get("id").asString();
		String dismissed = api(stranger)
			.post("/api/v1/nominations/" + byAdmin + "/objections", Map.of("reason", "我不认识这位志愿者"))
			.json()
			.get("id")
			.asString();

		Response tooEarly = api(operator).post("/api/v1/commendations/" + campaign + "/awards", Map.of());
		assertThat(tooEarly.status()).isEqualTo(409);
		assertThat(tooEarly.problemCode()).isEqualTo("NOTICE_NOT_ENDED");
		endNotice(campaign);
		Response open = api(operator).post("/api/v1/commendations/" + campaign + "/awards", Map.of());
		assertThat(open.status()).isEqualTo(409);
		assertThat(open.problemCode()).isEqualTo("OBJECTIONS_OPEN");
		assertThat(api(stranger).post("/api/v1/nominations/" + byAdmin + "/objections", Map.of("reason", "公示已结束"))
			.problemCode()).isEqualTo("NOT_IN_NOTICE");

		Response answered = api(operator).post("/api/v1/objections/" + upheld + "/answer",
				Map.of("upheld", true, "note", "经核实，时长有误"));
		assertThat(answered.status()).as(answered.body()).isEqualTo(200);
		assertThat(answered.json().get("status").asString()).isEqualTo("UPHELD");
		assertThat(api(operator).post("/api/v1/objections/" + upheld + "/answer", Map.of("upheld", false, "note", "再答"))
			.problemCode()).isEqualTo("OBJECTION_ANSWERED");
		assertThat(api(operator)
			.post("/api/v1/objections/" + dismissed + "/answer", Map.of("upheld", false, "note", "推荐材料属实"))
			.status()).isEqualTo(200);

		Response awarded = api(operator).post("/api/v1/commendations/" + campaign + "/awards", Map.of());
		assertThat(awarded.status()).as(awarded.body()).isEqualTo(201);
		assertThat(awarded.json()).hasSize(1);
		assertThat(awarded.json().get(0).get("publicName").asString()).isEqualTo("测***者");
		assertThat(api(operator).post("/api/v1/commendations/" + campaign + "/awards", Map.of()).problemCode())
			.isEqualTo("ALREADY_AWARDED");

		JsonNode statuses = api(operator).get("/api/v1/commendations/" + campaign + "/nominations").json();
		assertThat(statuses.findValuesAsString("status")).containsExactly("AWARDED", "WITHDRAWN");
		JsonNode honours = this.api.get("/api/v1/honours?regionCode=" + district).json();
		assertThat(honours.get("awards").findValuesAsString("commendationId")).containsExactly(campaign);
		assertThat(this.api.get("/api/v1/honours?regionCode=" + district).body()).doesNotContain("测试志愿者")
			.doesNotContain(member.volunteerId().toString());
		assertThat(this.api.get("/api/v1/honours?regionCode=" + CITY)
			.json()
			.get("awards")
			.findValuesAsString("commendationId")).contains(campaign);
		assertThat(api(member).get("/api/v1/me/awards").json().get("items").findValuesAsString("title"))
			.containsExactly("2026年度优秀志愿者");
		assertThat(api(other).get("/api/v1/me/awards").json().get("items")).isEmpty();
		assertThat(api(operator).get("/api/v1/volunteers/" + member.volunteerId() + "/awards").json()).hasSize(1);
		assertThat(api(stranger).get("/api/v1/volunteers/" + member.volunteerId() + "/awards").status()).isEqualTo(403);
	}

	@Test
	void anOrganizationIsNominatedByItsAdminAndItsAwardShowsOnItsPage() {
		String district = "520304";
		Person operator = this.fixtures.anOperatorOf(district);
		Team team = this.fixtures.anActiveTeamIn(district);
		Team otherTeam = this.fixtures.anActiveTeamIn(district);
		String campaign = create(operator, aCampaign(district, "ORGANIZATION"));
		assertThat(api(otherTeam.admin())
			.post("/api/v1/commendations/" + campaign + "/nominations",
					Map.of("nomineeId", team.id().toString(), "reason", "别的组织"))
			.status()).isEqualTo(403);
		String nomination = nominate(team.admin(), campaign, team.id());
		approve(operator, nomination);
		api(operator).post("/api/v1/commendations/" + campaign + "/notice", Map.of());
		JsonNode notice = this.api.get("/api/v1/commendations/" + campaign + "/notice").json();
		assertThat(notice.get("nominees").get(0).get("publicName").asString()).startsWith("测试志愿服务队");
		endNotice(campaign);
		assertThat(api(operator).post("/api/v1/commendations/" + campaign + "/awards", Map.of()).status())
			.isEqualTo(201);
		JsonNode awards = this.api.get("/api/v1/organizations/" + team.id() + "/awards").json();
		assertThat(awards.findValuesAsString("nomineeId")).containsExactly(team.id().toString());
		assertThat(this.api.get("/api/v1/organizations/" + otherTeam.id() + "/awards").json()).isEmpty();
	}

	@Test
	void onlyTheRegionsOperatorsRunACampaign() {
		String district = "520322";
		Person operator = this.fixtures.anOperatorOf(district);
		Person neighbour = this.fixtures.anOperatorOf("520304");
		Person volunteer = this.fixtures.aVolunteerIn(district);
		assertThat(api(neighbour).post("/api/v1/commendations", aCampaign(district, "VOLUNTEER")).status())
			.isEqualTo(403);
		assertThat(api(volunteer).post("/api/v1/commendations", aCampaign(district, "VOLUNTEER")).status())
			.isEqualTo(403);
		assertThat(this.api.post("/api/v1/commendations", aCampaign(district, "VOLUNTEER")).status()).isEqualTo(401);
		String campaign = create(operator, aCampaign(district, "VOLUNTEER"));
		String nomination = nominate(operator, campaign, volunteer.volunteerId());
		assertThat(api(volunteer)
			.post("/api/v1/commendations/" + campaign + "/nominations",
					Map.of("nomineeId", volunteer.volunteerId().toString(), "reason", "自荐"))
			.status()).isEqualTo(403);
		assertThat(api(neighbour).post("/api/v1/nominations/" + nomination + "/review", Map.of("decision", "APPROVE"))
			.status()).isEqualTo(403);
		assertThat(api(volunteer).get("/api/v1/commendations/" + campaign + "/nominations").status()).isEqualTo(403);
		assertThat(api(neighbour).get("/api/v1/commendations?regionCode=" + district).status()).isEqualTo(403);
		assertThat(api(operator).get("/api/v1/commendations?regionCode=" + district)
			.json()
			.get("items")
			.findValuesAsString("id")).containsExactly(campaign);
		approve(operator, nomination);
		assertThat(api(neighbour).post("/api/v1/commendations/" + campaign + "/notice", Map.of()).status())
			.isEqualTo(403);
		api(operator).post("/api/v1/commendations/" + campaign + "/notice", Map.of());
		endNotice(campaign);
		assertThat(api(neighbour).post("/api/v1/commendations/" + campaign + "/awards", Map.of()).status())
			.isEqualTo(403);
		assertThat(api(volunteer).get("/api/v1/commendations/" + campaign + "/objections").status()).isEqualTo(403);
	}

	@Test
	void namesEveryBadFieldAtOnce() {
		String district = "520322";
		Person operator = this.fixtures.anOperatorOf(district);
		Response bad = api(operator).post("/api/v1/commendations", Map.of("regionCode", "999999", "title", " ", "kind",
				"TEAM", "nominationsUntil", "2020-01-01T00:00:00Z", "noticeDays", 6));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("regionCode",
				"title", "kind", "nominationsUntil", "noticeDays");
		Response english = api(operator).in("en")
			.post("/api/v1/commendations", Map.of("regionCode", district, "title", "年度表彰", "kind", "VOLUNTEER",
					"nominationsUntil", OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).toString(), "noticeDays", 3));
		assertThat(english.json().get("errors").findValuesAsString("message"))
			.anyMatch((message) -> message.contains("7"));
		String campaign = create(operator, aCampaign(district, "VOLUNTEER"));
		Response nomination = api(operator).post("/api/v1/commendations/" + campaign + "/nominations",
				Map.of("nomineeId", "someone", "reason", ""));
		assertThat(nomination.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("nomineeId",
				"reason");
		Person volunteer = this.fixtures.aVolunteerIn(district);
		String nominated = nominate(operator, campaign, volunteer.volunteerId());
		Response review = api(operator).post("/api/v1/nominations/" + nominated + "/review",
				Map.of("decision", "MAYBE", "note", "字".repeat(501)));
		assertThat(review.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("decision",
				"note");
		Response rejectWithoutNote = api(operator).post("/api/v1/nominations/" + nominated + "/review",
				Map.of("decision", "REJECT"));
		assertThat(rejectWithoutNote.json().get("errors").findValuesAsString("field")).containsExactly("note");
		Response answer = api(operator).post("/api/v1/objections/" + UUID.randomUUID() + "/answer", Map.of());
		assertThat(answer.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("upheld", "note");
		assertThat(this.api.get("/api/v1/honours?regionCode=12").json().get("errors").findValuesAsString("field"))
			.containsExactly("regionCode");
	}

	@Autowired
	org.zhiyuan.volunteer.Volunteers volunteers;

	@Test
	void theHonourRollShowsOnlyStarVolunteersWhoAgreedMaskedAndTheBrandProjects() {
		String district = "520323";
		Team team = this.fixtures.anActiveTeamIn(district);
		Person starred = this.fixtures.aVolunteerIn(district);
		Person shy = this.fixtures.aVolunteerIn(district);
		Person unstarred = this.fixtures.aVolunteerIn(district);
		this.volunteers.updateHoursAndStars(starred.volunteerId(), new java.math.BigDecimal("1600.00"), 3);
		this.volunteers.updateHoursAndStars(shy.volunteerId(), new java.math.BigDecimal("2100.00"), 4);

		assertThat(api(starred).get("/api/v1/me/honour-roll").json().get("shown").asBoolean()).as("no by default")
			.isFalse();
		assertThat(this.api.get("/api/v1/honours?regionCode=" + district).json().get("starVolunteers").size()).isZero();
		for (Person person : List.of(starred, unstarred)) {
			Response agreed = api(person).send("PUT", "/api/v1/me/honour-roll", Map.of("shown", true));
			assertThat(agreed.status()).as(agreed.body()).isEqualTo(200);
			assertThat(agreed.json().get("shown").asBoolean()).isTrue();
		}
		JsonNode stars = this.api.get("/api/v1/honours?regionCode=" + district).json().get("starVolunteers");
		assertThat(stars.findValuesAsString("regionCode")).as("only who agreed and holds a star")
			.containsExactly(district);
		assertThat(this.api.get("/api/v1/honours?regionCode=" + CITY)
			.json()
			.get("starVolunteers")
			.findValuesAsString("regionCode")).as("the city's roll holds its districts' star volunteers")
			.contains(district);
		assertThat(stars.get(0).get("starLevel").asInt()).isEqualTo(3);
		assertThat(stars.get(0).get("totalHours").asString()).isEqualTo("1600.00");
		String body = this.api.get("/api/v1/honours?regionCode=" + district).body();
		assertThat(body).doesNotContain(starred.volunteerId().toString()).doesNotContain("测试志愿者");
		assertThat(stars.get(0).get("maskedName").asString()).contains("*");
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'volunteer.honour-roll' AND"
					+ " actor_id = :a AND detail = 'shown'")
			.param("a", starred.id())
			.query(Integer.class)
			.single()).isEqualTo(1);

		assertThat(api(starred).send("PUT", "/api/v1/me/honour-roll", Map.of("shown", false)).status()).isEqualTo(200);
		assertThat(this.api.get("/api/v1/honours?regionCode=" + district).json().get("starVolunteers").size())
			.as("withdrawn at once")
			.isZero();
		Response bad = api(starred).send("PUT", "/api/v1/me/honour-roll", Map.of());
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("\"shown\"");
		assertThat(api(this.fixtures.anOperatorOf(district)).get("/api/v1/me/honour-roll").status())
			.as("not a volunteer")
			.isEqualTo(404);

		String project = api(team.admin())
			.post("/api/v1/projects", Map.of("organizationId", team.id().toString(), "name", "红色文化讲解", "field",
					"CULTURE", "level", "DISTRICT"))
			.json()
			.get("id")
			.asString();
		assertThat(this.api.get("/api/v1/honours?regionCode=" + district).json().get("brandProjects").size()).isZero();
		assertThat(api(this.fixtures.anOperatorOf(district))
			.post("/api/v1/projects/" + project + "/brand", Map.of("brand", true))
			.status()).isEqualTo(200);
		assertThat(this.api.get("/api/v1/honours?regionCode=" + district)
			.json()
			.get("brandProjects")
			.findValuesAsString("id")).containsExactly(project);
		assertThat(
				this.api.get("/api/v1/honours?regionCode=" + CITY).json().get("brandProjects").findValuesAsString("id"))
			.as("the city's roll holds its districts' brand projects")
			.contains(project);
		String page = this.api.get("/honours?regionCode=" + district).body();
		assertThat(page).contains("id=\"honours-stars\"").contains("红色文化讲解").contains("品牌项目");
	}

}
