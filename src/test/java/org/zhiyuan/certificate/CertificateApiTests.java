package org.zhiyuan.certificate;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.imageio.ImageIO;

import com.lowagie.text.Document;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.AcroFields;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfStamper;
import com.lowagie.text.pdf.PdfWriter;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.zhiyuan.shared.identity.IdNumbers;
import org.zhiyuan.shared.identity.PersonNames;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Download;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures.Finished;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhiyuan.support.ActivityFixtures.anActivity;

class CertificateApiTests extends ApiTestSupport {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder()
		.build();

	@Autowired
	JdbcClient jdbc;

	@Test
	void aVolunteerPrintsACertificateThatNamesThemTheirRecordsAndTheNumber() throws IOException {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Person volunteer = this.fixtures.aVolunteerIn("110105");
		Served first = serve(team, volunteer, 5, 150);
		serve(team, volunteer, 3, 120);

		Response issued = issue(volunteer, volunteer, Map.of());
		assertThat(issued.status()).isEqualTo(201);
		String number = issued.json().get("number").asString();
		assertThat(CertificateNumbers.normalize(number)).contains(number);
		assertThat(issued.json().get("downloadUrl").asString()).endsWith("/api/v1/certificates/" + number + "/pdf");
		assertThat(issued.json().get("verifyUrl").asString()).endsWith("/verify/" + number);

		Download pdf = download(volunteer, issued);
		assertThat(pdf.status()).isEqualTo(200);
		keepForPeople("certificate-zh.pdf", pdf.body());
		assertThat(pdf.contentType()).startsWith("application/pdf");
		String text = textOf(pdf.body());
		assertThat(text).contains("志愿服务记录证明", "测试志愿者", number, "4.50", compact(first.title()), compact(nameOf(team)),
				volunteerNumberOf(volunteer), IdNumbers.mask(volunteer.idNumber()), "谁记录谁证明");
		assertThat(text).doesNotContain(volunteer.idNumber());
		assertThat(signatureIntact(pdf.body())).isTrue();
		// a download is always the file as issued
		assertThat(download(volunteer, issued).body()).isEqualTo(pdf.body());
	}

	@Test
	void writesTheCertificateInEnglishOnRequest() throws IOException {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Person volunteer = this.fixtures.aVolunteerIn("110105");
		serve(team, volunteer, 2, 90);
		Response issued = issue(volunteer, volunteer, Map.of("language", "en"));
		assertThat(issued.status()).isEqualTo(201);
		byte[] pdf = download(volunteer, issued).body();
		keepForPeople("certificate-en.pdf", pdf);
		String text = textOf(pdf);
		assertThat(text).contains("CertificateofVolunteerServiceRecord", "1.50hours", "测试志愿者",
				issued.json().get("number").asString());
	}

