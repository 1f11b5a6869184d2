package org.zhiyuan.stats;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.zhiyuan.access.Actor;
import org.zhiyuan.access.Grant;
import org.zhiyuan.activity.Activities;
import org.zhiyuan.activity.ActivityView;
import org.zhiyuan.activity.ProjectLevel;
import org.zhiyuan.activity.ProjectView;
import org.zhiyuan.organization.NewOrganization;
import org.zhiyuan.organization.OrganizationType;
import org.zhiyuan.organization.OrganizationView;
import org.zhiyuan.organization.Organizations;
import org.zhiyuan.region.Regions;
import org.zhiyuan.record.RecordAmendments;
import org.zhiyuan.record.ServiceRecordView;
import org.zhiyuan.record.ServiceRecords;
import org.zhiyuan.regionsettings.OwnSettings;
import org.zhiyuan.regionsettings.RegionSettings;
import org.zhiyuan.shared.ServiceField;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Download;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;
import org.zhiyuan.volunteer.VolunteerRegistration;
import org.zhiyuan.volunteer.Volunteers;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small scene in 海口市 (460100), entered through the modules' services and folded
 * directly: the rankings the API gives, exactly. Its districts are 秀英区 (460105,
 * population 40), 龙华区 (460106, population 10), 琼山区 (460107) and 美兰区 (460108), no
 * population stated for the last two.
 * <ul>
 * <li>Team A (龙华, 460106001) has the brand project P; its admin and Yi and Er live in 龙华.
 * In the later month Yi serves 3 hours in P's activity, amended to 2.5, and Er 2 hours;
 * in the earlier month Yi serves 4 hours in an activity of no project.</li>
 * <li>Team B (秀英, 460105001) has project Q (not a brand) and the brand project R; its
 * admin and San live in 秀英, Si in 琼山. In the later month San serves 5 hours and Si 1 hour
 * in Q's activity; R's activity has no records.</li>
 * </ul>
 * Registered: 龙华 3, 秀英 2, 琼山 1, 美兰 0. Hours by where the volunteers live: 龙华 8.50 (4.50
 * in the later month), 秀英 5.00, 琼山 1.00. Team A: 8.50 hours, 3 records, 2 activities;
 * team B: 6.00 hours, 2 records, 2 activities.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RankingsApiTests extends ApiTestSupport {

	private static final String PROVINCE = "460000";

	private static final String CITY = "460100";

	private static final String XIUYING = "460105";

	private static final String LONGHUA = "460106";

	private static final String QIONGSHAN = "460107";

	private static final String MEILAN = "460108";

	private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	@Autowired
	VolunteerRegistration registration;

	@Autowired
	Volunteers volunteers;

	@Autowired
	Activities activities;

	@Autowired
	ServiceRecords records;

	@Autowired
	RecordAmendments amendments;

	@Autowired
	RegionSettings settings;

	@Autowired
	Organizations organizations;

	@Autowired
	StatisticsFold fold;

	@Autowired
	Statistics statistics;

	@Autowired
	StatsRebuild rebuild;

	@Autowired
	Rankings rankings;

	@Autowired
	JdbcClient jdbc;

	private YearMonth earlier;

	private YearMonth later;

	private Team teamA;

	private Team teamB;

	private ProjectView brandP;

	private ProjectView brandR;

	private Api cityOperator;

	@BeforeAll
	void setTheScene() {
		StatsScene scene = new StatsScene(this.fixtures, this.registration, this.volunteers, this.activities,
				this.records, this.amendments, PROVINCE);
		YearMonth[] months = StatsScene.twoPastMonthsOfOneYear();
		this.earlier = months[0];
		this.later = months[1];
		this.teamA = this.fixtures.anActiveTeamIn("460106001");
		this.teamB = this.fixtures.anActiveTeamIn("460105001");
		Person yi = scene.volunteerAged(30, "460106001");
		Person er = scene.volunteerAged(40, "460106002");
		Person san = scene.volunteerAged(50, "460105001");
		Person si = scene.volunteerAged(20, "460107001");
		this.brandP = project(this.teamA, "椰城助老");
		ProjectView q = project(this.teamB, "海岸清洁");
		this.brandR = project(this.teamB, "琼剧进社区");
		Actor cityActor = this.fixtures.actorOf(this.fixtures.anOperatorOf(CITY));
		this.activities.markBrand(cityActor, this.brandP.id(), true);
		this.activities.markBrand(cityActor, this.brandR.id(), true);
		Team teamC = secondTeamOf(this.teamB, "460108001");
		this.activities.markBrand(cityActor, project(teamC, "停办的品牌项目").id(), true);
		this.organizations.suspend(cityActor, teamC.id(), "年检未通过");
		ActivityView inP = scene.activity(this.teamA, this.brandP.id(), "460106001", ServiceField.ELDERLY_CARE,
				this.later.atDay(10));
		ActivityView plain = scene.activity(this.teamA, "460106001", ServiceField.ELDERLY_CARE, this.earlier.atDay(12));
		ActivityView inQ = scene.activity(this.teamB, q.id(), "460105001", ServiceField.ENVIRONMENT,
				this.later.atDay(15));
		scene.activity(this.teamB, this.brandR.id(), "460105001", ServiceField.CULTURE, this.later.atDay(20));
		ServiceRecordView amended = scene.serve(this.teamA, yi, inP, 9, 0, 12, 0);
		scene.serve(this.teamA, er, inP, 9, 0, 11, 0);
		scene.serve(this.teamA, yi, plain, 10, 0, 14, 0);
		scene.serve(this.teamB, san, inQ, 8, 0, 13, 0);
		scene.serve(this.teamB, si, inQ, 9, 0, 10, 0);
		scene.amend(this.teamA, yi, amended, "2.50");
		this.settings.update(this.fixtures.actorOf(this.fixtures.anOperatorOf(XIUYING)), XIUYING,
				new OwnSettings(null, null, 40L));
		this.settings.update(this.fixtures.actorOf(this.fixtures.anOperatorOf(LONGHUA)), LONGHUA,
				new OwnSettings(null, null, 10L));
		this.fold.foldAll();
		this.cityOperator = new Api("http://localhost:" + this.port)
			.as(this.fixtures.tokenFor(this.fixtures.anOperatorOf(CITY)));
	}

	/** Another team in the region, run by the admin of one already there. */
	private Team secondTeamOf(Team team, String regionCode) {
		OrganizationView organization = this.organizations.apply(this.fixtures.actorOf(team.admin()),
				new NewOrganization("美兰服务队" + Fixtures.uniqueUsername(""), OrganizationType.COMMUNITY_TEAM, null,
						regionCode, null, List.of(ServiceField.CULTURE), null, null, null));
		this.organizations.approve(new Actor(UUID.randomUUID(), "op", "op", Set.of(Grant.operatorOf(Regions.NATIONAL))),
				organization.id());
		return new Team(organization.id(), team.admin());
	}

	@Test
	void ranksTheDistrictsByRegisteredShareWithThoseWithoutAPopulationLast() {
		JsonNode ranking = ranking(CITY, "REGISTERED_SHARE", null, null);
		assertThat(ranking.get("regionCode").asString()).isEqualTo(CITY);
		assertThat(ranking.get("by").asString()).isEqualTo("REGISTERED_SHARE");
		assertThat(ranking.get("period").asString()).isEqualTo("ALL");
		assertThat(rows(ranking, "volunteers", "population")).containsExactly(
				List.of("1", LONGHUA, "龙华区", "0.3000", "3", "10"), List.of("2", XIUYING, "秀英区", "0.0500", "2", "40"),
				List.of("null", QIONGSHAN, "琼山区", "null", "1", "null"),
				List.of("null", MEILAN, "美兰区", "null", "0", "null"));
	}

	@Test
	void ranksTheDistrictsByHoursPerVolunteerOfThePeriod() {
		assertThat(rows(ranking(CITY, "HOURS_PER_VOLUNTEER", "ALL", null), "hours", "volunteers")).containsExactly(
				List.of("1", LONGHUA, "龙华区", "2.83", "8.50", "3"), List.of("2", XIUYING, "秀英区", "2.50", "5.00", "2"),
				List.of("3", QIONGSHAN, "琼山区", "1.00", "1.00", "1"),
				List.of("null", MEILAN, "美兰区", "null", "0.00", "0"));
		assertThat(rows(ranking(CITY, "HOURS_PER_VOLUNTEER", this.later.toString(), null), "hours"))
			.as("Yi's earlier 4 hours do not count in the later month")
			.containsExactly(List.of("1", XIUYING, "秀英区", "2.50", "5.00"), List.of("2", LONGHUA, "龙华区", "1.50", "4.50"),
					List.of("3", QIONGSHAN, "琼山区", "1.00", "1.00"), List.of("null", MEILAN, "美兰区", "null", "0.00"));
	}

	@Test
	void ranksTheOrganizationsByTheHoursOfTheirActivitiesInThePeriod() {
		String a = this.teamA.id().toString();
		String b = this.teamB.id().toString();
		assertThat(rows(ranking(CITY, "ORGANIZATION_HOURS", null, null), "hours", "records", "activities"))
			.containsExactly(List.of("1", a, name(this.teamA), "8.50", "8.50", "3", "2"),
					List.of("2", b, name(this.teamB), "6.00", "6.00", "2", "2"));
		assertThat(rows(ranking(CITY, "ORGANIZATION_HOURS", String.valueOf(this.later.getYear()), null), "hours"))
			.containsExactly(List.of("1", a, name(this.teamA), "8.50", "8.50"),
					List.of("2", b, name(this.teamB), "6.00", "6.00"));
		assertThat(rows(ranking(CITY, "ORGANIZATION_HOURS", this.later.toString(), null), "hours", "activities"))
			.containsExactly(List.of("1", b, name(this.teamB), "6.00", "6.00", "2"),
					List.of("2", a, name(this.teamA), "4.50", "4.50", "1"));
		assertThat(rows(ranking(CITY, "ORGANIZATION_HOURS", this.earlier.toString(), null), "hours"))
			.containsExactly(List.of("1", a, name(this.teamA), "4.00", "4.00"));
		assertThat(rows(ranking(CITY, "ORGANIZATION_HOURS", null, 1)))
			.containsExactly(List.of("1", a, name(this.teamA), "8.50"));
		assertThat(rows(ranking(XIUYING, "ORGANIZATION_HOURS", null, null)))
			.as("an organization counts in its own region, wherever its volunteers live")
			.containsExactly(List.of("1", b, name(this.teamB), "6.00"));
		assertThat(ranking(MEILAN, "ORGANIZATION_HOURS", null, null).get("items").size()).isZero();
	}

	@Test
	void ranksTheBrandProjectsByTheHoursOfTheirActivities() {
		String p = this.brandP.id().toString();
		String r = this.brandR.id().toString();
		assertThat(
				rows(ranking(CITY, "BRAND_PROJECTS", null, null), "hours", "records", "activities", "organizationName"))
			.as("Q is not a brand project; R is one without hours; the suspended team's is left out")
			.containsExactly(List.of("1", p, "椰城助老", "4.50", "4.50", "2", "1", name(this.teamA)),
					List.of("2", r, "琼剧进社区", "0.00", "0.00", "0", "1", name(this.teamB)));
		JsonNode earlierMonth = ranking(CITY, "BRAND_PROJECTS", this.earlier.toString(), null);
		assertThat(earlierMonth.get("items").findValues("rank")).extracting(JsonNode::asInt).containsExactly(1, 1);
		assertThat(rows(ranking(LONGHUA, "BRAND_PROJECTS", null, null)))
			.containsExactly(List.of("1", p, "椰城助老", "4.50"));
	}

	@Test
	void givesTheSameRankingToTheDashboardInTheReadersLanguage() {
		Actor auditor = new Actor(UUID.randomUUID(), "auditor", "auditor", Set.of(Grant.auditorOf(PROVINCE)));
		Ranking ranking = this.rankings.rank(auditor, CITY, RankingKind.REGISTERED_SHARE, ReportPeriod.allTime(), 2,
				java.util.Locale.ENGLISH);
		assertThat(ranking.items()).extracting(Ranking.Item::label)
			.containsExactly("Longhua District", "Xiuying District");
		assertThat(ranking.items().get(0).value()).isEqualByComparingTo("0.3");
		JsonNode english = this.cityOperator.in("en")
			.get("/api/v1/stats/rankings?regionCode=" + CITY + "&by=HOURS_PER_VOLUNTEER")
			.json();
		assertThat(english.get("items").get(0).get("label").asString()).isEqualTo("Longhua District");
	}

	@Test
	void givesTheRankingAsAWorkbookWithTheSameNumbers() throws Exception {
		String path = "/api/v1/stats/rankings?regionCode=" + CITY + "&by=ORGANIZATION_HOURS&period=ALL";
		Download sheet = this.cityOperator.download(path, XLSX);
		assertThat(sheet.status()).isEqualTo(200);
		assertThat(sheet.contentType()).startsWith(XLSX);
		JsonNode items = this.cityOperator.get(path).json().get("items");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(sheet.body()))) {
			Sheet rows = workbook.getSheetAt(0);
			assertThat(rows.getLastRowNum()).isEqualTo(items.size());
			for (int i = 0; i < items.size(); i++) {
				Row row = rows.getRow(i + 1);
				JsonNode item = items.get(i);
				assertThat((int) row.getCell(0).getNumericCellValue()).isEqualTo(item.get("rank").asInt());
				assertThat(row.getCell(1).getStringCellValue()).isEqualTo(item.get("key").asString());
				assertThat(row.getCell(2).getStringCellValue()).isEqualTo(item.get("label").asString());
				assertThat(BigDecimal.valueOf(row.getCell(3).getNumericCellValue()))
					.isEqualByComparingTo(item.get("value").asString());
				assertThat((long) row.getCell(7).getNumericCellValue()).isEqualTo(item.get("records").asLong());
				assertThat((long) row.getCell(8).getNumericCellValue()).isEqualTo(item.get("activities").asLong());
			}
			assertThat(workbook.getSheetAt(1).getRow(1).getCell(1).getStringCellValue())
				.isEqualTo("ORGANIZATION_HOURS");
		}
		Download shares = this.cityOperator
			.download("/api/v1/stats/rankings?regionCode=" + CITY + "&by=REGISTERED_SHARE", XLSX);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(shares.body()))) {
			Row last = workbook.getSheetAt(0).getRow(4);
			assertThat(last.getCell(1).getStringCellValue()).isEqualTo(MEILAN);
			assertThat(last.getCell(0)).as("no rank without a population").isNull();
			assertThat(last.getCell(3)).isNull();
		}
		Download refused = this.cityOperator.download(path.replace("ORGANIZATION_HOURS", "PEOPLE"), XLSX);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.contentType()).startsWith("application/problem+json");
	}

	@Test
	void showsARegionsRankingsOnlyToItsOwnOverseers() {
		String path = "/api/v1/stats/rankings?by=ORGANIZATION_HOURS&regionCode=";
		Api district = this.api.as(this.fixtures.tokenFor(this.fixtures.anOperatorOf(XIUYING)));
		assertThat(district.get(path + XIUYING).status()).isEqualTo(200);
		assertThat(district.get(path + CITY).status()).isEqualTo(403);
		assertThat(district.get(path + LONGHUA).status()).isEqualTo(403);
		Api elsewhere = this.api.as(this.fixtures.tokenFor(this.fixtures.anOperatorOf("640100")));
		Response other = elsewhere.get(path + CITY);
		assertThat(other.status()).isEqualTo(403);
		assertThat(other.problemCode()).isEqualTo("FORBIDDEN");
		Api auditor = this.api.as(this.fixtures.tokenFor(this.fixtures.anAuditorOf(CITY)));
		assertThat(auditor.get(path + CITY).status()).isEqualTo(200);
		Api volunteer = this.api.as(this.fixtures.tokenFor(this.fixtures.aVolunteer()));
		assertThat(volunteer.get(path + CITY).status()).isEqualTo(403);
		assertThat(this.api.get(path + CITY).status()).isEqualTo(401);
	}

	@Test
	void refusesBadParametersNamingEachOfThem() {
		Response all = this.cityOperator
			.get("/api/v1/stats/rankings?regionCode=999999&by=TALLEST&period=2025-13" + "&limit=101");
		assertThat(all.status()).isEqualTo(400);
		assertThat(all.problemCode()).isEqualTo("VALIDATION_FAILED");
		assertThat(all.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("regionCode", "by",
				"period", "limit");
		Response none = this.cityOperator.get("/api/v1/stats/rankings?regionCode=" + CITY + "&by=&limit=0");
		assertThat(none.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("by", "limit");
		assertThat(this.cityOperator.get("/api/v1/stats/rankings?regionCode=" + CITY + "&by=BRAND_PROJECTS&limit=ten")
			.json()
			.get("errors")
			.findValuesAsString("field")).containsExactly("limit");
		assertThat(this.cityOperator.get("/api/v1/stats/rankings?regionCode=" + CITY).status()).isEqualTo(400);
	}

	@Test
	void reconcilesTheOrganizationsAndProjectsAndRebuildsThemFromTheFacts() {
		Actor operator = new Actor(UUID.randomUUID(), "operator", "operator", Set.of(Grant.operatorOf(CITY)));
		for (String region : List.of(CITY, XIUYING, LONGHUA, QIONGSHAN, "460106001")) {
			Reconciliation result = this.statistics.reconcile(operator, region);
			assertThat(result.differences()).as(region).isEmpty();
		}
		List<String> before = providerRows();
		assertThat(before).isNotEmpty();
		this.jdbc
			.sql("UPDATE stat_provider SET hours = hours + 1 WHERE kind = 'PROJECT' AND provider_id = :id AND period"
					+ " = 'ALL'")
			.param("id", this.brandP.id())
			.update();
		Reconciliation wrong = this.statistics.reconcile(operator, LONGHUA);
		assertThat(wrong.differences())
			.extracting(Reconciliation.Difference::check, Reconciliation.Difference::figure,
					Reconciliation.Difference::dim, Reconciliation.Difference::key, Reconciliation.Difference::period,
					Reconciliation.Difference::expected, Reconciliation.Difference::actual)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("PROVIDERS", "HOURS", "PROJECT",
					this.brandP.id().toString(), "ALL", "4.50", "5.50"));
		this.rebuild.rebuild();
		assertThat(providerRows()).isEqualTo(before);
		assertThat(this.statistics.reconcile(operator, CITY).differences()).isEmpty();
	}

	private ProjectView project(Team team, String name) {
		return this.activities.createProject(this.fixtures.actorOf(team.admin()), team.id(), name,
				ServiceField.ELDERLY_CARE, ProjectLevel.DISTRICT, null);
	}

	private String name(Team team) {
		return this.organizations.find(team.id()).orElseThrow().name();
	}

	/** The scene's organizations' and projects' rows, as text in a stable order. */
	private List<String> providerRows() {
		return this.jdbc
			.sql("SELECT kind, provider_id, period, hours, records, activities FROM stat_provider WHERE provider_id IN"
					+ " (:ids) AND (hours <> 0 OR records <> 0 OR activities <> 0) ORDER BY kind, provider_id, period")
			.param("ids", List.of(this.teamA.id(), this.teamB.id(), this.brandP.id(), this.brandR.id()))
			.query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " "
					+ rs.getBigDecimal(4).stripTrailingZeros().toPlainString() + " " + rs.getLong(5) + " "
					+ rs.getLong(6))
			.list();
	}

	private JsonNode ranking(String region, String by, String period, Integer limit) {
		Response response = this.cityOperator.get("/api/v1/stats/rankings?regionCode=" + region + "&by=" + by
				+ ((period != null) ? "&period=" + period : "") + ((limit != null) ? "&limit=" + limit : ""));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	/** Rank, key, label and value of each item, then the named figures, as text. */
	private static List<List<String>> rows(JsonNode ranking, String... figures) {
		List<List<String>> rows = new ArrayList<>();
		for (JsonNode item : ranking.get("items")) {
			List<String> row = new ArrayList<>();
			for (String name : List.of("rank", "key", "label", "value")) {
				row.add(text(item.get(name)));
			}
			for (String figure : figures) {
				row.add(text(item.get(figure)));
			}
			rows.add(row);
		}
		return rows;
	}

	private static String text(JsonNode value) {
		return (value == null || value.isNull()) ? "null" : value.asString();
	}

}
