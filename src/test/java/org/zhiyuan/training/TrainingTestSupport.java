package org.zhiyuan.training;

import java.io.ByteArrayOutputStream;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the training tests share: a course of a team and its session made over the API,
 * the session moved to under way, a volunteer's number, and callers by token or by a
 * signed-in browser.
 */
abstract class TrainingTestSupport extends ApiTestSupport {

	@Autowired
	JdbcClient jdbc;

	/** A course of the team for 4 hours, granting the code for the months, by 王医生. */
	static Map<String, Object> courseBody(Team team, String title, String code, int months) {
		Map<String, Object> body = new HashMap<>();
		body.put("organizationId", team.id().toString());
		body.put("title", title);
		body.put("description", "心肺复苏、AED 与创伤止血");
		body.put("hours", "4.0");
		body.put("qualification", Map.of("code", code, "name", "救援资质 " + code, "validMonths", months));
		body.put("teachers", List.of("王医生"));
		return body;
	}

	String aCourse(Api admin, Map<String, Object> body) {
		Response created = admin.post("/api/v1/courses", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	/** A session three days ahead at the community health centre, taught by 李老师. */
	String aSession(Api admin, String courseId, int capacity) {
		OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(3).withNano(0);
		Response created = admin.post("/api/v1/courses/" + courseId + "/sessions",
				Map.of("startsAt", start.toString(), "endsAt", start.plusHours(4).toString(), "regionCode", "110105001",
						"address", "建外街道社区卫生服务中心", "capacity", capacity, "teacher", "李老师"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	/** A new volunteer enrolled in the session. */
	Person anEnrolledVolunteer(String sessionId) {
		Person volunteer = this.fixtures.aVolunteer();
		Response enrolled = as(volunteer).post("/api/v1/course-sessions/" + sessionId + "/enrolments", Map.of());
		assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);
		return volunteer;
	}

	/** The session began half an hour ago and ends in two hours. */
	void startNow(String sessionId) {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
		this.jdbc.sql("UPDATE course_session SET starts_at = :s, ends_at = :e WHERE id = :id")
			.param("s", now.minusMinutes(30))
			.param("e", now.plusHours(2))
			.param("id", UUID.fromString(sessionId))
			.update();
	}

	String numberOf(Person volunteer) {
		return this.jdbc.sql("SELECT volunteer_number FROM volunteer WHERE id = :id")
			.param("id", volunteer.volunteerId())
			.query(String.class)
			.single();
	}

	/** A results sheet: a heading row, then a volunteer number and a result a row. */
	static byte[] sheet(String[][] rows) throws Exception {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("成绩");
			sheet.createRow(0).createCell(0).setCellValue("志愿者编号");
			for (int i = 0; i < rows.length; i++) {
				Row row = sheet.createRow(i + 1);
				row.createCell(0).setCellValue(rows[i][0]);
				row.createCell(1).setCellValue(rows[i][1]);
			}
			workbook.write(out);
			return out.toByteArray();
		}
	}

	Api as(Person person) {
		return this.api.as(this.fixtures.tokenFor(person));
	}

	/** A browser signed in through the login page: pages, forms and their CSRF tokens. */
	Api browserOf(Person person) {
		Api browser = new Api("http://localhost:" + this.port);
		browser.submitForm("/login", "/login", Map.of("username", person.username(), "password", person.password()));
		return browser;
	}

}
