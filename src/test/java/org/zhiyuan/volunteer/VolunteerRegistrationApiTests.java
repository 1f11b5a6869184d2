package org.zhiyuan.volunteer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Identities;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class VolunteerRegistrationApiTests extends ApiTestSupport {

	@Autowired
	JdbcClient jdbc;

	@Test
	void registersWithAResidentIdAndReadsBirthDateAndGenderFromIt() {
		String idNumber = Identities.residentId("110105", LocalDate.of(1990, 5, 17));
		Response created = this.api.post("/api/v1/volunteers", registration(idNumber, Identities.phone()));
		assertThat(created.status()).isEqualTo(201);
		var json = created.json();
		assertThat(json.get("name").asString()).isEqualTo("王小红");
		assertThat(json.get("birthDate").asString()).isEqualTo("1990-05-17");
		assertThat(json.get("gender").asString()).isEqualTo((idNumber.charAt(16) - '0') % 2 == 1 ? "MALE" : "FEMALE");
		assertThat(json.get("idNumberMasked").asString())
			.isEqualTo(idNumber.substring(0, 3) + "***********" + idNumber.substring(14));
		assertThat(json.get("volunteerNumber").asString()).hasSize(18).startsWith("110105").doesNotContain(idNumber);
		assertThat(json.get("starLevel").asInt()).isZero();
		assertThat(json.get("totalHours").asString()).isEqualTo("0.00");
		assertThat(json.get("regionCode").asString()).isEqualTo("110105001");
	}

	@Test
	void reportsEveryInvalidFieldAtOnceInTheCallersLanguage() {
		Map<String, Object> bad = new HashMap<>();
		bad.put("name", "");
		bad.put("idType", "RESIDENT_ID");
		bad.put("idNumber", "110105199001011230");
		bad.put("phone", "12345");
		bad.put("password", "short");
		bad.put("regionCode", "999999");
		bad.put("consents", Map.of("privacyPolicy", "1999-01", "oath", false));
		Response english = this.api.in("en").post("/api/v1/volunteers", bad);
		assertThat(english.status()).isEqualTo(400);
		assertThat(english.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("name",
				"idNumber", "phone", "password", "regionCode", "consents.privacyPolicy", "consents.oath");
		assertThat(english.body()).contains("check digit");
		Response chinese = this.api.post("/api/v1/volunteers", bad);
		assertThat(chinese.body()).contains("校验位");
		assertThat(count("SELECT COUNT(*) FROM account WHERE username = '12345'")).isZero();
	}

	@Test
	void rejectsImpossibleDatesAndUnknownEnumValuesAsFieldErrors() {
		Map<String, Object> request = registration("110105199002301234", Identities.phone());
		request.put("idType", "ALIEN_CARD");
		Response unknownType = this.api.post("/api/v1/volunteers", request);
		assertThat(unknownType.status()).isEqualTo(400);
		assertThat(unknownType.json().get("errors").findValuesAsString("field")).contains("idType");

		request.put("idType", "RESIDENT_ID");
		Response badDate = this.api.post("/api/v1/volunteers", request);
		assertThat(badDate.json().get("errors").findValuesAsString("field")).contains("idNumber");
		assertThat(badDate.body()).contains("出生日期不存在");
	}

	@Test
	void refusesASecondRegistrationOfTheSameIdNumberHoweverItIsTyped() {
		String idNumber = Identities.residentIdAged(40);
		assertThat(this.api.post("/api/v1/volunteers", registration(idNumber, Identities.phone())).status())
			.isEqualTo(201);
		String retyped = idNumber.substring(0, 6) + " " + idNumber.substring(6).toLowerCase();
		Response again = this.api.post("/api/v1/volunteers", registration(retyped, Identities.phone()));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.problemCode()).isEqualTo("VOLUNTEER_EXISTS");
	}

	@Test
	void refusesAPhoneNumberInUse() {
		String phone = Identities.phone();
		assertThat(this.api.post("/api/v1/volunteers", registration(Identities.residentIdAged(30), phone)).status())
			.isEqualTo(201);
		Response again = this.api.post("/api/v1/volunteers",
				registration(Identities.residentIdAged(31), "+86 " + phone));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.problemCode()).isEqualTo("PHONE_REGISTERED");
	}

	@Test
	void refusesChildrenUnder14() {
		Response young = this.api.post("/api/v1/volunteers",
				registration(Identities.residentIdAged(13), Identities.phone()));
		assertThat(young.status()).isEqualTo(400);
		assertThat(young.json().get("errors").get(0).get("field").asString()).isEqualTo("idNumber");
		assertThat(young.body()).contains("年满 14 周岁");
	}

	@Test
	void requiresAnAdultGuardiansConsentUnder18AndRecordsIt() {
		String idNumber = Identities.residentIdAged(16);
		Map<String, Object> request = registration(idNumber, Identities.phone());
		Response missing = this.api.post("/api/v1/volunteers", request);
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.json().get("errors").get(0).get("field").asString()).isEqualTo("guardian");

		request.put("guardian",
				Map.of("name", "王大明", "phone", Identities.phone(), "idNumber", Identities.residentIdAged(15)));
		Response childGuardian = this.api.post("/api/v1/volunteers", request);
		assertThat(childGuardian.json().get("errors").findValuesAsString("field")).containsExactly("guardian.idNumber");

		String guardianId = Identities.residentIdAged(45);
		request.put("guardian", Map.of("name", "王大明", "phone", Identities.phone(), "idNumber", guardianId));
		Response created = this.api.post("/api/v1/volunteers", request);
		assertThat(created.status()).isEqualTo(201);
		String volunteerId = created.json().get("id").asString();
		assertThat(this.jdbc.sql("SELECT id_number_masked FROM volunteer_guardian WHERE volunteer_id = :id")
			.param("id", java.util.UUID.fromString(volunteerId))
			.query(String.class)
			.single()).doesNotContain(guardianId).endsWith(guardianId.substring(14));
	}

	@Test
	void registersWithAPassportGivenTheBirthDateAndGender() {
		Map<String, Object> request = registration("E12345678", Identities.phone());
		request.put("idType", "PASSPORT");
		request.put("idNumber", Identities.passportNumber('E'));
		Response missing = this.api.post("/api/v1/volunteers", request);
		assertThat(missing.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("birthDate",
				"gender");
		request.put("birthDate", "1985-07-01");
		request.put("gender", "FEMALE");
		Response created = this.api.post("/api/v1/volunteers", request);
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().get("idType").asString()).isEqualTo("PASSPORT");
		assertThat(created.json().get("birthDate").asString()).isEqualTo("1985-07-01");
	}

	@Test
	void keepsTheIdNumberOnlySealedAndNeverShowsItAnywhere(CapturedOutput output) {
		String idNumber = Identities.residentIdAged(28);
		String phone = Identities.phone();
		Response created = this.api.post("/api/v1/volunteers", registration(idNumber, phone));
		assertThat(created.status()).isEqualTo(201);
		var row = this.jdbc
			.sql("SELECT id_number_sealed, id_number_fingerprint, id_number_masked FROM volunteer WHERE phone = :p")
			.param("p", phone)
			.query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
			.single();
		assertThat(row).noneMatch((column) -> column.contains(idNumber) || column.contains(idNumber.substring(6, 14)));
		var volunteer = this.api.signIn(phone, "Passw0rd-ok");
		List<String> seen = new ArrayList<>();
		seen.add(created.body());
		seen.add(volunteer.get("/api/v1/volunteers/me").body());
		seen.add(volunteer.get("/api/v1/volunteers/me/profile").body());
		seen.add(volunteer.get("/api/v1/volunteers/me/export").body());
		seen.add(this.jdbc
			.sql("SELECT COALESCE(STRING_AGG(COALESCE(detail, '') || COALESCE(object_id, ''), ','), '')"
					+ " FROM audit_event")
			.query(String.class)
			.single());
		seen.add(output.getAll());
		assertThat(seen).noneMatch((text) -> text.contains(idNumber));
	}

	@Test
	void admitsOnlyOneOfManySimultaneousRegistrationsOfOnePerson() throws Exception {
		String idNumber = Identities.residentIdAged(33);
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Callable<Integer>> attempts = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				String phone = Identities.phone();
				attempts.add(() -> this.api.post("/api/v1/volunteers", registration(idNumber, phone)).status());
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> result : pool.invokeAll(attempts)) {
				statuses.add(result.get());
			}
			assertThat(statuses).containsOnly(201, 409);
			assertThat(statuses).filteredOn((s) -> s == 201).hasSize(1);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void theRegistrationPageRegistersAndTheVolunteerSeesTheirMaskedProfile() {
		String idNumber = Identities.residentIdAged(25);
		String phone = Identities.phone();
		Map<String, String> form = new HashMap<>();
		form.put("name", "赵一");
		form.put("idType", "RESIDENT_ID");
		form.put("idNumber", idNumber);
		form.put("phone", phone);
		form.put("password", "Page-pass-1");
		form.put("regionCode", "110105002");
		form.put("skills", "手语、急救");
		form.put("privacyPolicy", "2026-01");
		form.put("oath", "on");
		Response bad = this.api.submitForm("/register", "/register",
				Map.of("name", "赵一", "idType", "RESIDENT_ID", "idNumber", "123"));
		assertThat(bad.status()).isEqualTo(200);
		assertThat(bad.body()).contains("证件号码格式不正确").contains("value=\"赵一\"");
		Response done = this.api.submitForm("/register", "/register", form);
		assertThat(done.status()).isEqualTo(302);
		assertThat(done.header("Location")).endsWith("/login");
		this.api.submitForm("/login", "/login", Map.of("username", phone, "password", "Page-pass-1"));
		Response me = this.api.get("/me");
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.body()).contains("赵一").contains(idNumber.substring(14)).doesNotContain(idNumber).contains("手语");
	}

	private Map<String, Object> registration(String idNumber, String phone) {
		Map<String, Object> request = new HashMap<>();
		request.put("name", "王小红");
		request.put("idType", "RESIDENT_ID");
		request.put("idNumber", idNumber);
		request.put("phone", phone);
		request.put("password", "Passw0rd-ok");
		request.put("regionCode", "110105001");
		request.put("skills", List.of("急救", "摄影"));
		request.put("consents", Map.of("privacyPolicy", "2026-01", "oath", true));
		return request;
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

}
