package org.zhiyuan.certificate;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures.Finished;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Certificates state the volunteer's awards and the organizations' evaluations, in 浑南区
 * (210112): a certificate printed before either existed still verifies, by number and by
 * its file, after both are added; the next one shows the award, the evaluation's count
 * and average and the stars on the evaluated line. And the content hash of a certificate
 * without awards or evaluations is the one the registry has always kept for such content.
 */
class CertificateEvaluationsApiTests extends ApiTestSupport {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private static final String DISTRICT = "210112";

	@Autowired
	JdbcClient jdbc;

	private Api api(Person person) {
		return new Api("http://localhost:" + this.port).as(this.fixtures.tokenFor(person));
	}

	@Test
	void certificatesShowAwardsAndEvaluationsAndEarlierOnesStillVerify() throws IOException {
		Team team = this.fixtures.anActiveTeamIn(DISTRICT + "009");
		Person volunteer = this.fixtures.aVolunteerIn(DISTRICT + "009");
		Finished first = this.fixtures.aFinishedActivity(this.api, team, volunteer, 5);
		Finished second = this.fixtures.aFinishedActivity(this.api, team, volunteer, 3);
		String rated = record(team, volunteer, first, 120);
		record(team, volunteer, second, 90);

		Response earlier = issue(volunteer);
		String earlierNumber = earlier.json().get("number").asString();
		byte[] earlierPdf = download(volunteer, earlier);
		String earlierText = textOf(earlierPdf);
		assertThat(earlierText).doesNotContain("组织评价");
		String earlierHash = hashOf(earlierNumber);

		Response evaluated = api(team.admin()).send("PUT", "/api/v1/records/" + rated + "/evaluation",
				Map.of("stars", 4, "comment", "认真负责"));
		assertThat(evaluated.status()).as(evaluated.body()).isEqualTo(200);
		String title = award(volunteer);

		Response later = issue(volunteer);
		String text = textOf(download(volunteer, later));
		assertThat(text).contains(compact(title), "组织评价：1条，平均4.0星", "★★★★");

		JsonNode verification = this.api.get("/api/v1/certificates/" + earlierNumber + "/verification").json();
		assertThat(verification.get("valid").asBoolean()).as("the earlier certificate still verifies").isTrue();
		Response upload = this.api.postMultipart("/api/v1/certificates/verification", "file", "c.pdf", earlierPdf,
				Map.of());
		assertThat(upload.json().get("outcome").asString()).isEqualTo("MATCH");
		assertThat(hashOf(earlierNumber)).isEqualTo(earlierHash);

		Response english = issue(volunteer, "en");
		assertThat(textOf(download(volunteer, english))).contains("Evaluationsbyorganizations:1,average4.0stars",
				compact(title));
	}

	@Test
	void contentWithoutAwardsOrEvaluationsHashesAsBefore() {
		CertificateContent content = new CertificateContent("ZY-2026-ABCD-EFGH-JKLM", Locale.SIMPLIFIED_CHINESE,
				"测试志愿者", "gender.FEMALE", "1101**********1234", "11010520260001", LocalDate.of(2026, 1, 1),
				LocalDate.of(2026, 6, 30),
				List.of(new CertificateContent.Line(UUID.fromString("00000000-0000-0000-0000-000000000001"),
						LocalDate.of(2026, 3, 1), "社区助老", "和平区", "陪伴老人", new BigDecimal("2.00"), "测试志愿服务队", null)),
				new BigDecimal("2.00"), List.of("急救员"), 2, List.of(), 0, null, "志愿服务信息系统", true,
				OffsetDateTime.of(2026, 7, 1, 8, 0, 0, 0, ZoneOffset.UTC), "https://zhiyuan.example/verify/x", null);
		assertThat(content.contentHash()).isEqualTo(legacyHash(content));
		CertificateContent awarded = new CertificateContent(content.number(), content.locale(), content.volunteerName(),
				content.genderKey(), content.idNumberMasked(), content.volunteerNumber(), content.from(), content.to(),
				content.lines(), content.totalHours(), content.trainings(), content.starLevel(),
				List.of("2026年度优秀志愿者（2026-12-01）"), 0, null, content.issuerName(), content.selfPrinted(),
				content.issuedAt(), content.verifyUrl(), null);
		assertThat(awarded.contentHash()).as("an award is part of the certified facts")
			.isNotEqualTo(content.contentHash());
	}

