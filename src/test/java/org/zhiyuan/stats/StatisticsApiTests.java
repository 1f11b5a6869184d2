package org.zhiyuan.stats;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.zhiyuan.activity.Activities;
import org.zhiyuan.activity.ActivityView;
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
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;
import org.zhiyuan.volunteer.VolunteerCategory;
import org.zhiyuan.volunteer.VolunteerRegistration;
import org.zhiyuan.volunteer.Volunteers;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small scene in 银川市 (640100), entered through the modules' services and folded
 * directly: the figures the API gives, exactly. Two districts: 兴庆区 (640104) with the
 * streets 凤凰北街 (640104001) and 解放西街 (640104002), and 西夏区 (640105) with 西花园路 (640105001).
 * <ul>
 * <li>The team and its admin are in 640104001; the admin never serves.</li>
 * <li>Ann (640104001) serves twice in the later month: 3 hours amended to 2.5, and 2
 * hours; then she becomes a party member.</li>
 * <li>Bo serves 2 hours in 640104001 in the later month, moves to 640104002 and serves 2
 * more hours there in the same month: counted once in each street and once in the
 * district.</li>
 * <li>Cai, 65, serves 4 hours in 640105001 in the earlier month, in health.</li>
 * <li>Dee registers in 640104002 and deregisters.</li>
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsApiTests extends ApiTestSupport {

	private static final String PROVINCE = "640000";

	private static final String CITY = "640100";

	private static final String XINGQING = "640104";

	private static final String XIXIA = "640105";

	private static final String FENGHUANG = "640104001";

	private static final String JIEFANG = "640104002";

	private static final String XIHUAYUAN = "640105001";

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
	StatisticsFold fold;

	private YearMonth earlier;

	private YearMonth later;

	private Api provinceOperator;

	private Map<String, Integer> registeredByGender;

	@BeforeAll
	void setTheScene() {
		StatsScene scene = new StatsScene(this.fixtures, this.registration, this.volunteers, this.activities,
				this.records, this.amendments, PROVINCE);
		YearMonth[] months = StatsScene.twoPastMonthsOfOneYear();
		this.earlier = months[0];
		this.later = months[1];
		Team team = this.fixtures.anActiveTeamIn(FENGHUANG);
		Person ann = scene.volunteerAged(30, FENGHUANG);
		Person bo = scene.volunteerAged(40, FENGHUANG);
		Person cai = scene.volunteerAged(65, XIHUAYUAN);
		Person dee = scene.volunteerAged(25, JIEFANG);
		ActivityView first = scene.activity(team, FENGHUANG, ServiceField.ELDERLY_CARE, this.later.atDay(10));
		ActivityView second = scene.activity(team, FENGHUANG, ServiceField.ELDERLY_CARE, this.later.atDay(20));
		ActivityView health = scene.activity(team, XIHUAYUAN, ServiceField.HEALTH, this.earlier.atDay(15));
		ServiceRecordView amended = scene.serve(team, ann, first, 9, 0, 12, 0);
		scene.serve(team, ann, second, 9, 0, 11, 0);
		scene.serve(team, bo, first, 13, 0, 15, 0);
		scene.move(bo, JIEFANG);
		scene.serve(team, bo, second, 14, 0, 16, 0);
		scene.serve(team, cai, health, 10, 0, 14, 0);
		scene.amend(team, ann, amended, "2.50");
		scene.move(ann, FENGHUANG, VolunteerCategory.PARTY_MEMBER);
		scene.deregister(dee);
		this.settings.update(this.fixtures.actorOf(this.fixtures.anOperatorOf(XINGQING)), XINGQING,
				new OwnSettings(null, null, 30L));
		this.settings.update(this.fixtures.actorOf(this.fixtures.anOperatorOf(PROVINCE)), PROVINCE,
				new OwnSettings(null, null, 400L));
		this.registeredByGender = new HashMap<>();
		for (Person person : List.of(team.admin(), ann, bo, cai)) {
			this.registeredByGender.merge(scene.view(person).gender().name(), 1, Integer::sum);
		}
		this.fold.foldAll();
		this.provinceOperator = new Api("http://localhost:" + this.port)
			.as(this.fixtures.tokenFor(this.fixtures.anOperatorOf(PROVINCE)));
	}

	@Test
	void countsADistrictsMonthWithAVolunteerWhoMovedOnceAndAmendedHours() {
		JsonNode month = overview(XINGQING, this.later.toString());
		assertThat(month.get("period").asString()).isEqualTo(this.later.toString());
		assertThat(month.get("registeredVolunteers").asLong()).as("admin, Ann and Bo; Dee deregistered").isEqualTo(3);
		assertThat(month.get("activeVolunteers").asLong()).as("Ann, and Bo once in both streets").isEqualTo(2);
		assertThat(month.get("totalHours").asString()).as("2.50 + 2 + 2 + 2").isEqualTo("8.50");
		assertThat(month.get("activities").asLong()).isEqualTo(2);
		assertThat(month.get("organizations").asLong()).isEqualTo(1);
		assertThat(month.get("population").asLong()).isEqualTo(30);
		assertThat(month.get("registeredShare").asString()).isEqualTo("0.1000");
		assertThat(month.get("goalShare").asString()).isEqualTo("0.15");
		JsonNode fenghuang = overview(FENGHUANG, this.later.toString());
		assertThat(fenghuang.get("activeVolunteers").asLong()).isEqualTo(2);
		assertThat(fenghuang.get("totalHours").asString()).isEqualTo("6.50");
		assertThat(fenghuang.get("registeredVolunteers").asLong()).as("the admin and Ann").isEqualTo(2);
		assertThat(fenghuang.get("population").isNull()).isTrue();
		assertThat(fenghuang.get("registeredShare").isNull()).isTrue();
		JsonNode jiefang = overview(JIEFANG, this.later.toString());
		assertThat(jiefang.get("activeVolunteers").asLong()).as("Bo after his move").isEqualTo(1);
		assertThat(jiefang.get("totalHours").asString()).isEqualTo("2.00");
		assertThat(jiefang.get("registeredVolunteers").asLong()).isEqualTo(1);
		assertThat(jiefang.get("activities").asLong()).isZero();
	}

	@Test
	void countsTheCityAndProvinceForAMonthAYearAndAllTime() {
		JsonNode year = overview(CITY, String.valueOf(this.later.getYear()));
		assertThat(year.get("registeredVolunteers").asLong()).isEqualTo(4);
		assertThat(year.get("activeVolunteers").asLong()).isEqualTo(3);
		assertThat(year.get("totalHours").asString()).isEqualTo("12.50");
		assertThat(year.get("activities").asLong()).isEqualTo(3);
		assertThat(year.get("organizations").asLong()).isEqualTo(1);
		assertThat(year.get("population").isNull()).as("a province's population is not the city's").isTrue();
		JsonNode earlierMonth = overview(CITY, this.earlier.toString());
		assertThat(earlierMonth.get("activeVolunteers").asLong()).isEqualTo(1);
		assertThat(earlierMonth.get("totalHours").asString()).isEqualTo("4.00");
		assertThat(earlierMonth.get("activities").asLong()).isEqualTo(1);
		JsonNode province = overview(PROVINCE, null);
		assertThat(province.get("period").asString()).isEqualTo("ALL");
		assertThat(province.get("activeVolunteers").asLong()).isEqualTo(3);
		assertThat(province.get("totalHours").asString()).isEqualTo("12.50");
		assertThat(province.get("registeredShare").asString()).isEqualTo("0.0100");
		JsonNode xixia = overview(XIXIA, String.valueOf(this.later.getYear()));
		assertThat(xixia.get("activeVolunteers").asLong()).isEqualTo(1);
		assertThat(xixia.get("registeredVolunteers").asLong()).isEqualTo(1);
	}

	@Test
	void breaksTheCityDownByDistrictWithTheirPopulation() {
		Map<String, JsonNode> items = items(breakdown(CITY, "REGION", this.earlier, this.later));
		assertThat(items.get(XINGQING).get("label").asString()).isEqualTo("兴庆区");
		assertThat(figures(items.get(XINGQING))).containsExactly(3L, 2L, "8.50", 2L, 1L);
		assertThat(items.get(XINGQING).get("population").asLong()).isEqualTo(30);
		assertThat(items.get(XINGQING).get("registeredShare").asString()).isEqualTo("0.1000");
		assertThat(figures(items.get(XIXIA))).containsExactly(1L, 1L, "4.00", 1L, 0L);
		assertThat(items.get("640106").get("volunteers").asLong()).isZero();
		assertThat(items).doesNotContainKey(CITY);
		Map<String, JsonNode> streets = items(breakdown(XINGQING, "REGION", this.later, this.later));
		assertThat(figures(streets.get(FENGHUANG))).containsExactly(2L, 2L, "6.50", 2L, 1L);
		assertThat(figures(streets.get(JIEFANG))).containsExactly(1L, 1L, "2.00", 0L, 0L);
	}

	@Test
	void breaksTheCityDownByMonthFieldCategoryAgeAndGender() {
		String year = String.valueOf(this.later.getYear());
		Map<String, JsonNode> months = items(breakdown(CITY, "MONTH", this.earlier, this.later));
		assertThat(months).hasSize(2);
		assertThat(months.get(this.earlier.toString()).get("activeVolunteers").asLong()).isEqualTo(1);
		assertThat(months.get(this.later.toString()).get("activeVolunteers").asLong()).isEqualTo(2);
		assertThat(months.get(this.later.toString()).get("hours").asString()).isEqualTo("8.50");
		assertThat(months.get(this.later.toString()).get("activities").asLong()).isEqualTo(2);
		assertThat(months.get(this.later.toString()).get("volunteers").isNull()).isTrue();
		Map<String, JsonNode> fields = items(
				breakdown(CITY, "FIELD", YearMonth.parse(year + "-01"), YearMonth.parse(year + "-12")));
		assertThat(fields).hasSize(ServiceField.values().length);
		assertThat(fields.get("ELDERLY_CARE").get("label").asString()).isEqualTo("扶老");
		assertThat(fields.get("ELDERLY_CARE").get("activeVolunteers").asLong()).isEqualTo(2);
		assertThat(fields.get("ELDERLY_CARE").get("hours").asString()).isEqualTo("8.50");
		assertThat(fields.get("ELDERLY_CARE").get("organizations").asLong()).isEqualTo(1);
		assertThat(fields.get("HEALTH").get("activeVolunteers").asLong()).isEqualTo(1);
		assertThat(fields.get("HEALTH").get("activities").asLong()).isEqualTo(1);
		assertThat(fields.get("HEALTH").get("volunteers").isNull()).isTrue();
		Map<String, JsonNode> categories = items(breakdown(CITY, "CATEGORY", null, null));
		assertThat(categories.get("PARTY_MEMBER").get("volunteers").asLong()).isEqualTo(1);
		assertThat(categories.get("PARTY_MEMBER").get("activeVolunteers").asLong()).isEqualTo(1);
		assertThat(categories.get("PARTY_MEMBER").get("hours").asString()).as("Ann's hours moved with her new category")
			.isEqualTo("4.50");
		assertThat(categories.get("PARTY_MEMBER").get("activities").isNull()).isTrue();
		Map<String, JsonNode> ages = items(
				breakdown(CITY, "AGE_BAND", YearMonth.parse(year + "-01"), YearMonth.parse(year + "-12")));
		assertThat(ages.get("AGE_60_PLUS").get("volunteers").asLong()).isEqualTo(1);
		assertThat(ages.get("AGE_60_PLUS").get("hours").asString()).isEqualTo("4.00");
		assertThat(ages.get("AGE_18_35").get("volunteers").asLong() + ages.get("AGE_36_45").get("volunteers").asLong())
			.isEqualTo(3);
		assertThat(ages.get("AGE_18_35").get("activeVolunteers").asLong()
				+ ages.get("AGE_36_45").get("activeVolunteers").asLong())
			.isEqualTo(2);
		Map<String, JsonNode> genders = items(breakdown(CITY, "GENDER", null, null));
		for (String gender : List.of("MALE", "FEMALE")) {
			assertThat(genders.get(gender).get("volunteers").asLong())
				.isEqualTo((long) this.registeredByGender.getOrDefault(gender, 0));
		}
		long men = 0;
		long women = 0;
		for (JsonNode band : ages.values()) {
			assertThat(band.get("male").asLong() + band.get("female").asLong()).as(band.get("key").asString())
				.isLessThanOrEqualTo(band.get("volunteers").asLong());
			men += band.get("male").asLong();
			women += band.get("female").asLong();
		}
		assertThat(men).as("the pyramid's men are the men").isEqualTo(genders.get("MALE").get("volunteers").asLong());
		assertThat(women).isEqualTo(genders.get("FEMALE").get("volunteers").asLong());
		assertThat(genders.get("FEMALE").get("male").isNull()).as("by age band only").isTrue();
	}

	@Test
	void countsActiveVolunteersOfAnySpanOfMonthsFromTheirMonths() {
		JsonNode span = breakdown(CITY, "REGION", this.earlier, this.later);
		assertThat(span.get("period").asString()).isEqualTo(this.earlier + ".." + this.later);
		assertThat(items(span).get(XINGQING).get("activeVolunteers").asLong()).as("Ann and Bo").isEqualTo(2);
		assertThat(items(span).get(XIXIA).get("activeVolunteers").asLong()).as("Cai").isEqualTo(1);
		JsonNode open = breakdown(PROVINCE, "REGION", this.earlier, null);
		assertThat(items(open).get(CITY).get("activeVolunteers").asLong()).isEqualTo(3);
		assertThat(items(open).get(CITY).get("hours").asString()).isEqualTo("12.50");
		JsonNode before = breakdown(PROVINCE, "REGION", null, this.earlier.minusMonths(1));
		assertThat(items(before).get(CITY).get("activeVolunteers").asLong()).isZero();
	}

	@Test
	void countsAQuartersActiveVolunteersFromItsRollupsAsFromItsMonths() {
		YearMonth quarter = this.later.withMonth((this.later.getMonthValue() - 1) / 3 * 3 + 1);
		for (String by : List.of("REGION", "AGE_BAND", "GENDER", "FIELD", "CATEGORY")) {
			for (String region : List.of(PROVINCE, CITY)) {
				JsonNode rollup = breakdown(region, by, quarter, quarter.plusMonths(2));
				assertThat(rollup.get("period").asString()).isEqualTo(quarter + ".." + quarter.plusMonths(2));
				// a month more, when nobody served yet: the same volunteers, counted from
				// their months
				JsonNode months = breakdown(region, by, quarter, quarter.plusMonths(3));
				Map<String, JsonNode> counted = items(months);
				for (Map.Entry<String, JsonNode> item : items(rollup).entrySet()) {
					assertThat(item.getValue().get("activeVolunteers").asLong())
						.as(region + " " + by + " " + item.getKey())
						.isEqualTo(counted.get(item.getKey()).get("activeVolunteers").asLong());
				}
			}
		}
		assertThat(items(breakdown(CITY, "REGION", quarter, quarter.plusMonths(2))).get(XINGQING)
			.get("activeVolunteers")
			.asLong()).as("Ann or Bo or both served in the quarter of the later month").isPositive();
	}

	@Test
	void givesTheBreakdownAsAWorkbookWithTheSameNumbers() throws Exception {
		String path = "/api/v1/stats/breakdown?regionCode=" + CITY + "&by=REGION&from=" + this.earlier + "&to="
				+ this.later;
		Download sheet = this.provinceOperator.download(path, XLSX);
		assertThat(sheet.status()).isEqualTo(200);
		assertThat(sheet.contentType()).startsWith(XLSX);
		Map<String, JsonNode> json = items(this.provinceOperator.get(path).json());
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(sheet.body()))) {
			Sheet rows = workbook.getSheetAt(0);
			int seen = 0;
			for (Row row : rows) {
				if (row.getRowNum() == 0) {
					continue;
				}
				JsonNode item = json.get(row.getCell(0).getStringCellValue());
				assertThat(item).isNotNull();
				assertThat(row.getCell(1).getStringCellValue()).isEqualTo(item.get("label").asString());
				assertThat((long) row.getCell(2).getNumericCellValue()).isEqualTo(item.get("volunteers").asLong());
				assertThat((long) row.getCell(3).getNumericCellValue())
					.isEqualTo(item.get("activeVolunteers").asLong());
				assertThat(BigDecimal.valueOf(row.getCell(4).getNumericCellValue()))
					.isEqualByComparingTo(item.get("hours").asString());
				assertThat((long) row.getCell(5).getNumericCellValue()).isEqualTo(item.get("activities").asLong());
				seen++;
			}
			assertThat(seen).isEqualTo(json.size());
		}
		assertThat(this.provinceOperator.download(path, "*/*").contentType()).startsWith("application/json");
		Download refused = this.provinceOperator.download(path.replace("by=REGION", "by=YEAR"), XLSX);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.contentType()).startsWith("application/problem+json");
	}

	@Test
	void showsARegionOnlyToItsOwnOverseers() {
		Api district = this.api.as(this.fixtures.tokenFor(this.fixtures.anOperatorOf(XINGQING)));
		assertThat(district.get("/api/v1/stats/overview?regionCode=" + XINGQING).status()).isEqualTo(200);
		assertThat(district.get("/api/v1/stats/overview?regionCode=" + FENGHUANG).status()).isEqualTo(200);
		assertThat(district.get("/api/v1/stats/overview?regionCode=" + XIXIA).status()).isEqualTo(403);
		assertThat(district.get("/api/v1/stats/overview?regionCode=" + CITY).status()).isEqualTo(403);
		assertThat(district.get("/api/v1/stats/breakdown?regionCode=" + CITY + "&by=REGION").status()).isEqualTo(403);
		Api chaoyang = this.api.as(this.fixtures.tokenFor(this.fixtures.anOperatorOf("110105")));
		Response other = chaoyang.get("/api/v1/stats/overview?regionCode=310101");
		assertThat(other.status()).isEqualTo(403);
		assertThat(other.problemCode()).isEqualTo("FORBIDDEN");
		assertThat(chaoyang.get("/api/v1/stats/reconciliation?regionCode=310101").status()).isEqualTo(403);
		Api auditor = this.api.as(this.fixtures.tokenFor(this.fixtures.anAuditorOf(XINGQING)));
		assertThat(auditor.get("/api/v1/stats/overview?regionCode=" + XINGQING).status()).isEqualTo(200);
		assertThat(auditor.get("/api/v1/stats/reconciliation?regionCode=" + XINGQING).status())
			.as("only operators reconcile")
			.isEqualTo(403);
		// a volunteer of Beijing, so that the scene's figures stay as they are
		Api volunteer = this.api.as(this.fixtures.tokenFor(this.fixtures.aVolunteer()));
		assertThat(volunteer.get("/api/v1/stats/overview?regionCode=" + FENGHUANG).status()).isEqualTo(403);
		assertThat(this.api.get("/api/v1/stats/overview?regionCode=" + FENGHUANG).status()).isEqualTo(401);
	}

	@Test
	void reconcilesTheSceneWithoutADifference() {
		Api district = this.api.as(this.fixtures.tokenFor(this.fixtures.anOperatorOf(CITY)));
		for (String region : List.of(CITY, XINGQING, XIXIA, FENGHUANG, JIEFANG, XIHUAYUAN)) {
			JsonNode report = district.get("/api/v1/stats/reconciliation?regionCode=" + region).json();
			assertThat(report.get("differences").size()).as(region + ": " + report.get("differences")).isZero();
			assertThat(report.get("consistent").asBoolean()).isTrue();
			assertThat(report.get("figuresChecked").asInt()).isPositive();
		}
	}

	@Test
	void labelsInEnglishForAnEnglishReader() {
		JsonNode english = this.provinceOperator.in("en")
			.get("/api/v1/stats/breakdown?regionCode=" + CITY + "&by=REGION")
			.json();
		assertThat(items(english).get(XINGQING).get("label").asString()).isEqualTo("Xingqing District");
		JsonNode ages = this.provinceOperator.in("en")
			.get("/api/v1/stats/breakdown?regionCode=" + CITY + "&by=AGE_BAND")
			.json();
		assertThat(items(ages).get("AGE_60_PLUS").get("label").asString()).isEqualTo("60 and over");
	}

	private JsonNode overview(String region, String period) {
		Response response = this.provinceOperator
			.get("/api/v1/stats/overview?regionCode=" + region + ((period != null) ? "&period=" + period : ""));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private JsonNode breakdown(String region, String by, YearMonth from, YearMonth to) {
		Response response = this.provinceOperator.get("/api/v1/stats/breakdown?regionCode=" + region + "&by=" + by
				+ ((from != null) ? "&from=" + from : "") + ((to != null) ? "&to=" + to : ""));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private static Map<String, JsonNode> items(JsonNode breakdown) {
		Map<String, JsonNode> items = new HashMap<>();
		breakdown.get("items").forEach((item) -> items.put(item.get("key").asString(), item));
		return items;
	}

	/** Registered and active volunteers, hours, activities and organizations. */
	private static List<Object> figures(JsonNode item) {
		return List.of(item.get("volunteers").asLong(), item.get("activeVolunteers").asLong(),
				item.get("hours").asString(), item.get("activities").asLong(), item.get("organizations").asLong());
	}

}
