package org.zhiyuan.organization;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;
import org.zhiyuan.support.Identities;

import static org.assertj.core.api.Assertions.assertThat;

class VolunteerImportApiTests extends ApiTestSupport {

	@Test
	void importsEveryValidRowReportsEveryBadOneAndNeverDuplicates() throws Exception {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Person registered = this.fixtures.aVolunteerIn("110105002");
		String newcomerId = Identities.residentIdAged(35);
		byte[] file = workbook(List.of(
				row("周新人", "居民身份证", newcomerId, "", "", Identities.phone(), "110105001", "急救、摄影", "", "", ""),
				row("错误行", "RESIDENT_ID", "110105199001011230", "", "", "12345", "110105001", "", "", "", ""),
				row("少年", "居民身份证", Identities.residentIdAged(16), "", "", Identities.phone(), "110105001", "", "", "",
						""),
				row("测试志愿者", "居民身份证", registered.idNumber(), "", "", Identities.phone(), "110105002", "", "", "", ""),
				row("周新人", "居民身份证", newcomerId, "", "", Identities.phone(), "110105001", "", "", "", ""),
				row("Anna Smith", "护照", Identities.passportNumber('P'), "1988/4/2", "女", Identities.phone(),
						"110105001", "英语", "", "", "")));
		Api admin = this.api.signIn(team.admin().username(), team.admin().password());
		String base = "/api/v1/organizations/" + team.id() + "/imports";

		var first = finished(admin, upload(admin, base, file));
		assertThat(first.get("status").asString()).isEqualTo("DONE");
		assertThat(first.get("totalRows").asInt()).isEqualTo(6);
		assertThat(first.get("created").asInt()).isEqualTo(2);
		assertThat(first.get("linked").asInt()).isEqualTo(2);
		assertThat(first.get("failed").asInt()).isEqualTo(2);
		var failed = admin.in("en").get(base + "/" + first.get("id").asString() + "/rows?failedOnly=true").json();
		assertThat(failed.get("items").get(0).get("rowNumber").asInt()).isEqualTo(3);
		assertThat(failed.get("items").get(0).get("errors").findValuesAsString("field")).contains("idNumber", "phone");
		assertThat(failed.get("items").get(1).get("errors").findValuesAsString("field")).containsExactly("guardian");
		assertThat(failed.toString()).contains("check digit");

		var second = finished(admin, upload(admin, base, file));
		assertThat(second.get("created").asInt()).as("a repeat import creates nobody").isZero();
		assertThat(second.get("linked").asInt()).isEqualTo(4);
		assertThat(second.get("failed").asInt()).isEqualTo(2);

		var members = admin.get("/api/v1/organizations/" + team.id() + "/members?size=200").json();
		assertThat(members.get("total").asInt()).as("admin, two new, one existing").isEqualTo(4);
		for (var member : members.get("items")) {
			boolean existing = member.get("volunteerId").asString().equals(registered.volunteerId().toString());
			assertThat(member.get("status").asString()).as("the registered volunteer is invited, the new ones joined")
				.isEqualTo(existing ? "INVITED" : "ACTIVE");
		}
		assertThat(admin.get("/api/v1/volunteers/" + registered.volunteerId()).status())
			.as("nothing of the registered volunteer before they accept")
			.isEqualTo(403);
		assertThat(this.api.signIn(registered.username(), registered.password())
			.get("/api/v1/volunteers/me/invitations")
			.json()
			.get("items")
			.findValuesAsString("organizationId")).containsExactly(team.id().toString());
	}

	@Test
	void aRowWhoseNameIsNotTheRegisteredPersonsIsRefusedWithoutSayingTheNumberIsRegistered() throws Exception {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Person registered = this.fixtures.aVolunteerIn("110101");
		byte[] file = workbook(List.<String[]>of(
				row("冒名者", "居民身份证", registered.idNumber(), "", "", Identities.phone(), "110105001", "", "", "", ""),
				row("冒名者", "居民身份证", registered.idNumber(), "", "", registered.username(), "110105001", "", "", "",
						"")));
		Api admin = this.api.signIn(team.admin().username(), team.admin().password());
		String base = "/api/v1/organizations/" + team.id() + "/imports";
		var done = finished(admin, upload(admin, base, file));
		assertThat(done.get("failed").asInt()).isEqualTo(2);
		assertThat(done.get("linked").asInt()).isZero();
		var rows = admin.get(base + "/" + done.get("id").asString() + "/rows").json().get("items");
		for (var row : rows) {
			assertThat(row.path("volunteerId").isNull() || row.path("volunteerId").isMissingNode()).isTrue();
			assertThat(row.get("errors").findValuesAsString("field")).containsExactly("row");
			assertThat(row.get("errors").findValuesAsString("message"))
				.containsExactly("无法按此行的姓名和证件号码添加志愿者，请核对后重试；已注册的志愿者也可以自己申请加入本组织。");
		}
		assertThat(rows.toString()).doesNotContain("已注册的证件").doesNotContain(registered.volunteerId().toString());
		assertThat(admin.get("/api/v1/organizations/" + team.id() + "/members?size=200")
			.json()
			.get("items")
			.findValuesAsString("volunteerId")).doesNotContain(registered.volunteerId().toString());
		assertThat(this.api.signIn(registered.username(), registered.password())
			.get("/api/v1/volunteers/me/invitations")
			.json()
			.get("items")
			.findValuesAsString("organizationId")).isEmpty();
	}

