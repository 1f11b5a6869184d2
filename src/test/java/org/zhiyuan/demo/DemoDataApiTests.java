package org.zhiyuan.demo;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.zhiyuan.access.Actor;
import org.zhiyuan.account.AccountManagement;
import org.zhiyuan.certificate.Certificates;
import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.identity.CreditCodes;
import org.zhiyuan.stats.StatisticsFold;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

class DemoDataApiTests extends ApiTestSupport {

	@Autowired
	StatisticsFold fold;

	@Autowired
	AutowireCapableBeanFactory beans;

	@Autowired
	AccountManagement accounts;

	@Autowired
	Certificates certificates;

	@Autowired
	Regions regions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void seedsTheDemoDistrictOnceAndItsPeopleCanWork() {
		DemoData demo = this.beans.createBean(DemoData.class);
		long started = System.nanoTime();
		demo.run(null);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the demo starts quickly")
			.isLessThan(Duration.ofSeconds(30));
		assertThat(this.api
			.get("/api/v1/activities?regionCode=110105&q="
					+ java.net.URLEncoder.encode("银龄助餐", java.nio.charset.StandardCharsets.UTF_8))
			.json()
			.get("total")
			.asLong()).isPositive();
		long accountsAfterFirstRun = count("account");
		long organizationsAfterFirstRun = count("organization");
		long volunteersAfterFirstRun = count("volunteer");
		long recordsAfterFirstRun = count("service_record");
		long stationsAfterFirstRun = count("station");
		JsonNode stations = this.api.get("/api/v1/stations?regionCode=110105&bbox=116.40,39.88,116.48,39.94").json();
		assertThat(stations.get("total").asLong()).as("the district's stations show on the map")
			.isGreaterThanOrEqualTo(7);
		assertThat(this.api.get("/api/v1/stations?regionCode=110105&kind=PRACTICE_INSTITUTE&size=200")
			.json()
			.get("items")
			.findValuesAsString("name")).contains("建外街道新时代文明实践所", "朝外街道新时代文明实践所");
		// other tests add stations of this kind to the same street: find the demo's by
		// name
		String institute = null;
		for (JsonNode station : this.api
			.get("/api/v1/stations?regionCode=" + DemoData.JIANWAI + "&kind=PRACTICE_INSTITUTE&size=200")
			.json()
			.get("items")) {
			if (station.get("name").asString().equals("建外街道新时代文明实践所")) {
				institute = station.get("id").asString();
			}
		}
		assertThat(institute).as("the demo's practice institute of 建外街道").isNotNull();
		assertThat(this.api.get("/stations/" + institute).body())
			.as("the running team's menu, ordered from the station")
			.contains("上门助餐", "陪同就医", "/needs/new?menuItemId=");
		demo.run(null);
		assertThat(count("account")).isEqualTo(accountsAfterFirstRun);
		assertThat(count("organization")).isEqualTo(organizationsAfterFirstRun);
		assertThat(count("volunteer")).isEqualTo(volunteersAfterFirstRun);
		assertThat(count("service_record")).isEqualTo(recordsAfterFirstRun);
		assertThat(count("station")).isEqualTo(stationsAfterFirstRun);

		Api chaoyang = this.api.signIn("chaoyang", DemoData.PASSWORD);
		// other tests add staff to the district too: read every page
		java.util.List<String> staff = new java.util.ArrayList<>();
		for (int page = 0;; page++) {
			JsonNode found = chaoyang.get("/api/v1/staff?regionCode=110105&size=200&page=" + page).json();
			staff.addAll(found.get("items").findValuesAsString("username"));
			if (found.get("items").size() < 200) {
				break;
			}
		}
		assertThat(staff).contains("chaoyang", "jianwai", "chaowai", "yonganli", "shenji").doesNotContain("huangpu");
		this.fold.foldAll();
		Api yonganli = this.api.signIn("yonganli", DemoData.PASSWORD);
		JsonNode community = yonganli.get("/api/v1/stats/overview?regionCode=" + DemoData.YONGANLI).json();
		assertThat(community.get("registeredVolunteers").asLong()).as("刘淑芬 and 郑雅琴 live in 永安里社区").isEqualTo(2);
		assertThat(yonganli.get("/api/v1/stats/overview?regionCode=" + DemoData.JIANWAI).status())
			.as("the street above is not the community operator's")
			.isEqualTo(403);

		JsonNode association = demoOrganization(chaoyang, DemoData.ASSOCIATION,
				(o) -> DemoData.ASSOCIATION_CREDIT_CODE.equals(o.path("creditCode").asString()));
		assertThat(CreditCodes.isValid(association.get("creditCode").asString(), this.regions::exists)).isTrue();
		assertThat(association.get("type").asString()).isEqualTo("SOCIAL_ORGANIZATION");
		assertThat(association.get("status").asString()).isEqualTo("ACTIVE");
		List<JsonNode> teams = List.of(demoTeam(chaoyang, DemoData.ELDERLY_TEAM),
				demoTeam(chaoyang, DemoData.YOUTH_TEAM), demoOrganization(chaoyang, DemoData.SCHOOL_TEAM,
						(o) -> "SCHOOL_TEAM".equals(o.path("type").asString())));
		assertThat(teams).extracting((o) -> o.get("status").asString()).containsOnly("ACTIVE");
		assertThat(teams.get(0).get("type").asString()).isEqualTo("COMMUNITY_TEAM");
		assertThat(teams.get(0).get("memberCount").asLong()).isEqualTo(5);
		assertThat(demoTeam(chaoyang, DemoData.PENDING_TEAM).get("status").asString()).isEqualTo("PENDING");
		String youth = teams.get(1).get("id").asString();
		assertThat(chaoyang.get("/api/v1/organizations/" + youth + "/history")
			.json()
			.get("items")
			.findValuesAsString("kind")).containsExactlyInAnyOrder("APPLIED", "APPROVED", "WARNED");
		assertThat(chaoyang.get("/api/v1/organizations/" + youth + "/members?status=PENDING")
			.json()
			.get("items")
			.findValuesAsString("name")).containsExactly("林子涵");

		Response token = this.api.post("/api/v1/auth/token",
				Map.of("username", DemoData.DEMO_VOLUNTEER, "password", DemoData.PASSWORD));
		assertThat(token.status()).isEqualTo(200);
		Api lihua = this.api.as(token.json().get("accessToken").asString());
		JsonNode me = lihua.get("/api/v1/volunteers/me").json();
		assertThat(me.get("name").asString()).isEqualTo("李华");
		assertThat(me.get("idNumberMasked").asString()).matches("370\\*{11}[0-9X]{4}");
		assertThat(me.get("phoneMasked").asString()).isEqualTo("138****0001");
		assertThat(lihua.get("/api/v1/organizations/mine").json().get("items").findValuesAsString("name"))
			.containsExactly(DemoData.ELDERLY_TEAM);
		assertThat(lihua.get("/api/v1/volunteers/me/invitations")
			.json()
			.get("items")
			.findValuesAsString("organizationName")).as("an invitation left open for the demo")
			.containsExactly(DemoData.YOUTH_TEAM);
		JsonNode qualifications = lihua.get("/api/v1/volunteers/me/profile").json().get("qualifications");
		assertThat(qualifications.findValuesAsString("name")).contains("红十字救护员证");
		assertThat(qualifications.findValuesAsString("status")).as("confirmed, so that they meet requirements")
			.containsOnly("CONFIRMED");
		JsonNode recommended = lihua.get("/api/v1/volunteers/me/recommendations").json().get("items");
		assertThat(recommended.size()).as("the demo volunteer has something to sign up for").isPositive();
		assertThat(recommended.get(0).get("reasons").size()).isPositive();

		JsonNode minor = this.api.signIn("13800000010", DemoData.PASSWORD).get("/api/v1/volunteers/me/profile").json();
		assertThat(minor.get("guardian").get("name").asString()).isEqualTo("林伟");
		assertThat(minor.get("guardian").get("idNumberMasked").asString()).startsWith("110").contains("*");
		JsonNode partyMember = this.api.signIn("13800000002", DemoData.PASSWORD)
			.get("/api/v1/volunteers/me/profile")
			.json();
		assertThat(partyMember.get("categories").toString()).contains("PARTY_MEMBER");
		assertThat(partyMember.get("partyReportIns").findValuesAsString("communityName")).containsExactly("朝外街道吉祥里社区");
		JsonNode passport = this.api.signIn("13800000011", DemoData.PASSWORD).get("/api/v1/volunteers/me").json();
		assertThat(passport.get("idType").asString()).isEqualTo("PASSPORT");
		assertThat(passport.get("birthDate").asString()).isEqualTo("1990-08-19");
		assertThat(passport.get("gender").asString()).isEqualTo("FEMALE");

		assertHistory(chaoyang, lihua, teams.get(0).get("id").asString());
		assertPairing();
		assertNeeds();
		assertTimeBank();
		assertRewards();
		assertPublicity(chaoyang, lihua);
	}

