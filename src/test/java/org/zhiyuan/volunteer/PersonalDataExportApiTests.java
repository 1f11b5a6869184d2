package org.zhiyuan.volunteer;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.zhiyuan.notification.NotificationKind;
import org.zhiyuan.notification.NotificationRequest;
import org.zhiyuan.notification.Notifications;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhiyuan.support.ActivityFixtures.anActivity;

/**
 * "Download all my data" carries everything held on the person, from every module that
 * holds some: not only the profile and memberships.
 */
class PersonalDataExportApiTests extends ApiTestSupport {

	private static final Map<String, Object> AT_THE_SITE = Map.of("lat", 39.9088, "lng", 116.4446, "accuracyMeters",
			15);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Notifications notifications;

	@Test
	void theDownloadCarriesEverythingHeldOnTheVolunteer() throws Exception {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Api organizer = this.api.signIn(team.admin().username(), team.admin().password());
		var created = organizer.post("/api/v1/activities", anActivity(team.id().toString(), 5)).json();
		String activity = created.get("id").asString();
		String title = created.get("title").asString();
		assertThat(organizer.post("/api/v1/activities/" + activity + "/publish", Map.of()).status()).isEqualTo(200);
		Person volunteer = this.fixtures.aVolunteerIn("110105001");
		Api mine = this.api.signIn(volunteer.username(), volunteer.password());
		assertThat(mine
			.post("/api/v1/activities/" + activity + "/signups",
					Map.of("positionId", created.get("positions").get(0).get("id").asString()))
			.status()).isEqualTo(201);
		startedAnHourAgo(activity);

		String code = organizer.post("/api/v1/activities/" + activity + "/checkin-codes", Map.of())
			.json()
			.get("code")
			.asString();
		assertThat(mine.post("/api/v1/attendance/check-in", Map.of("code", code, "location", AT_THE_SITE)).status())
			.isEqualTo(200);
		arrivedAnHourAndAHalfAgo(activity);
		Response out = mine.post("/api/v1/attendance/check-out", Map.of("code", code, "location", AT_THE_SITE));
		assertThat(out.status()).as(out.body()).isEqualTo(200);
		String record = out.json().get("recordId").asString();
		assertThat(record).as(out.body()).isNotBlank();
		Response amendment = mine.post("/api/v1/records/" + record + "/amendments",
				Map.of("hours", "0.50", "reason", "提前离开，核减时长"));
		assertThat(amendment.status()).as(amendment.body()).isEqualTo(201);
		Response certificate = mine.post("/api/v1/certificates",
				Map.of("volunteerId", volunteer.volunteerId().toString(), "from", "2000-01-01", "to",
						LocalDate.now(ZoneId.of("Asia/Shanghai")).toString(), "language", "zh"));
		assertThat(certificate.status()).as(certificate.body()).isEqualTo(201);
		String number = certificate.json().get("number").asString();
		this.notifications.send(new NotificationRequest(volunteer.id(), NotificationKind.GENERAL,
				"notification.signupApproved", List.of("导出测试活动"), null, null));
		Person operator = this.fixtures.anOperatorOf("110105");
		assertThat(this.api.signIn(operator.username(), operator.password())
			.get("/api/v1/volunteers/" + volunteer.volunteerId())
			.status()).isEqualTo(200);

		Response download = mine.get("/api/v1/volunteers/me/export");

		assertThat(download.status()).isEqualTo(200);
		JsonNode data = download.json();
		assertThat(data.get("profile").get("volunteer").get("id").asString())
			.isEqualTo(volunteer.volunteerId().toString());
		assertThat(data.get("consents").findValuesAsString("document")).contains("PRIVACY_POLICY", "VOLUNTEER_OATH");
		assertThat(only(data, "signups").get("activityTitle").asString()).isEqualTo(title);
		assertThat(only(data, "signups").get("status").asString()).isEqualTo("APPROVED");
		assertThat(data.get("signupChanges").findValuesAsString("status")).contains("APPROVED");
		JsonNode attendance = only(data, "attendance");
		assertThat(attendance.get("activityTitle").asString()).isEqualTo(title);
		assertThat(attendance.get("lat").asDouble()).isEqualTo(39.9088);
		assertThat(attendance.get("lng").asDouble()).isEqualTo(116.4446);
		assertThat(attendance.get("accuracyMeters").asDouble()).isEqualTo(15.0);
		assertThat(attendance.get("recordId").asString()).isEqualTo(record);
		JsonNode serviceRecord = only(data, "serviceRecords");
		assertThat(serviceRecord.get("id").asString()).isEqualTo(record);
		assertThat(serviceRecord.get("hours").isString()).as("hours are decimal text").isTrue();
		assertThat(serviceRecord.get("hours").asString()).matches("[0-9]+\\.[0-9]{2}");
		JsonNode amended = only(data, "amendments");
		assertThat(amended.get("recordId").asString()).isEqualTo(record);
		assertThat(amended.get("hours").asString()).isEqualTo("0.50");
		assertThat(amended.get("reason").asString()).isEqualTo("提前离开，核减时长");
		assertThat(only(data, "certificates").get("number").asString()).isEqualTo(number);
		assertThat(data.get("notifications").findValuesAsString("message")).contains("您报名的活动“导出测试活动”已通过审核。");
		assertThat(data.get("accessToMyData").findValuesAsString("actorId")).contains(operator.id().toString());
		assertThat(data.get("accessToMyData").findValuesAsString("action")).contains("personal-data.read");
		assertThat(download.body()).as("no full ID number or phone number")
			.doesNotContain(volunteer.idNumber())
			.doesNotContain(volunteer.username());

		Api.Download workbook = mine.download("/api/v1/volunteers/me/export.xlsx");
		assertThat(workbook.status()).isEqualTo(200);
		try (XSSFWorkbook excel = new XSSFWorkbook(new ByteArrayInputStream(workbook.body()))) {
			assertThat(textOf(excel.getSheet("报名 Sign-ups"))).contains(title);
			assertThat(textOf(excel.getSheet("签到签退 Attendance"))).contains("39.9088").contains("116.4446");
			assertThat(textOf(excel.getSheet("服务记录 Service records"))).contains(record);
			assertThat(textOf(excel.getSheet("更正申请 Amendments"))).contains("0.50");
			assertThat(textOf(excel.getSheet("证明 Certificates"))).contains(number);
			assertThat(textOf(excel.getSheet("通知 Notifications"))).contains("导出测试活动");
			assertThat(textOf(excel.getSheet("他人查阅 Access by others"))).contains(operator.id().toString());
			assertThat(textOf(excel.getSheet("同意 Consents"))).contains("PRIVACY_POLICY");
			for (Sheet sheet : excel) {
				assertThat(textOf(sheet)).doesNotContain(volunteer.idNumber()).doesNotContain(volunteer.username());
			}
		}
	}