	@Test
	void refusesUploadsWithoutConsentFromOutsidersAndOfUnreadableFiles() throws Exception {
		Team team = this.fixtures.anActiveTeamIn("110105");
		String base = "/api/v1/organizations/" + team.id() + "/imports";
		Api admin = this.api.signIn(team.admin().username(), team.admin().password());
		Response noConsent = admin.postMultipart(base, "file", "v.xlsx", workbook(List.<String[]>of()), Map.of());
		assertThat(noConsent.status()).isEqualTo(400);
		assertThat(noConsent.json().get("errors").findValuesAsString("field")).containsExactly("consentConfirmed");
		Person outsider = this.fixtures.aVolunteer();
		Response refused = this.api.signIn(outsider.username(), outsider.password())
			.postMultipart(base, "file", "v.xlsx", workbook(List.<String[]>of()), Map.of("consentConfirmed", "true"));
		assertThat(refused.status()).isEqualTo(403);
		var broken = finished(admin, admin.postMultipart(base, "file", "v.xlsx", "not a workbook".getBytes(),
				Map.of("consentConfirmed", "true")));
		assertThat(broken.get("status").asString()).isEqualTo("FAILED");
	}

	@Test
	void theTemplateAndThePagesWork() throws Exception {
		Response template = this.api.get("/organizations/import-template.xlsx");
		assertThat(template.status()).isEqualTo(200);
		Team team = this.fixtures.anActiveTeamIn("110105");
		Api browser = new Api("http://localhost:" + this.port);
		browser.submitForm("/login", "/login",
				Map.of("username", team.admin().username(), "password", team.admin().password()));
		String page = "/organizations/" + team.id() + "/import";
		assertThat(browser.get(page).status()).isEqualTo(200);
		byte[] file = workbook(List.<String[]>of(row("页面导入", "居民身份证", Identities.residentIdAged(30), "", "",
				Identities.phone(), "110105001", "", "", "", "")));
		Response uploaded = browser.postMultipart(page, "file", "page.xlsx", file,
				Map.of("consentConfirmed", "true", "_csrf", browser.csrfTokenOf(page)));
		assertThat(uploaded.status()).isEqualTo(302);
		String status = uploaded.header("Location").replaceFirst("^https?://[^/]+", "");
		long deadline = System.currentTimeMillis() + 30_000;
		String body = browser.get(status).body();
		while (!body.contains("已完成") && System.currentTimeMillis() < deadline) {
			Thread.sleep(200);
			body = browser.get(status + "/progress").body();
		}
		assertThat(body).contains("已完成").contains("新建 1 人");
	}

	private static Response upload(Api api, String base, byte[] file) {
		Response response = api.postMultipart(base, "file", "volunteers.xlsx", file,
				Map.of("consentConfirmed", "true"));
		assertThat(response.status()).isEqualTo(202);
		return response;
	}

	private static tools.jackson.databind.JsonNode finished(Api api, Response started) throws InterruptedException {
		String path = started.json().get("organizationId").asString();
		String url = "/api/v1/organizations/" + path + "/imports/" + started.json().get("id").asString();
		long deadline = System.currentTimeMillis() + 60_000;
		var progress = api.get(url).json();
		while (!List.of("DONE", "FAILED").contains(progress.get("status").asString())
				&& System.currentTimeMillis() < deadline) {
			Thread.sleep(200);
			progress = api.get(url).json();
		}
		return progress;
	}

	private static String[] row(String... cells) {
		return cells;
	}

	private static byte[] workbook(List<String[]> rows) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("志愿者");
			Row header = sheet.createRow(0);
			header.createCell(0).setCellValue("姓名 Name*");
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r + 1);
				for (int c = 0; c < rows.get(r).length; c++) {
					row.createCell(c).setCellValue(rows.get(r)[c]);
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
	}

}