	/**
	 * Supervision, commendation and publicity: the district's campaign on public notice
	 * (masked), an objection to answer, the honour roll with star volunteers who agreed
	 * and the brand projects, published stories and one to review, evaluations, a report
	 * and an erasure request to handle.
	 */
	private void assertPublicity(Api chaoyang, Api lihua) {
		// Other tests share the district, so the demo's own rows are found by what they
		// say.
		JsonNode campaigns = chaoyang.get("/api/v1/commendations?regionCode=" + DemoData.DISTRICT + "&size=200").json();
		String campaign = itemWhere(campaigns, "title", "2026年度朝阳区优秀志愿者").get("id").asString();
		Response notice = this.api.get("/api/v1/commendations/" + campaign + "/notice");
		assertThat(notice.status()).as(notice.body()).isEqualTo(200);
		assertThat(notice.body()).contains("刘*芬").doesNotContain("刘淑芬").doesNotContain("王建国");
		assertThat(chaoyang.get("/api/v1/commendations/" + campaign + "/objections").body()).contains("\"OPEN\"");
		JsonNode roll = this.api.get("/api/v1/honours?regionCode=" + DemoData.DISTRICT).json();
		assertThat(roll.get("brandProjects").findValuesAsString("name")).as("the district's brand projects")
			.contains(DemoHistory.MEALS_PROJECT, DemoHistory.SORTING_PROJECT, DemoHistory.MUSEUM_PROJECT);
		assertThat(roll.get("starVolunteers").size()).as("the star volunteers who agreed").isPositive();
		assertThat(roll.toString()).doesNotContain("李华");
		JsonNode stories = this.api.get("/api/v1/stories?regionCode=" + DemoData.DISTRICT + "&size=200").json();
		assertThat(stories.get("items").findValuesAsString("title")).as("published")
			.contains("三年送餐路：银龄助餐的周六", "小小讲解员走进区博物馆")
			.doesNotContain("垃圾分类，从每个投放点开始");
		assertThat(
				chaoyang.get("/api/v1/stories/review-queue?size=200").json().get("items").findValuesAsString("title"))
			.as("waiting for the district's review")
			.contains("垃圾分类，从每个投放点开始");
		assertThat(lihua.get("/api/v1/me/honour-roll").json().get("shown").asBoolean()).isTrue();
		JsonNode complaints = chaoyang.get("/api/v1/complaints?regionCode=" + DemoData.DISTRICT + "&size=200").json();
		assertThat(complaints.get("items").findValuesAsString("description"))
			.anySatisfy((description) -> assertThat(description).startsWith("博物馆讲解活动结束得晚"));
		JsonNode erasures = chaoyang
			.get("/api/v1/erasure-requests?regionCode=" + DemoData.DISTRICT + "&status=QUEUED&size=200")
			.json();
		assertThat(erasures.get("items").findValuesAsString("reason"))
			.anySatisfy((reason) -> assertThat(reason).startsWith("我即将搬到外地"));
		assertThat(count("volunteer_evaluation")).isPositive();
		assertThat(count("activity_rating")).isPositive();
	}