	@Test
	void aVolunteerWithNothingYetDownloadsEmptySections() {
		Person volunteer = this.fixtures.aVolunteerIn("110105001");
		JsonNode data = this.api.signIn(volunteer.username(), volunteer.password())
			.get("/api/v1/volunteers/me/export")
			.json();
		for (String section : List.of("signups", "attendance", "serviceRecords", "amendments", "certificates",
				"notifications", "accessToMyData")) {
			assertThat(data.get(section)).as(section).isNotNull();
			assertThat(data.get(section).isArray()).as(section).isTrue();
		}
		assertThat(data.get("serviceRecords").size()).isZero();
	}

	private void startedAnHourAgo(String activity) {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		this.jdbc.sql("UPDATE activity SET starts_at = :s, ends_at = :e, signup_deadline = :d WHERE id = :id")
			.param("s", now.minusHours(1))
			.param("e", now.plusHours(2))
			.param("d", now.plusHours(1))
			.param("id", UUID.fromString(activity))
			.update();
	}

	/**
	 * The volunteer arrived before the check-in was taken, so that they served an hour.
	 */
	private void arrivedAnHourAndAHalfAgo(String activity) {
		this.jdbc.sql("UPDATE attendance SET checked_in_at = :t WHERE activity_id = :a")
			.param("t", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(90))
			.param("a", UUID.fromString(activity))
			.update();
	}

	private static JsonNode only(JsonNode data, String section) {
		JsonNode rows = data.get(section);
		assertThat(rows).as(section).isNotNull();
		assertThat(rows.size()).as(section + ": " + rows).isEqualTo(1);
		return rows.get(0);
	}

	private static String textOf(Sheet sheet) {
		assertThat(sheet).isNotNull();
		List<String> cells = new ArrayList<>();
		sheet.forEach((row) -> row.forEach((cell) -> cells.add(cell.toString())));
		return String.join("|", cells);
	}

}
