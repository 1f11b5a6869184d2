package org.zhiyuan.stats;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.zhiyuan.activity.Activities;
import org.zhiyuan.activity.ActivityView;
import org.zhiyuan.record.RecordAmendments;
import org.zhiyuan.record.ServiceRecords;
import org.zhiyuan.region.Regions;
import org.zhiyuan.regionsettings.OwnSettings;
import org.zhiyuan.regionsettings.RegionSettings;
import org.zhiyuan.shared.ServiceField;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Download;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;
import org.zhiyuan.volunteer.VolunteerRegistration;
import org.zhiyuan.volunteer.Volunteers;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard page and the public screen on a small scene in 拉萨市 (540100): a team in a
 * community of 八廓街道 (540102002) serving there and in 吉日街道 (540102003). The page shows the
 * API's figures, drills one level down by links and comes back up by the breadcrumb no
 * further than the person's own region, its Excel sheets hold the numbers of its tables,
 * and the screen shows the headline figures to anyone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardPageTests extends ApiTestSupport {

	private static final String CITY = "540100";

	private static final String DISTRICT = "540102";

	private static final String BAKUO = "540102002";

	private static final String JIRI = "540102003";

	private static final Pattern ROW = Pattern.compile("<tr data-key=\"([0-9A-Z_*-]+)\"[^>]*>(.*?)</tr>",
			Pattern.DOTALL);

	private static final Pattern VALUE = Pattern.compile("data-v=\"([^\"]*)\"");

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
	StatisticsFold fold;

	@Autowired
	Regions regions;

	private String community;

	private Person cityOperator;

	@BeforeAll
	void setTheScene() {
		StatsScene scene = new StatsScene(this.fixtures, this.registration, this.volunteers, this.activities,
				this.records, this.amendments, "540000");
		YearMonth month = StatsScene.twoPastMonthsOfOneYear()[1];
		this.community = this.regions.children(BAKUO).get(0).code();
		Team team = this.fixtures.anActiveTeamIn(this.community);
		Person ann = scene.volunteerAged(30, this.community);
		Person bo = scene.volunteerAged(67, JIRI);
		ActivityView near = scene.activity(team, this.community, ServiceField.ELDERLY_CARE, month.atDay(10));
		ActivityView far = scene.activity(team, JIRI, ServiceField.HEALTH, month.atDay(12));
		scene.serve(team, ann, near, 9, 0, 12, 30);
		scene.serve(team, bo, far, 9, 0, 11, 0);
		this.cityOperator = this.fixtures.anOperatorOf(CITY);
		this.settings.update(this.fixtures.actorOf(this.cityOperator), DISTRICT, new OwnSettings(null, null, 40L));
		this.fold.foldAll();
	}

	@Test
	void anOperatorFindsTheirRegionsFiguresAsTheApiGivesThem() {
		// another test registers a volunteer in the city, folded by the job at any moment
		this.fold.foldAll();
		Api page = browserOf(this.cityOperator);
		Response mine = page.get("/dashboard");
		assertThat(mine.status()).isEqualTo(302);
		assertThat(mine.header("Location")).endsWith("/dashboard/" + CITY);
		String html = page.get("/dashboard/" + CITY).body();
		JsonNode overview = new Api("http://localhost:" + this.port).as(this.fixtures.tokenFor(this.cityOperator))
			.get("/api/v1/stats/overview?regionCode=" + CITY)
			.json();
		assertThat(overview.get("registeredVolunteers").asLong()).isGreaterThanOrEqualTo(3);
		assertThat(figure(html, "registeredVolunteers"))
			.isEqualTo(String.format("%,d", overview.get("registeredVolunteers").asLong()));
		assertThat(figure(html, "activeVolunteers")).isEqualTo(overview.get("activeVolunteers").asString());
		assertThat(figure(html, "totalHours")).isEqualTo(overview.get("totalHours").asString());
		assertThat(overview.get("totalHours").asString()).isEqualTo("5.50");
		assertThat(html).contains("各区（县）")
			.contains("服务领域")
			.contains("年龄结构")
			.contains("按月趋势")
			.containsPattern("/webjars/echarts/[0-9.]+/dist/echarts.min.js")
			.contains("/js/dashboard.js");
		Map<String, List<String>> subRegions = rows(html, "table-regions");
		assertThat(subRegions).containsKey(DISTRICT);
		assertThat(subRegions.get(DISTRICT).get(2)).as("hours in 城关区").isEqualTo("5.50");
		assertThat(html).contains("href=\"/dashboard/" + DISTRICT + "?period=ALL\"");
		assertThat(rows(html, "table-fields").get("ELDERLY_CARE").get(0)).isEqualTo("3.50");
		assertThat(rows(html, "table-fields").get("HEALTH").get(0)).isEqualTo("2.00");
		List<String> elders = rows(html, "table-ages").get("AGE_60_PLUS");
		assertThat(elders.get(2)).as("registered").isEqualTo("1");
		assertThat(Long.parseLong(elders.get(0)) + Long.parseLong(elders.get(1))).as("a man or a woman").isEqualTo(1);
		assertThat(crumbs(html)).as("the breadcrumb starts at the operator's own region").containsExactly("拉萨市");
	}

	@Test
	void drillsDownToACommunityAndTheBreadcrumbLeadsBackNoHigherThanTheOwnRegion() {
		// another test registers a volunteer in the city, folded by the job at any moment
		this.fold.foldAll();
		Api page = browserOf(this.cityOperator);
		String district = page.get("/dashboard/" + DISTRICT).body();
		assertThat(crumbs(district)).containsExactly("拉萨市", "城关区");
		assertThat(district).contains("href=\"/dashboard/" + CITY + "?period=ALL\"").contains("各街道（乡镇）");
		assertThat(district).doesNotContain("href=\"/dashboard/540000");
		Map<String, List<String>> streets = rows(district, "table-regions");
		assertThat(streets.get(BAKUO).get(0)).as("registered in 八廓街道: the admin and Ann").isEqualTo("2");
		assertThat(streets).doesNotContainKey(DISTRICT);
		assertThat(figure(district, "registeredShare")).as("of the district's 40 residents")
			.isEqualTo(percentOf(overview(DISTRICT).get("registeredVolunteers").asLong(), 40));
		assertThat(streets.get(JIRI).get(2)).isEqualTo("2.00");
		assertThat(streets.get(JIRI).get(1)).as("no population of its own").isEqualTo("none");
		String street = page.get("/dashboard/" + BAKUO + "?period=" + StatsScene.twoPastMonthsOfOneYear()[1]).body();
		assertThat(crumbs(street)).containsExactly("拉萨市", "城关区", "八廓街道");
		assertThat(rows(street, "table-regions").get(this.community).get(2)).isEqualTo("3.50");
		String leaf = page.get("/dashboard/" + this.community).body();
		assertThat(leaf).contains("id=\"dash-leaf\"").doesNotContain("id=\"table-regions\"");
		assertThat(crumbs(leaf)).hasSize(4);
		assertThat(figure(leaf, "totalHours")).isEqualTo("3.50");
		String english = page.get("/dashboard/" + DISTRICT + "?lang=en").body();
		assertThat(english).contains("Streets and towns").contains("Trend by month").contains("Download Excel");
		page.get("/?lang=zh-CN");
	}

	@Test
	void eachTableDownloadsAsExcelWithTheNumbersOfThePage() throws Exception {
		// another test registers a volunteer in the city, folded by the job at any moment
		this.fold.foldAll();
		Api page = browserOf(this.cityOperator);
		String html = page.get("/dashboard/" + DISTRICT).body();
		for (String by : List.of("REGION", "FIELD", "CATEGORY", "AGE_BAND", "GENDER", "MONTH")) {
			String table = switch (by) {
				case "REGION" -> "table-regions";
				case "FIELD" -> "table-fields";
				case "CATEGORY" -> "table-categories";
				case "AGE_BAND" -> "table-ages";
				case "GENDER" -> "table-genders";
				default -> "table-months";
			};
			assertThat(html).contains("/dashboard/" + DISTRICT + "/sheet?by=" + by + "&amp;period=ALL");
			Download sheet = page.download("/dashboard/" + DISTRICT + "/sheet?by=" + by + "&period=ALL");
			assertThat(sheet.status()).isEqualTo(200);
			Map<String, List<BigDecimal>> workbook = workbook(sheet.body());
			Map<String, List<String>> shown = rows(html, table);
			assertThat(workbook.keySet()).as(by).containsExactlyElementsOf(shown.keySet());
			for (Map.Entry<String, List<String>> row : shown.entrySet()) {
				for (String value : row.getValue()) {
					if (!"none".equals(value)) {
						assertThat(workbook.get(row.getKey())).as(by + " " + row.getKey())
							.anySatisfy((cell) -> assertThat(cell).isEqualByComparingTo(value));
					}
				}
			}
		}
		assertThat(page.get("/dashboard/" + DISTRICT + "/sheet?by=COLOUR").status()).isEqualTo(400);
		int organizations = html.indexOf("id=\"ranking-ORGANIZATION_HOURS\"");
		assertThat(organizations).as("the organizations' ranking").isPositive();
		assertThat(html.substring(organizations, html.indexOf("</ol>", organizations))).contains("data-v=\"5.50\"");
		assertThat(html).contains("id=\"ranking-REGISTERED_SHARE\"").contains("id=\"ranking-BRAND_PROJECTS\"");
		Download ranking = page.download("/dashboard/" + DISTRICT + "/ranking?by=ORGANIZATION_HOURS&period=ALL");
		assertThat(ranking.status()).isEqualTo(200);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(ranking.body()))) {
			assertThat(workbook.getSheetAt(0).getPhysicalNumberOfRows()).isGreaterThan(1);
		}
		assertThat(page.get("/dashboard/" + DISTRICT + "/ranking?by=TALLEST").status()).isEqualTo(400);
	}

	@Test
	void anotherRegionsOperatorSeesNothingAndABadPeriodIsSaidBesideTheField() {
		Api stranger = browserOf(this.fixtures.anOperatorOf("650102"));
		assertThat(stranger.get("/dashboard/" + CITY).status()).isEqualTo(403);
		assertThat(stranger.download("/dashboard/" + CITY + "/sheet?by=REGION").status()).isEqualTo(403);
		assertThat(stranger.get("/dashboard").header("Location")).endsWith("/dashboard/650102");
		Api volunteer = browserOf(this.fixtures.aVolunteerIn(JIRI));
		assertThat(volunteer.get("/dashboard").status()).isEqualTo(403);
		assertThat(volunteer.get("/dashboard/" + JIRI).status()).isEqualTo(403);
		Response visitor = this.api.get("/dashboard/" + CITY);
		assertThat(visitor.status()).isEqualTo(302);
		assertThat(visitor.header("Location")).contains("/login");
		Api auditor = browserOf(this.fixtures.anAuditorOf(DISTRICT));
		assertThat(auditor.get("/dashboard/" + DISTRICT).status()).isEqualTo(200);
		assertThat(auditor.get("/dashboard/" + CITY).status()).isEqualTo(403);
		Response bad = browserOf(this.cityOperator).get("/dashboard/" + CITY + "?period=2025-13");
		assertThat(bad.status()).isEqualTo(200);
		assertThat(bad.body()).contains("is-invalid").contains("请按“年-月”填写月份");
		assertThat(browserOf(this.cityOperator).get("/dashboard/999999").status()).isEqualTo(400);
	}

	@Test
	void theScreenShowsAnyoneTheHeadlineFiguresAndNoOnesName() {
		Response screen = this.api.get("/regions/" + DISTRICT + "/screen");
		assertThat(screen.status()).isEqualTo(200);
		String html = screen.body();
		assertThat(html).contains("城关区").contains("http-equiv=\"refresh\"").doesNotContain("统计志愿者");
		assertThat(screenFigure(html, "totalHours")).isEqualTo("6");
		assertThat(screenFigure(html, "registeredShare"))
			.isEqualTo(percentOf(overview(DISTRICT).get("registeredVolunteers").asLong(), 40));
		assertThat(this.api.get("/regions/" + DISTRICT + "/screen?lang=en").body()).contains("Service hours, all time");
		this.api.get("/?lang=zh-CN");
		assertThat(this.api.get("/regions/99x/screen").status()).isEqualTo(400);
	}

	private JsonNode overview(String region) {
		return new Api("http://localhost:" + this.port).as(this.fixtures.tokenFor(this.cityOperator))
			.get("/api/v1/stats/overview?regionCode=" + region)
			.json();
	}

	private static String percentOf(long part, long whole) {
		return new BigDecimal(part * 100).divide(BigDecimal.valueOf(whole), 2, java.math.RoundingMode.HALF_UP) + "%";
	}

	private Api browserOf(Person person) {
		Api browser = new Api("http://localhost:" + this.port);
		browser.submitForm("/login", "/login", Map.of("username", person.username(), "password", person.password()));
		return browser;
	}

	private static String figure(String html, String name) {
		Matcher matcher = Pattern.compile("data-figure=\"" + name + "\">([^<]*)<").matcher(html);
		assertThat(matcher.find()).as(name).isTrue();
		return matcher.group(1).strip();
	}

	private static String screenFigure(String html, String name) {
		Matcher matcher = Pattern
			.compile("data-figure=\"" + name + "\">.*?class=\"zy-screen-figure\">([^<]*)<", Pattern.DOTALL)
			.matcher(html);
		assertThat(matcher.find()).as(name).isTrue();
		return matcher.group(1).strip();
	}

	private static List<String> crumbs(String html) {
		String nav = html.substring(html.indexOf("id=\"dash-crumbs\""),
				html.indexOf("</nav>", html.indexOf("id=\"dash-crumbs\"")));
		List<String> names = new ArrayList<>();
		Matcher matcher = Pattern.compile("<(?:a|span)[^>]*>([^<]+)</(?:a|span)>").matcher(nav);
		while (matcher.find()) {
			names.add(matcher.group(1).strip());
		}
		return names;
	}

	/** The table's rows by key: the data values of its cells, in order. */
	private static Map<String, List<String>> rows(String html, String id) {
		int start = html.indexOf("id=\"" + id + "\"");
		assertThat(start).as(id).isPositive();
		String table = html.substring(start, html.indexOf("</table>", start));
		Map<String, List<String>> rows = new LinkedHashMap<>();
		Matcher row = ROW.matcher(table);
		while (row.find()) {
			List<String> values = new ArrayList<>();
			Matcher value = VALUE.matcher(row.group(2));
			while (value.find()) {
				values.add(value.group(1));
			}
			rows.put(row.group(1), values);
		}
		return rows;
	}

	/** The workbook's item rows by key (column A): its numeric cells. */
	private static Map<String, List<BigDecimal>> workbook(byte[] bytes) throws Exception {
		Map<String, List<BigDecimal>> rows = new LinkedHashMap<>();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
			Sheet sheet = workbook.getSheetAt(0);
			for (Row row : sheet) {
				if (row.getRowNum() == 0 || row.getCell(0) == null) {
					continue;
				}
				List<BigDecimal> numbers = new ArrayList<>();
				row.forEach((cell) -> {
					if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
						numbers.add(BigDecimal.valueOf(cell.getNumericCellValue()));
					}
				});
				rows.put(row.getCell(0).getStringCellValue(), numbers);
			}
		}
		return rows;
	}

}
