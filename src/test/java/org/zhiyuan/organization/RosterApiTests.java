package org.zhiyuan.organization;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.zhiyuan.shared.identity.PhoneNumbers;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;

import static org.assertj.core.api.Assertions.assertThat;

class RosterApiTests extends ApiTestSupport {

	@Test
	void anAdminDownloadsTheRosterWithMaskedPhonesAndNoIdNumbers() throws Exception {
		Team team = this.fixtures.anActiveTeamIn("110105001");
		Person member = aMemberOf(team);
		String token = token(team.admin());

		HttpResponse<byte[]> roster = download("/api/v1/organizations/" + team.id() + "/roster.xlsx", "Authorization",
				"Bearer " + token);
		assertThat(roster.statusCode()).isEqualTo(200);
		assertThat(roster.headers().firstValue("Content-Disposition")).hasValueSatisfying(
				(disposition) -> assertThat(disposition).startsWith("attachment").contains("filename=\"roster.xlsx\""));
		assertThat(roster.headers().firstValue("Content-Type"))
			.hasValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		List<List<String>> rows = rows(roster.body());
		assertThat(rows.get(0)).containsExactly("姓名", "志愿者编号", "证件号码（部分隐藏）", "手机（部分隐藏）", "角色", "加入时间");
		assertThat(rows).hasSize(3);
		List<String> memberRow = rows.stream()
			.filter((row) -> row.get(3).equals(PhoneNumbers.mask(member.username())))
			.findFirst()
			.orElseThrow();
		assertThat(memberRow.get(0)).isEqualTo("测试志愿者");
		assertThat(memberRow.get(1)).hasSize(18).startsWith("110105");
		assertThat(memberRow.get(2)).endsWith(member.idNumber().substring(14)).contains("*");
		assertThat(memberRow.get(4)).isEqualTo("成员");
		assertThat(memberRow.get(5)).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
		assertThat(rows).extracting((row) -> row.get(4)).contains("管理员");
		assertThat(String.join("|", rows.stream().map((row) -> String.join("|", row)).toList()))
			.doesNotContain(member.idNumber(), team.admin().idNumber(), member.username(), team.admin().username());
	}

	@Test
	void anInvitedVolunteerIsNotOnTheRosterUntilTheyAccept() throws Exception {
		Team team = this.fixtures.anActiveTeamIn("110105001");
		Person invited = this.fixtures.aVolunteerIn("110101");
		this.api.signIn(team.admin().username(), team.admin().password())
			.post("/api/v1/organizations/" + team.id() + "/members",
					Map.of("volunteerId", invited.volunteerId().toString(), "role", "MEMBER"));
		String path = "/api/v1/organizations/" + team.id() + "/roster.xlsx";
		List<List<String>> rows = rows(download(path, "Authorization", "Bearer " + token(team.admin())).body());
		assertThat(rows).as("the header and the admin").hasSize(2);
		assertThat(rows.get(1).get(3)).isNotEqualTo(PhoneNumbers.mask(invited.username()));
	}

	@Test
	void theRegionsAuditorMayDownloadButAnOperatorElsewhereMayNot() throws Exception {
		Team team = this.fixtures.anActiveTeamIn("110105001");
		String path = "/api/v1/organizations/" + team.id() + "/roster.xlsx";
		assertThat(download(path, "Authorization", "Bearer " + token(this.fixtures.anAuditorOf("110105"))).statusCode())
			.isEqualTo(200);
		Person huangpu = this.fixtures.anOperatorOf("310101");
		Response elsewhere = this.api.signIn(huangpu.username(), huangpu.password()).get(path);
		assertThat(elsewhere.status()).isEqualTo(403);
		assertThat(elsewhere.header("Content-Type")).startsWith("application/problem+json");
		Response anonymous = this.api.get(path);
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");
	}

	@Test
	void theOrganizationPageLinksTheRosterForASignedInAdmin() throws Exception {
		Team team = this.fixtures.anActiveTeamIn("110105002");
		aMemberOf(team);
		Api browser = new Api("http://localhost:" + this.port);
		Response login = browser.submitForm("/login", "/login",
				Map.of("username", team.admin().username(), "password", team.admin().password()));
		assertThat(login.header("Location")).doesNotContain("error");
		String path = "/organizations/" + team.id() + "/roster.xlsx";
		assertThat(browser.get("/organizations/" + team.id()).body()).contains(path).contains("导出名册");

		HttpResponse<byte[]> roster = download(path, "Cookie", sessionCookie(login));
		assertThat(roster.statusCode()).isEqualTo(200);
		assertThat(roster.headers().firstValue("Content-Disposition"))
			.hasValueSatisfying((disposition) -> assertThat(disposition).contains("filename=\"roster.xlsx\""));
		assertThat(rows(roster.body())).hasSize(3);
		assertThat(this.api.get(path).status()).as("not signed in: sent to the sign-in page").isEqualTo(302);
	}

	private Person aMemberOf(Team team) {
		Person member = this.fixtures.aVolunteerIn("110105001");
		Response added = this.api.signIn(team.admin().username(), team.admin().password())
			.post("/api/v1/organizations/" + team.id() + "/members",
					Map.of("volunteerId", member.volunteerId().toString(), "role", "MEMBER"));
		assertThat(added.status()).isEqualTo(201);
		assertThat(this.api.signIn(member.username(), member.password())
			.post("/api/v1/volunteers/me/invitations/" + team.id() + "/acceptance", Map.of())
			.status()).isEqualTo(200);
		return member;
	}

	private String token(Person person) {
		return this.api.post("/api/v1/auth/token", Map.of("username", person.username(), "password", person.password()))
			.json()
			.get("accessToken")
			.asString();
	}

	/** The body as bytes, which the text-based test client would garble. */
	private HttpResponse<byte[]> download(String path, String header, String value)
			throws IOException, InterruptedException {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
				.header(header, value)
				.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private static String sessionCookie(Response login) {
		return login.headers()
			.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().equalsIgnoreCase("Set-Cookie"))
			.flatMap((entry) -> entry.getValue().stream())
			.filter((cookie) -> cookie.startsWith("SESSION="))
			.map((cookie) -> cookie.substring(0, cookie.indexOf(';')))
			.findFirst()
			.orElseThrow();
	}

	private static List<List<String>> rows(byte[] workbook) throws IOException {
		List<List<String>> rows = new ArrayList<>();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
			assertThat(book.getNumberOfSheets()).isEqualTo(1);
			for (Row row : book.getSheetAt(0)) {
				List<String> cells = new ArrayList<>();
				row.forEach((cell) -> cells.add(cell.getStringCellValue()));
				rows.add(cells);
			}
		}
		return rows;
	}

}