	/**
	 * The time bank: 刘淑芬 (13800000003) is 李华's confirmed mother and received hours from
	 * her; both accounts hold hours of elderly care, and the ledger balances; 李华's hours
	 * pay for a neighbour's need.
	 */
	private void assertTimeBank() {
		Api mother = this.api.signIn("13800000003", DemoData.PASSWORD);
		JsonNode relatives = mother.get("/api/v1/me/relatives").json().get("items");
		assertThat(relatives.get(0).get("status").asString()).isEqualTo("CONFIRMED");
		assertThat(relatives.get(0).get("relation").asString()).isEqualTo("CHILD");
		String motherId = mother.get("/api/v1/volunteers/me").json().get("id").asString();
		JsonNode account = mother.get("/api/v1/volunteers/" + motherId + "/time-account").json();
		assertThat(new java.math.BigDecimal(account.get("giftedIn").asString())).isPositive();
		assertThat(new java.math.BigDecimal(account.get("balance").asString())).isPositive();
		JsonNode audit = this.api.signIn("chaoyang", DemoData.PASSWORD)
			.get("/api/v1/time-bank/audit?regionCode=110105")
			.json();
		assertThat(audit.get("sum").asString()).isEqualTo("0.00");
		assertThat(audit.get("regionAccounts").asLong()).isGreaterThan(2);
		assertThat(new java.math.BigDecimal(account.get("held").asString())).isEqualByComparingTo("1.00");
		JsonNode services = mother.get("/api/v1/me/time-services").json().get("items");
		assertThat(services.get(0).get("status").asString()).isEqualTo("HELD");
		// 李华's hours pay for her neighbour 张桂兰's open need, held until it is done
		JsonNode lihuaServices = this.api.signIn(DemoData.DEMO_VOLUNTEER, DemoData.PASSWORD)
			.get("/api/v1/me/time-services")
			.json()
			.get("items");
		assertThat(lihuaServices).hasSize(1);
		assertThat(lihuaServices.get(0).get("status").asString()).isEqualTo("HELD");
		assertThat(lihuaServices.get(0).get("needId").isNull()).isFalse();
	}