	@Test
	void numbersAreUniqueAndNotInSequence() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Person volunteer = this.fixtures.aVolunteerIn("110105");
		serve(team, volunteer, 2, 60);
		Set<String> numbers = new HashSet<>();
		for (int i = 0; i < 4; i++) {
			numbers.add(issue(volunteer, volunteer, Map.of()).json().get("number").asString());
		}
		assertThat(numbers).hasSize(4);
		assertThat(numbers).allMatch((n) -> n.matches("ZY-\\d{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}"));
		List<String> sorted = numbers.stream().sorted().toList();
		// random bodies: no two share their first eight random characters
		assertThat(sorted.stream().map((n) -> n.substring(8, 17)).distinct()).hasSize(4);
	}

	@Test
	void anyoneVerifiesByNumberAndSeesOnlyTheMaskedName() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Person volunteer = this.fixtures.aVolunteerIn("110105");
		serve(team, volunteer, 4, 150);
		serve(team, volunteer, 2, 120);
		String number = issue(volunteer, volunteer, Map.of()).json().get("number").asString();

		Response verification = this.api.get("/api/v1/certificates/" + number + "/verification");
		assertThat(verification.status()).isEqualTo(200);
		var json = verification.json();
		assertThat(json.get("valid").asBoolean()).isTrue();
		assertThat(json.get("revoked").asBoolean()).isFalse();
		assertThat(json.get("number").asString()).isEqualTo(number);
		assertThat(json.get("volunteerName").asString()).isEqualTo(PersonNames.mask("测试志愿者")).isEqualTo("测***者");
		assertThat(json.get("totalHours").asString()).isEqualTo("4.50");
		assertThat(json.get("issuer").asString()).isEqualTo("志愿服务信息系统");
		assertThat(json.has("issuedAt")).isTrue();
		assertThat(verification.body()).doesNotContain(volunteer.idNumber(), "测试志愿者", volunteer.username());

		// typed loosely, as from paper
		assertThat(this.api.get("/api/v1/certificates/" + number.toLowerCase().replace("-", "") + "/verification")
			.status()).isEqualTo(200);
		Response unknown = this.api.get("/api/v1/certificates/ZY-2026-0000-0000-0000/verification");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.problemCode()).isEqualTo("CERTIFICATE_NOT_FOUND");
		assertThat(this.api.get("/api/v1/certificates/not-a-number/verification").status()).isEqualTo(404);

		Response page = this.api.get("/verify/" + number);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains(number, "测***者", "4.50", "有效").doesNotContain("测试志愿者");
		assertThat(this.api.in("en").get("/verify/" + number).body()).contains("Valid");
		assertThat(this.api.get("/verify/ZY-2026-0000-0000-0000").status()).isEqualTo(404);
	}

	@Test
	void revocationNeedsAReasonAndShowsInVerification() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Person volunteer = this.fixtures.aVolunteerIn("110105");
		serve(team, volunteer, 4, 60);
		String number = issue(volunteer, volunteer, Map.of()).json().get("number").asString();

		Response noReason = signedIn(volunteer).post("/api/v1/certificates/" + number + "/revocation", Map.of());
		assertThat(noReason.status()).isEqualTo(400);
		assertThat(noReason.json().get("errors").findValuesAsString("field")).containsExactly("reason");
		assertThat(signedIn(this.fixtures.aVolunteer())
			.post("/api/v1/certificates/" + number + "/revocation", Map.of("reason", "别人的"))
			.status()).isEqualTo(403);
		assertThat(signedIn(team.admin())
			.post("/api/v1/certificates/" + number + "/revocation", Map.of("reason", "组织不能作废平台出具的证明"))
			.status()).isEqualTo(403);

		Response revoked = signedIn(volunteer).post("/api/v1/certificates/" + number + "/revocation",
				Map.of("reason", "期间填错，重新打印"));
		assertThat(revoked.status()).isEqualTo(200);
		assertThat(revoked.json().get("revoked").asBoolean()).isTrue();
		assertThat(revoked.json().get("revocationReason").asString()).isEqualTo("期间填错，重新打印");
		var verification = this.api.get("/api/v1/certificates/" + number + "/verification").json();
		assertThat(verification.get("valid").asBoolean()).isFalse();
		assertThat(verification.get("revoked").asBoolean()).isTrue();
		assertThat(verification.has("revocationReason")).isFalse();
		assertThat(this.api.get("/verify/" + number).body()).contains("已作废");
		Response again = signedIn(volunteer).post("/api/v1/certificates/" + number + "/revocation",
				Map.of("reason", "再来一次"));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.problemCode()).isEqualTo("ALREADY_REVOKED");
	}

	@Test
	void anUploadedPdfIsComparedWithTheRegistry() throws Exception {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Person volunteer = this.fixtures.aVolunteerIn("110105");
		serve(team, volunteer, 4, 120);
		Response issued = issue(volunteer, volunteer, Map.of());
		String number = issued.json().get("number").asString();
		byte[] original = download(volunteer, issued).body();

		var match = upload(original);
		assertThat(match.get("outcome").asString()).isEqualTo("MATCH");
		assertThat(match.get("signatureValid").asBoolean()).isTrue();
		assertThat(match.get("certificate").get("number").asString()).isEqualTo(number);

		var altered = upload(withExtraText(original, "200.00"));
		assertThat(altered.get("outcome").asString()).isEqualTo("ALTERED");
		assertThat(altered.get("signatureValid").asBoolean()).isFalse();
		assertThat(altered.get("certificate").get("totalHours").asString()).isEqualTo("2.00");

		byte[] flipped = original.clone();
		flipped[flipped.length / 2] ^= 0x01;
		assertThat(upload(flipped).get("outcome").asString()).isIn("ALTERED", "NOT_A_PDF", "UNKNOWN");
		assertThat(upload(flipped).get("signatureValid").asBoolean()).isFalse();

		assertThat(upload(aPlainPdf()).get("outcome").asString()).isEqualTo("UNKNOWN");
		assertThat(upload("not a pdf at all".getBytes()).get("outcome").asString()).isEqualTo("NOT_A_PDF");
		Response empty = this.api.postMultipart("/api/v1/certificates/verification", "file", "x.pdf", null, Map.of());
		assertThat(empty.status()).isEqualTo(400);

		// the page does the same for a person
		Api browser = new Api("http://localhost:" + this.port);
		String csrf = browser.csrfTokenOf("/verify");
		Response page = browser.postMultipart("/verify", "file", number + ".pdf", withExtraText(original, "200.00"),
				Map.of("_csrf", csrf));
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("被改动过", number);
		Response same = browser.postMultipart("/verify", "file", number + ".pdf", original, Map.of("_csrf", csrf));
		assertThat(same.body()).contains("完全一致", "数字签名完整有效");
	}

	@Test
	void anAdminCertifiesOnlyTheRecordsTheirOrganizationMade() throws IOException {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Team other = this.fixtures.anActiveTeamIn("110105");
		Person volunteer = this.fixtures.aVolunteerIn("110105");
		serve(team, volunteer, 5, 120);
		Served elsewhere = serve(other, volunteer, 3, 60);

		Response issued = issue(team.admin(), volunteer, Map.of());
		assertThat(issued.status()).isEqualTo(201);
		assertThat(issued.json().get("issuer").asString()).isEqualTo(nameOf(team));
		assertThat(issued.json().get("totalHours").asString()).isEqualTo("2.00");
		assertThat(issued.json().get("recordCount").asInt()).isEqualTo(1);
		String text = textOf(download(team.admin(), issued).body());
		assertThat(text).contains(compact(nameOf(team))).doesNotContain(compact(elsewhere.title()));

		Team unrelated = this.fixtures.anActiveTeamIn("110105");
		Response refused = issue(unrelated.admin(), volunteer, Map.of());
		assertThat(refused.status()).isEqualTo(403);
		assertThat(issue(this.fixtures.anOperatorOf("110105"), volunteer, Map.of()).status()).isEqualTo(403);
		assertThat(issue(this.fixtures.aVolunteer(), volunteer, Map.of()).status()).isEqualTo(403);
		assertThat(this.api.post("/api/v1/certificates", body(volunteer, Map.of())).status()).isEqualTo(401);

		// the volunteer is told, and both lists show it
		String number = issued.json().get("number").asString();
		assertThat(signedIn(volunteer).get("/api/v1/notifications").body()).contains(number);
		assertThat(signedIn(volunteer).get("/api/v1/volunteers/me/certificates").body()).contains(number);
		assertThat(signedIn(team.admin()).get("/api/v1/organizations/" + team.id() + "/certificates").body())
			.contains(number);
		assertThat(signedIn(other.admin()).get("/api/v1/organizations/" + team.id() + "/certificates").status())
			.isEqualTo(403);
		// the issuing organization may revoke it
		assertThat(
				signedIn(team.admin()).post("/api/v1/certificates/" + number + "/revocation", Map.of("reason", "记录有误"))
					.status())
			.isEqualTo(200);
	}

	@Test
	void aSuccessorOrParentCertifiesTheRecordsOfAClosedOrganization() throws IOException {
		Team successor = this.fixtures.anActiveTeamIn("110105");
		Team merged = this.fixtures.anActiveTeamIn("110105");
		Team parent = this.fixtures.anActiveTeamIn("110105");
		Team child = this.fixtures.anActiveTeamUnder(parent.id(), "110105");
		Person volunteer = this.fixtures.aVolunteerIn("110105");
		Served mergedService = serve(merged, volunteer, 6, 60);
		Served childService = serve(child, volunteer, 4, 120);
		Person operator = this.fixtures.anOperatorOf("110105");

		Response badSuccessor = signedIn(operator).post("/api/v1/organizations/" + merged.id() + "/close",
				Map.of("reason", "合并", "successorId", merged.id().toString()));
		assertThat(badSuccessor.status()).isEqualTo(400);
		assertThat(signedIn(operator)
			.post("/api/v1/organizations/" + merged.id() + "/close",
					Map.of("reason", "并入" + nameOf(successor), "successorId", successor.id().toString()))
			.status()).isEqualTo(200);
		assertThat(signedIn(operator).post("/api/v1/organizations/" + child.id() + "/close", Map.of("reason", "解散"))
			.status()).isEqualTo(200);

		Response bySuccessor = issue(successor.admin(), volunteer, Map.of());
		assertThat(bySuccessor.status()).isEqualTo(201);
		assertThat(bySuccessor.json().get("totalHours").asString()).isEqualTo("1.00");
		assertThat(textOf(download(successor.admin(), bySuccessor).body())).contains(compact(mergedService.title()),
				compact(nameOf(merged)), "已撤销");

		Response byParent = issue(parent.admin(), volunteer, Map.of());
		assertThat(byParent.status()).isEqualTo(201);
		assertThat(byParent.json().get("totalHours").asString()).isEqualTo("2.00");
		assertThat(textOf(download(parent.admin(), byParent).body())).contains(compact(childService.title()));

		assertThat(issue(merged.admin(), volunteer, Map.of()).status()).isEqualTo(403);
		assertThat(signedIn(successor.admin()).get("/api/v1/organizations/" + merged.id()).json().get("successorId"))
			.isNull();
	}

	@Test
	void theFileIsForTheVolunteerTheIssuerAndTheRegionsOverseers() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Person volunteer = this.fixtures.aVolunteerIn("110105");
		serve(team, volunteer, 4, 60);
		Response issued = issue(volunteer, volunteer, Map.of());
		String path = "/api/v1/certificates/" + issued.json().get("number").asString() + "/pdf";
		assertThat(this.api.download(path).status()).isEqualTo(401);
		assertThat(signedIn(this.fixtures.aVolunteer()).download(path).status()).isEqualTo(403);
		assertThat(signedIn(this.fixtures.anOperatorOf("310101")).download(path).status()).isEqualTo(403);
		assertThat(signedIn(this.fixtures.anAuditorOf("110105")).download(path).status()).isEqualTo(200);
		long audited = this.jdbc
			.sql("SELECT COUNT(*) FROM audit_event WHERE object_type = 'certificate' AND object_id = :number")
			.param("number", issued.json().get("number").asString())
			.query(Long.class)
			.single();
		assertThat(audited).isGreaterThanOrEqualTo(2);
	}

	@Test
	void theSealIsStampedWhenTheVolunteerAsksAndTheOrganizationHasOne() throws IOException {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Person volunteer = this.fixtures.aVolunteerIn("110105");
		serve(team, volunteer, 4, 60);
		Map<String, Object> withSeal = Map.of("organizationId", team.id().toString(), "seal", true);
		Response noSealYet = issue(volunteer, volunteer, withSeal);
		assertThat(noSealYet.status()).isEqualTo(400);
		assertThat(noSealYet.json().get("errors").findValuesAsString("field")).containsExactly("seal");
		assertThat(issue(volunteer, volunteer, Map.of("seal", true)).status()).isEqualTo(400);

		String sealPath = "/api/v1/organizations/" + team.id() + "/seal";
		assertThat(signedIn(volunteer).multipart("PUT", sealPath, "file", "seal.png", aSeal(), Map.of()).status())
			.isEqualTo(403);
		assertThat(signedIn(team.admin()).multipart("PUT", sealPath, "file", "seal.txt", "no".getBytes(), Map.of())
			.status()).isEqualTo(400);
		assertThat(signedIn(team.admin()).multipart("PUT", sealPath, "file", "seal.png", aSeal(), Map.of()).status())
			.isEqualTo(204);

		Response sealed = issue(volunteer, volunteer, withSeal);
		assertThat(sealed.status()).isEqualTo(201);
		assertThat(sealed.json().get("issuer").asString()).isEqualTo(nameOf(team));
		Response plain = issue(volunteer, volunteer, Map.of("organizationId", team.id().toString()));
		byte[] stamped = download(volunteer, sealed).body();
		keepForPeople("certificate-sealed.pdf", stamped);
		assertThat(imagesIn(stamped)).isPositive();
		assertThat(imagesIn(download(volunteer, plain).body())).isZero();
	}

	@Test
	void aRepeatedIdempotencyKeyReturnsTheFirstCertificate() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Person volunteer = this.fixtures.aVolunteerIn("110105");
		serve(team, volunteer, 4, 60);
		Map<String, String> key = Map.of("Idempotency-Key", "cert-" + UUID.randomUUID());
		Response first = signedIn(volunteer).postWithHeaders("/api/v1/certificates", body(volunteer, Map.of()), key);
		Response again = signedIn(volunteer).postWithHeaders("/api/v1/certificates", body(volunteer, Map.of()), key);
		assertThat(again.json().get("number").asString()).isEqualTo(first.json().get("number").asString());
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM certificate WHERE volunteer_id = :id")
			.param("id", volunteer.volunteerId())
			.query(Long.class)
			.single()).isEqualTo(1);

		// an admin's key names one volunteer's certificate: sent again for another
		// volunteer it issues theirs, never the first one's
		Person other = this.fixtures.aVolunteerIn("110105");
		serve(team, other, 2, 60);
		Map<String, String> adminKey = Map.of("Idempotency-Key", "cert-" + UUID.randomUUID());
		Response forOne = signedIn(team.admin()).postWithHeaders("/api/v1/certificates", body(volunteer, Map.of()),
				adminKey);
		Response forOther = signedIn(team.admin()).postWithHeaders("/api/v1/certificates", body(other, Map.of()),
				adminKey);
		assertThat(forOne.status()).isEqualTo(201);
		assertThat(forOther.status()).isEqualTo(201);
		assertThat(forOther.json().get("number").asString()).isNotEqualTo(forOne.json().get("number").asString());
		assertThat(this.jdbc.sql("SELECT volunteer_id FROM certificate WHERE number = :number")
			.param("number", forOther.json().get("number").asString())
			.query(UUID.class)
			.single()).isEqualTo(other.volunteerId());
	}

	@Test
	void badRequestsAreExplainedAndIssueNothing() {
		Person volunteer = this.fixtures.aVolunteerIn("110105");
		Response none = issue(volunteer, volunteer, Map.of());
		assertThat(none.status()).isEqualTo(422);
		assertThat(none.problemCode()).isEqualTo("NO_RECORDS");

		Map<String, Object> bad = new HashMap<>();
		bad.put("volunteerId", volunteer.volunteerId().toString());
		bad.put("from", LocalDate.now(CHINA).plusDays(3).toString());
		bad.put("to", "1999-01-01");
		bad.put("language", "fr");
		Response invalid = signedIn(volunteer).post("/api/v1/certificates", bad);
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.json().get("errors").findValuesAsString("field")).contains("from", "to", "language");
		Response unreadable = signedIn(volunteer).post("/api/v1/certificates",
				Map.of("volunteerId", volunteer.volunteerId().toString(), "from", "2026-02-30", "to", "2026-03-01"));
		assertThat(unreadable.status()).isEqualTo(400);
		Response missing = signedIn(volunteer).post("/api/v1/certificates", Map.of());
		assertThat(missing.json().get("errors").findValuesAsString("field")).contains("volunteerId", "from", "to");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM certificate WHERE volunteer_id = :id")
			.param("id", volunteer.volunteerId())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void theVolunteerAndTheAdminWorkThroughThePages() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Person volunteer = this.fixtures.aVolunteerIn("110105");
		serve(team, volunteer, 4, 90);

		Api browser = new Api("http://localhost:" + this.port);
		browser.submitForm("/login", "/login",
				Map.of("username", volunteer.username(), "password", volunteer.password()));
		Response list = browser.get("/me/certificates");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).contains("打印证明", nameOf(team));
		Response issued = browser.submitForm("/me/certificates", "/me/certificates",
				Map.of("from", LocalDate.now(CHINA).minusDays(30).toString(), "to", LocalDate.now(CHINA).toString(),
						"organizationId", "", "language", "zh"));
		assertThat(issued.status()).isEqualTo(302);
		String page = browser.get("/me/certificates").body();
		String number = this.jdbc.sql("SELECT number FROM certificate WHERE volunteer_id = :id")
			.param("id", volunteer.volunteerId())
			.query(String.class)
			.single();
		assertThat(page).contains(number, "1.50", "有效");
		assertThat(browser.download("/certificates/" + number + "/pdf").contentType()).startsWith("application/pdf");

		Response reversed = browser.submitForm("/me/certificates", "/me/certificates",
				Map.of("from", LocalDate.now(CHINA).toString(), "to", LocalDate.now(CHINA).minusDays(3).toString()));
		assertThat(reversed.status()).isEqualTo(302);
		assertThat(browser.get("/me/certificates").body()).contains("结束日期不能早于开始日期");

		Api admin = new Api("http://localhost:" + this.port);
		admin.submitForm("/login", "/login",
				Map.of("username", team.admin().username(), "password", team.admin().password()));
		String orgPage = "/organizations/" + team.id() + "/certificates";
		assertThat(admin.get(orgPage).body()).contains("组织印章").doesNotContain(number);
		Response byAdmin = admin.submitForm(orgPage, orgPage, Map.of("volunteerId", volunteer.volunteerId().toString(),
				"from", LocalDate.now(CHINA).minusDays(30).toString(), "to", LocalDate.now(CHINA).toString()));
		assertThat(byAdmin.status()).isEqualTo(302);
		String byAdminNumber = this.jdbc
			.sql("SELECT number FROM certificate WHERE volunteer_id = :id AND organization_id = :org")
			.param("id", volunteer.volunteerId())
			.param("org", team.id())
			.query(String.class)
			.single();
		assertThat(admin.get(orgPage).body()).contains(byAdminNumber, "测试志愿者");
		assertThat(browser.get(orgPage).status()).isEqualTo(403);
		assertThat(this.api.get("/verify").body()).contains("上传 PDF 核验");
		assertThat(this.api.get("/verify?number=nonsense").body()).contains("nonsense");
	}

	@Test
	void aSpoofedHostHeaderLeavesNoTraceInTheLinksThePdfOrTheQrCode() throws Exception {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Person volunteer = this.fixtures.aVolunteerIn("110105");
		serve(team, volunteer, 4, 90);

		RawResponse issued = postWithHost("evil.example.com", "/api/v1/certificates", this.fixtures.tokenFor(volunteer),
				JSON.writeValueAsString(body(volunteer, Map.of())));
		assertThat(issued.status()).isEqualTo(201);
		assertThat(issued.body()).doesNotContain("evil.example");
		tools.jackson.databind.JsonNode json = JSON.readTree(issued.body());
		String number = json.get("number").asString();
		assertThat(json.get("verifyUrl").asString()).endsWith("/verify/" + number).doesNotContain("evil");

		Download pdf = signedIn(volunteer).download("/api/v1/certificates/" + number + "/pdf");
		assertThat(pdf.status()).isEqualTo(200);
		assertThat(textOf(pdf.body())).contains(number).doesNotContain("evil");
		assertThat(qrCodeOf(pdf.body())).endsWith("/verify/" + number).doesNotContain("evil");
	}

	private Response issue(Person caller, Person volunteer, Map<String, Object> extra) {
		return signedIn(caller).post("/api/v1/certificates", body(volunteer, extra));
	}

	private static Map<String, Object> body(Person volunteer, Map<String, Object> extra) {
		Map<String, Object> body = new HashMap<>(extra);
		body.put("volunteerId", volunteer.volunteerId().toString());
		body.putIfAbsent("from", LocalDate.now(CHINA).minusDays(60).toString());
		body.putIfAbsent("to", LocalDate.now(CHINA).toString());
		return body;
	}

	private Download download(Person caller, Response issued) {
		String url = issued.json().get("downloadUrl").asString();
		return signedIn(caller).download(url.substring(url.indexOf("/api/")));
	}

	private tools.jackson.databind.JsonNode upload(byte[] file) {
		Response response = this.api.postMultipart("/api/v1/certificates/verification", "file", "c.pdf", file,
				Map.of());
		assertThat(response.status()).isEqualTo(200);
		return response.json();
	}

	/**
	 * An activity of the team that ended days ago, with a record of the volunteer's
	 * service in it.
	 */
	private Served serve(Team team, Person volunteer, int daysAgo, int minutes) {
		Finished activity = this.fixtures.aFinishedActivity(this.api, team, null, daysAgo);
		Response recorded = signedIn(team.admin()).post("/api/v1/records",
				Map.of("volunteerId", volunteer.volunteerId().toString(), "activityId", activity.id(), "startedAt",
						activity.startsAt().toString(), "endedAt", activity.startsAt().plusMinutes(minutes).toString(),
						"reason", "按签到表补录"));
		assertThat(recorded.status()).isEqualTo(201);
		return new Served(activity.id(), activity.title());
	}

	private String nameOf(Team team) {
		return this.jdbc.sql("SELECT name FROM organization WHERE id = :id")
			.param("id", team.id())
			.query(String.class)
			.single();
	}

	private String volunteerNumberOf(Person volunteer) {
		return this.jdbc.sql("SELECT volunteer_number FROM volunteer WHERE id = :id")
			.param("id", volunteer.volunteerId())
			.query(String.class)
			.single();
	}

	private Api signedIn(Person person) {
		return this.api.as(this.fixtures.tokenFor(person));
	}

	/** The PDF's text without whitespace, since table cells wrap long values. */
	private static String textOf(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return compact(new PDFTextStripper().getText(document));
		}
	}

	/**
	 * What the certificate's QR code says, read from the first page as a phone would: at
	 * a few resolutions and with both of ZXing's binarizers, since one rendering of a
	 * whole page now and then misreads a finder pattern (a checksum error) where another
	 * reads cleanly.
	 */
	private static String qrCodeOf(byte[] pdf) throws IOException, com.google.zxing.ReaderException {
		com.google.zxing.ReaderException last = null;
		try (PDDocument document = Loader.loadPDF(pdf)) {
			for (int dpi : new int[] { 200, 300, 150 }) {
				BufferedImage page = new org.apache.pdfbox.rendering.PDFRenderer(document).renderImageWithDPI(0, dpi);
				com.google.zxing.LuminanceSource source = new com.google.zxing.client.j2se.BufferedImageLuminanceSource(
						page);
				for (com.google.zxing.Binarizer binarizer : List.of(new com.google.zxing.common.HybridBinarizer(source),
						new com.google.zxing.common.GlobalHistogramBinarizer(source))) {
					try {
						return new com.google.zxing.qrcode.QRCodeReader()
							.decode(new com.google.zxing.BinaryBitmap(binarizer),
									Map.of(com.google.zxing.DecodeHintType.TRY_HARDER, Boolean.TRUE))
							.getText();
					}
					catch (com.google.zxing.ReaderException ex) {
						last = ex;
					}
				}
			}
		}
		throw last;
	}

	/**
	 * A request with a Host header of the caller's choosing, which the JDK's HTTP client
	 * refuses to send.
	 */
	private RawResponse postWithHost(String host, String path, String token, String json) throws IOException {
		byte[] body = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		try (java.net.Socket socket = new java.net.Socket("localhost", this.port)) {
			socket.setSoTimeout(60_000);
			String head = "POST " + path + " HTTP/1.0\r\nHost: " + host + "\r\nAuthorization: Bearer " + token
					+ "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
			socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
			socket.getOutputStream().write(body);
			socket.getOutputStream().flush();
			String response = new String(socket.getInputStream().readAllBytes(),
					java.nio.charset.StandardCharsets.UTF_8);
			int status = Integer.parseInt(response.substring(9, 12));
			return new RawResponse(status, response.substring(response.indexOf("\r\n\r\n") + 4));
		}
	}

	private record RawResponse(int status, String body) {

	}

	private static String compact(String text) {
		return text.replaceAll("\\s+", "");
	}

	/** Writes a sample under target/certificates, for a person to look at. */
	private static void keepForPeople(String name, byte[] pdf) throws IOException {
		java.nio.file.Path folder = java.nio.file.Path.of("target", "certificates");
		java.nio.file.Files.createDirectories(folder);
		java.nio.file.Files.write(folder.resolve(name), pdf);
	}

	private static int imagesIn(byte[] pdf) throws IOException {
		int images = 0;
		try (PDDocument document = Loader.loadPDF(pdf)) {
			for (PDPage page : document.getPages()) {
				for (COSName name : page.getResources().getXObjectNames()) {
					if (page.getResources().getXObject(name) instanceof PDImageXObject) {
						images++;
					}
				}
			}
		}
		return images;
	}

	private static boolean signatureIntact(byte[] pdf) throws IOException {
		PdfReader reader = new PdfReader(pdf);
		AcroFields fields = reader.getAcroFields();
		List<String> names = fields.getSignedFieldNames();
		try {
			return names.size() == 1 && fields.signatureCoversWholeDocument(names.get(0))
					&& fields.verifySignature(names.get(0)).verify();
		}
		catch (java.security.GeneralSecurityException ex) {
			return false;
		}
		finally {
			reader.close();
		}
	}

	private static byte[] withExtraText(byte[] pdf, String text) throws Exception {
		PdfReader reader = new PdfReader(pdf);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PdfStamper stamper = new PdfStamper(reader, out);
		PdfContentByte canvas = stamper.getOverContent(1);
		canvas.beginText();
		canvas.setFontAndSize(com.lowagie.text.pdf.BaseFont.createFont(), 12);
		canvas.showTextAligned(com.lowagie.text.Element.ALIGN_LEFT, text, 300, 500, 0);
		canvas.endText();
		stamper.close();
		reader.close();
		return out.toByteArray();
	}

	private static byte[] aPlainPdf() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document();
		PdfWriter.getInstance(document, out);
		document.open();
		document.add(new Paragraph("Certificate of nothing"));
		document.close();
		return out.toByteArray();
	}

	private static byte[] aSeal() throws IOException {
		BufferedImage image = new BufferedImage(200, 200, BufferedImage.TYPE_INT_ARGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(new Color(200, 20, 20, 220));
		graphics.setStroke(new java.awt.BasicStroke(8));
		graphics.drawOval(10, 10, 180, 180);
		graphics.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	record Served(String activityId, String title) {

	}

}