	/** The content hash as certificates were hashed before awards and evaluations. */
	private static String legacyHash(CertificateContent c) {
		StringBuilder text = new StringBuilder();
		append(text, c.number(), c.locale().toLanguageTag(), c.volunteerName(), c.genderKey(), c.idNumberMasked(),
				c.volunteerNumber(), c.from(), c.to(), c.totalHours().toPlainString(), c.starLevel(), c.issuerName(),
				c.selfPrinted(), c.issuedAt().toInstant(), c.verifyUrl(), c.seal() != null);
		for (CertificateContent.Line line : c.lines()) {
			append(text, line.recordId(), line.date(), line.activity(), line.place(), line.content(),
					line.hours().toPlainString(), line.recordingOrganization());
		}
		for (String training : c.trainings()) {
			append(text, training);
		}
		try {
			return HexFormat.of()
				.formatHex(
						MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void append(StringBuilder text, Object... values) {
		for (Object value : values) {
			String part = String.valueOf(value);
			text.append(part.length()).append(':').append(part).append('|');
		}
		text.append('\n');
	}

	private String record(Team team, Person volunteer, Finished activity, int minutes) {
		Response recorded = api(team.admin()).post("/api/v1/records",
				Map.of("volunteerId", volunteer.volunteerId().toString(), "activityId", activity.id(), "startedAt",
						activity.startsAt().toString(), "endedAt", activity.startsAt().plusMinutes(minutes).toString(),
						"reason", "按签到表补录"));
		assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
		return recorded.json().get("id").asString();
	}

	/** A campaign of the district from nomination through its notice to the award. */
	private String award(Person volunteer) {
		Person operator = this.fixtures.anOperatorOf(DISTRICT);
		String title = "浑南区优秀志愿者" + UUID.randomUUID().toString().substring(0, 4);
		Response created = api(operator).post("/api/v1/commendations",
				Map.of("regionCode", DISTRICT, "title", title, "kind", "VOLUNTEER", "nominationsUntil",
						OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(3).withNano(0).toString(), "noticeDays", 7));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String campaign = created.json().get("id").asString();
		Response nominated = api(operator).post("/api/v1/commendations/" + campaign + "/nominations",
				Map.of("nomineeId", volunteer.volunteerId().toString(), "reason", "常年坚持社区服务"));
		assertThat(nominated.status()).as(nominated.body()).isEqualTo(201);
		assertThat(api(operator)
			.post("/api/v1/nominations/" + nominated.json().get("id").asString() + "/review",
					Map.of("decision", "APPROVE"))
			.status()).isEqualTo(200);
		assertThat(api(operator).post("/api/v1/commendations/" + campaign + "/notice", Map.of()).status())
			.isEqualTo(200);
		this.jdbc.sql("UPDATE commendation SET notice_ends_at = :past WHERE id = :id")
			.param("past", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1))
			.param("id", UUID.fromString(campaign))
			.update();
		Response awarded = api(operator).post("/api/v1/commendations/" + campaign + "/awards", Map.of());
		assertThat(awarded.status()).as(awarded.body()).isEqualTo(201);
		return title;
	}

	private Response issue(Person volunteer) {
		return issue(volunteer, "zh");
	}

	private Response issue(Person volunteer, String language) {
		Response issued = api(volunteer).post("/api/v1/certificates",
				Map.of("volunteerId", volunteer.volunteerId().toString(), "from",
						LocalDate.now(CHINA).minusDays(30).toString(), "to", LocalDate.now(CHINA).toString(),
						"language", language));
		assertThat(issued.status()).as(issued.body()).isEqualTo(201);
		return issued;
	}

	private byte[] download(Person caller, Response issued) {
		String url = issued.json().get("downloadUrl").asString();
		return api(caller).download(url.substring(url.indexOf("/api/"))).body();
	}

	private String hashOf(String number) {
		return this.jdbc.sql("SELECT content_hash FROM certificate WHERE number = :number")
			.param("number", number)
			.query(String.class)
			.single();
	}

	private static String textOf(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return compact(new PDFTextStripper().getText(document));
		}
	}

	private static String compact(String text) {
		return text.replaceAll("\\s+", "");
	}

}