	/**
	 * Points and rewards: 朝阳区 offers three rewards; 李华's service earned points, and she
	 * holds the code of a book voucher.
	 */
	private void assertRewards() {
		JsonNode catalogue = this.api.get("/api/v1/rewards?regionCode=" + DemoData.DISTRICT).json();
		assertThat(catalogue.get("total").asLong()).isGreaterThanOrEqualTo(3);
		Api lihua = this.api.signIn(DemoData.DEMO_VOLUNTEER, DemoData.PASSWORD);
		String id = lihua.get("/api/v1/volunteers/me").json().get("id").asString();
		JsonNode points = lihua.get("/api/v1/volunteers/" + id + "/points").json();
		assertThat(points.get("balance").asInt()).isPositive();
		JsonNode redemptions = lihua.get("/api/v1/me/redemptions").json().get("items");
		assertThat(redemptions).hasSize(1);
		assertThat(redemptions.get(0).get("status").asString()).isEqualTo("ISSUED");
		assertThat(redemptions.get(0).get("code").asString()).hasSize(10);
	}

	/**
	 * One pairing in 建外街道: its volunteer sees it with the next visit due after the visit
	 * she logged; the street's operator sees it too, with its continuity.
	 */
	private void assertPairing() {
		JsonNode mine = this.api.signIn("13800000003", DemoData.PASSWORD)
			.get("/api/v1/volunteers/me/pairings")
			.json()
			.get("items");
		assertThat(mine.size()).isEqualTo(1);
		assertThat(mine.get(0).get("beneficiaryNameMasked").asString()).isEqualTo("张*明");
		assertThat(mine.get(0).get("lastVisitAt").isNull()).isFalse();
		Api jianwai = this.api.signIn("jianwai", DemoData.PASSWORD);
		String pairing = mine.get(0).get("id").asString();
		assertThat(jianwai.get("/api/v1/pairings/" + pairing).json().get("organizationName").asString())
			.isEqualTo(DemoData.ELDERLY_TEAM);
		assertThat(jianwai.get("/api/v1/pairings/" + pairing + "/visits").json().get("total").asLong()).isEqualTo(1);
		JsonNode continuity = jianwai.get("/api/v1/pairings/continuity?regionCode=" + DemoData.JIANWAI + "&size=200")
			.json()
			.get("items");
		List<Integer> scores = new ArrayList<>();
		continuity.forEach((item) -> {
			if (item.get("pairingId").asString().equals(pairing)) {
				scores.add(item.get("score").asInt());
			}
		});
		assertThat(scores).containsExactly(100);
	}

	/**
	 * Thirteen weeks behind the district: the demo volunteer's confirmed hours, a star
	 * and a sealed certificate; finished activities recorded afterwards; brand projects;
	 * the teams' seals; last week's records in the operator's queue; a check-in board.
	 */
	/** The demo resident's needs at every step, and the street's dispatch queue. */
	private void assertNeeds() {
		Api resident = this.api.signIn(DemoNeeds.DEMO_RESIDENT, DemoData.PASSWORD);
		assertThat(resident.get("/api/v1/residents/me/needs").json().get("items").findValuesAsString("status"))
			.containsExactlyInAnyOrder("SUBMITTED", "DISPATCHED");
		Api jianwai = this.api.signIn("jianwai", DemoData.PASSWORD);
		assertThat(jianwai.get("/api/v1/needs?regionCode=" + DemoData.JIANWAI)
			.json()
			.get("items")
			.findValuesAsString("status")).contains("SUBMITTED", "DISPATCHED", "ACCEPTED", "RATED");
		assertThat(this.api.get("/api/v1/menu-items?regionCode=" + DemoData.YONGANLI + "&size=200")
			.json()
			.get("items")
			.findValuesAsString("title")).contains("上门助餐", "陪同就医");
	}

	private void assertHistory(Api chaoyang, Api lihua, String elderlyTeam) {
		JsonNode me = lihua.get("/api/v1/volunteers/me").json();
		assertThat(new BigDecimal(me.get("totalHours").asString())).as("over a hundred hours")
			.isGreaterThan(new BigDecimal("100"));
		assertThat(me.get("starLevel").asInt()).isEqualTo(1);
		JsonNode records = lihua.get("/api/v1/volunteers/me/records?size=100").json().get("items");
		assertThat(records.findValuesAsString("review"))
			.as("confirmed by the operator, one by one or with the activity")
			.contains("CONFIRMED")
			.doesNotContain("HELD", "VOIDED");
		assertThat(records.findValuesAsString("method")).containsOnly("MANUAL");
		JsonNode certificates = lihua.get("/api/v1/volunteers/me/certificates").json().get("items");
		assertThat(certificates.size()).isEqualTo(1);
		assertThat(certificates.get(0).get("issuer").asString()).isEqualTo(DemoData.ELDERLY_TEAM);
		assertThat(certificates.get(0).get("withSeal").asBoolean()).isTrue();

		JsonNode activities = chaoyang.get("/api/v1/organizations/" + elderlyTeam + "/activities?size=100")
			.json()
			.get("items");
		assertThat(activities.findValuesAsString("status")).contains("FINISHED", "RECRUITING");
		assertThat(count("audit_event WHERE action = 'activity.record-past'")).isGreaterThanOrEqualTo(20);
		JsonNode brands = this.api.get("/api/v1/projects?regionCode=110105&brand=true&size=100").json().get("items");
		assertThat(brands.findValuesAsString("name")).contains(DemoHistory.MEALS_PROJECT, DemoHistory.SORTING_PROJECT,
				DemoHistory.MUSEUM_PROJECT);
		assertThat(chaoyang.get("/api/v1/records/flagged?regionCode=110105&size=100")
			.json()
			.get("items")
			.findValuesAsString("reason")).contains("团队入驻平台前线下开展，按活动签到表补录");
		List<JsonNode> waiting = new ArrayList<>();
		chaoyang.get("/api/v1/activity-reviews?regionCode=110105&size=200").json().get("items").forEach((item) -> {
			if (DemoData.YOUTH_TEAM.equals(item.get("activity").get("organizationName").asString())) {
				waiting.add(item);
			}
		});
		assertThat(waiting).as("the youth team's last activity, left for the operator").hasSize(1);
		assertThat(waiting.get(0).get("activity").get("title").asString()).isEqualTo("垃圾分类宣传进社区");
		assertThat(waiting.get(0).get("backfill").asBoolean()).isTrue();

		String chaoyangId = chaoyang.get("/api/v1/accounts/me").json().get("id").asString();
		Actor operator = this.accounts.currentActor(UUID.fromString(chaoyangId)).orElseThrow();
		assertThat(this.certificates.seal(operator, UUID.fromString(elderlyTeam))).as("the team's seal")
			.hasValueSatisfying((png) -> assertThat(png).startsWith(0x89, 'P', 'N', 'G'));

		JsonNode today = activities.valueStream()
			.filter((a) -> "养老驿站值班陪护".equals(a.get("title").asString()))
			.findFirst()
			.orElseThrow();
		JsonNode board = lihua.get("/api/v1/activities/" + today.get("id").asString() + "/attendance").json();
		assertThat(board.get("total").asInt()).as("checked in with the code, and one by hand").isEqualTo(4);

		// the gates: a first-aid course with a session, the team's policy, and a
		// high-risk activity published under it after the district's review
		assertThat(count("course_session s JOIN course c ON c.id = s.course_id WHERE c.title = '红十字救护员培训'"))
			.isEqualTo(1);
		assertThat(count("insurance_policy WHERE policy_number = 'PICC-DEMO-2026-0001'")).isEqualTo(1);
		// emergency: a team of each tier, a week's duty, a plan and an open drill
		assertThat(this.jdbc
			.sql("SELECT t.tier FROM emergency_team t JOIN organization o ON o.id = t.organization_id"
					+ " WHERE o.name IN ('北京市应急志愿服务总队', '朝阳区志愿者协会', '朝外街道青年志愿服务队') ORDER BY t.tier")
			.query(String.class)
			.list()).containsExactly("CITY", "DISTRICT", "STREET");
		assertThat(count(
				"emergency_duty d JOIN organization o ON o.id = d.organization_id" + " WHERE o.name = '朝外街道青年志愿服务队'"))
			.isEqualTo(14);
		assertThat(count("emergency_plan WHERE name = '朝阳区城区内涝应急预案' AND region_code = '110105'")).isEqualTo(1);
		assertThat(this.jdbc
			.sql("SELECT c.status FROM emergency_call c JOIN emergency_mobilization m ON m.id = c.mobilization_id"
					+ " WHERE m.title = '朝外大街应急疏散演练' AND m.status = 'OPEN' AND m.drill = TRUE"
					+ " AND c.status <> 'NOTIFIED' ORDER BY c.status")
			.query(String.class)
			.list()).containsExactly("ACCEPTED", "ACCEPTED");
		assertThat(count("emergency_group g JOIN emergency_mobilization m ON m.id = g.mobilization_id"
				+ " WHERE m.title = '朝外大街应急疏散演练' AND g.name = '救护组'"))
			.isEqualTo(1);
		JsonNode patrol = activities.valueStream()
			.filter((a) -> "汛期河道巡查".equals(a.get("title").asString()))
			.findFirst()
			.orElseThrow();
		assertThat(patrol.get("status").asString()).isEqualTo("RECRUITING");
	}

	/**
	 * The demo's organization of that name: other tests in the same application may use
	 * the same names, so the demo's is told apart by what only it has.
	 */
	private static JsonNode demoOrganization(Api operator, String name, Predicate<JsonNode> demo) {
		JsonNode items = operator.get("/api/v1/organizations/supervised?regionCode=110105&size=200&q=" + name)
			.json()
			.get("items");
		List<JsonNode> found = new ArrayList<>();
		items.forEach((item) -> {
			if (name.equals(item.get("name").asString()) && demo.test(item)) {
				found.add(item);
			}
		});
		assertThat(found).as(name).hasSize(1);
		return found.get(0);
	}

	private static JsonNode demoTeam(Api operator, String name) {
		return demoOrganization(operator, name, (o) -> DemoData.ASSOCIATION.equals(o.path("parentName").asString()));
	}

	private long count(String table) {
		return this.jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
	}

	private static JsonNode itemWhere(JsonNode page, String field, String value) {
		for (JsonNode item : page.get("items")) {
			if (value.equals(item.get(field).asString())) {
				return item;
			}
		}
		throw new AssertionError("no item with " + field + " = " + value + " in " + page);
	}

}
