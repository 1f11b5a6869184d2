package org.zhiyuan.system;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures;
import org.zhiyuan.support.Fixtures.Team;
import org.zhiyuan.support.Identities;
import zhiyuan.client.ApiClient;
import zhiyuan.client.ApiException;
import zhiyuan.client.api.AccountApi;
import zhiyuan.client.api.ActivityApi;
import zhiyuan.client.api.AttendanceApi;
import zhiyuan.client.api.CertificateApi;
import zhiyuan.client.api.RecordApi;
import zhiyuan.client.api.SignupApi;
import zhiyuan.client.api.VolunteerApi;
import zhiyuan.client.model.ActivityRequest;
import zhiyuan.client.model.ActivityResponse;
import zhiyuan.client.model.CheckOut;
import zhiyuan.client.model.CodeRequest;
import zhiyuan.client.model.Consents;
import zhiyuan.client.model.ConsentsResponse;
import zhiyuan.client.model.GeoPoint;
import zhiyuan.client.model.IssueRequest;
import zhiyuan.client.model.IssuedResponse;
import zhiyuan.client.model.Location;
import zhiyuan.client.model.PageResultRecordResponse;
import zhiyuan.client.model.PositionRequest;
import zhiyuan.client.model.Problem;
import zhiyuan.client.model.Registration;
import zhiyuan.client.model.SignupRequest;
import zhiyuan.client.model.SignupView;
import zhiyuan.client.model.TokenRequest;
import zhiyuan.client.model.VerificationResponse;
import zhiyuan.client.model.VolunteerResponse;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The core loop through a Java client generated from {@code docs/openapi.json} during the
 * build (openapi-generator, {@code java}/{@code native}): register → sign up → check in →
 * record → certificate download, with typed errors read as {@link Problem} and a retried
 * check-out answered by its first result. A document that misleads generated clients — a
 * wrong type, a missing field, a download declared as text — fails here. Only the clock
 * is moved by SQL, as in the other attendance tests.
 */
class GeneratedClientApiTests extends ApiTestSupport {

	@Autowired
	JdbcClient jdbc;

	@Test
	void drivesTheCoreLoopThroughAGeneratedClient() throws Exception {
		Team team = this.fixtures.anActiveTeamIn("110105");
		ApiClient anonymous = client(null);

		// a volunteer registers, accepting the texts the platform serves
		ConsentsResponse consents = new VolunteerApi(anonymous).getConsents("zh-CN");
		String phone = Identities.phone();
		Registration registration = new Registration().name("王小明")
			.idType(Registration.IdTypeEnum.RESIDENT_ID)
			.idNumber(Identities.residentIdAged(30))
			.phone(phone)
			.password(Fixtures.PASSWORD)
			.regionCode("110105")
			.skills(List.of("急救"))
			.consents(new Consents().privacyPolicy(consents.getPrivacyPolicy().getVersion()).oath(true));
		VolunteerResponse registered = new VolunteerApi(anonymous).volunteerRegister(registration, null);
		assertThat(registered.getIdNumberMasked()).contains("*").doesNotContain(registration.getIdNumber());
		assertThat(registered.getTotalHours()).isEqualTo("0.00");

		// the same ID number again: a typed 409, and a bad one a 400 naming the field, in
		// English
		Problem again = problemOf(() -> new VolunteerApi(anonymous).volunteerRegister(registration, null), 409);
		assertThat(again.getCode()).isEqualTo("VOLUNTEER_EXISTS");
		Problem bad = problemOf(() -> new VolunteerApi(anonymous).volunteerRegister(new Registration().name("王小明")
			.idType(Registration.IdTypeEnum.RESIDENT_ID)
			.idNumber("110105199001011230")
			.phone(Identities.phone())
			.password(Fixtures.PASSWORD)
			.regionCode("110105")
			.consents(registration.getConsents()), "en"), 400);
		assertThat(bad.getCode()).isEqualTo("VALIDATION_FAILED");
		assertThat(bad.getErrors()).anySatisfy((error) -> {
			assertThat(error.getField()).isEqualTo("idNumber");
			assertThat(error.getMessage()).matches("[\\x20-\\x7E]+");
		});

		ApiClient volunteer = client(signIn(phone, Fixtures.PASSWORD));
		ApiClient admin = client(signIn(team.admin().username(), team.admin().password()));

		// the organization publishes an activity; the volunteer signs up once
		ActivityResponse activity = new ActivityApi(admin).activityCreate(anActivity(team.id()), null);
		assertThat(new ActivityApi(admin).activityPublish(activity.getId(), null).getStatus())
			.hasToString("RECRUITING");
		UUID positionId = activity.getPositions().get(0).getId();
		SignupView signup = new SignupApi(volunteer).signupSignUp(activity.getId(),
				new SignupRequest().positionId(positionId), null);
		assertThat(signup.getStatus()).hasToString("APPROVED");
		assertThat(problemOf(() -> new SignupApi(volunteer).signupSignUp(activity.getId(),
				new SignupRequest().positionId(positionId), null), 409)
			.getCode()).isEqualTo("ALREADY_SIGNED_UP");

		// the day comes: check in with the code the organizer shows, an hour and a half
		// ago
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
		this.jdbc.sql("UPDATE activity SET starts_at = :s, ends_at = :e, signup_deadline = :d WHERE id = :id")
			.param("s", now.minusHours(2))
			.param("e", now.plusHours(1))
			.param("d", now.minusHours(2))
			.param("id", activity.getId())
			.update();
		String code = new AttendanceApi(admin).attendanceCode(activity.getId(), null).getCode();
		CodeRequest atTheSite = new CodeRequest().code(code)
			.location(new GeoPoint().lat(39.9088).lng(116.4446).accuracyMeters(15.0));
		assertThat(new AttendanceApi(volunteer).attendanceCheckIn(atTheSite, null).getCheckedInAt()).isNotNull();
		this.jdbc.sql("UPDATE attendance SET checked_in_at = :t WHERE activity_id = :a")
			.param("t", now.minusMinutes(90))
			.param("a", activity.getId())
			.update();

		// check out, and a retry with the same Idempotency-Key gets the first answer
		String key = UUID.randomUUID().toString();
		CheckOut out = new AttendanceApi(volunteer).attendanceCheckOut(atTheSite, key, null);
		assertThat(out.getHours()).matches("1\\.(49|50|51)");
		CheckOut retried = new AttendanceApi(volunteer).attendanceCheckOut(atTheSite, key, null);
		assertThat(retried.getRecordId()).isEqualTo(out.getRecordId());
		assertThat(retried.getHours()).isEqualTo(out.getHours());

		// the record, counted once
		PageResultRecordResponse records = new RecordApi(volunteer).serviceRecordMine(0, 20, null);
		assertThat(records.getTotal()).isEqualTo(1);
		assertThat(records.getItems().get(0).getId()).isEqualTo(out.getRecordId());
		assertThat(records.getItems().get(0).getHours()).isEqualTo(out.getHours());
		assertThat(new VolunteerApi(volunteer).volunteerMe(null).getTotalHours()).isEqualTo(out.getHours());

		// the certificate, downloaded as the PDF file it is, and verified by anyone
		IssuedResponse issued = new CertificateApi(volunteer)
			.certificateIssue(new IssueRequest().volunteerId(registered.getId())
				.from(LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(30))
				.to(LocalDate.now(ZoneId.of("Asia/Shanghai"))), UUID.randomUUID().toString(), null);
		assertThat(issued.getTotalHours()).isEqualTo(out.getHours());
		File pdf = new CertificateApi(volunteer).certificatePdf(issued.getNumber(), null);
		byte[] bytes = Files.readAllBytes(pdf.toPath());
		assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		VerificationResponse verified = new CertificateApi(anonymous).certificateVerification(issued.getNumber(), null);
		assertThat(verified.getValid()).isTrue();
		assertThat(verified.getTotalHours()).isEqualTo(out.getHours());
		assertThat(verified.getVolunteerName()).isNotEqualTo("王小明").contains("*");
	}

	/**
	 * The same loop through the generated Python client
	 * ({@code src/test/python/core_loop.py}), which needs {@code python3} with pydantic
	 * 2, urllib3 2 and python-dateutil, as generated Python clients do;
	 * {@code -Dzhiyuan.test.python.skip=true} skips it where they cannot be had.
	 */
	@Test
	void drivesTheCoreLoopThroughAGeneratedPythonClient() throws Exception {
		assumeFalse(Boolean.getBoolean("zhiyuan.test.python.skip"), "skipped on request");
		Path generated = Path.of("target", "generated-test-sources", "openapi-python");
		assertThat(generated.resolve("zhiyuan_client")).as("generated by the build").isDirectory();
		Process probe = new ProcessBuilder("python3", "-c", "import pydantic, urllib3, dateutil, typing_extensions;"
				+ " assert int(pydantic.VERSION.split('.')[0]) >= 2 and int(urllib3.__version__.split('.')[0]) >= 2")
			.redirectErrorStream(true)
			.start();
		String missing = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(probe.waitFor())
			.as("python3 with pydantic 2, urllib3 2 and python-dateutil is needed (or -Dzhiyuan.test.python.skip=true): %s",
					missing)
			.isZero();

		Team team = this.fixtures.anActiveTeamIn("110105");
		ProcessBuilder builder = new ProcessBuilder("python3",
				Path.of("src", "test", "python", "core_loop.py").toString());
		builder.environment().put("PYTHONPATH", generated.toAbsolutePath().toString());
		builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
		builder.environment().put("ZHIYUAN_URL", "http://localhost:" + this.port);
		builder.environment().put("ADMIN_USERNAME", team.admin().username());
		builder.environment().put("ADMIN_PASSWORD", team.admin().password());
		builder.environment().put("ORGANIZATION_ID", team.id().toString());
		builder.environment().put("VOLUNTEER_PHONE", Identities.phone());
		builder.environment().put("VOLUNTEER_ID_NUMBER", Identities.residentIdAged(35));
		Path errors = Files.createTempFile("core-loop", ".log");
		builder.redirectError(errors.toFile());
		Process python = builder.start();
		List<String> said = new ArrayList<>();
		try (BufferedReader out = new BufferedReader(
				new InputStreamReader(python.getInputStream(), StandardCharsets.UTF_8));
				Writer in = new OutputStreamWriter(python.getOutputStream(), StandardCharsets.UTF_8)) {
			for (String line = out.readLine(); line != null; line = out.readLine()) {
				said.add(line);
				if (line.startsWith("CLOCK ")) {
					String[] words = line.split(" ");
					moveClock(words[1], UUID.fromString(words[2]));
					in.write("OK\n");
					in.flush();
				}
			}
		}
		assertThat(python.waitFor(2, TimeUnit.MINUTES)).isTrue();
		String log = Files.readString(errors, StandardCharsets.UTF_8);
		Files.deleteIfExists(errors);
		assertThat(python.exitValue()).as("the Python client's run:%n%s", log).isZero();
		assertThat(said).as(log).hasSize(3).last().isEqualTo("DONE");
	}

	/** The activity starts two hours ago; the check-in happened ninety minutes ago. */
	private void moveClock(String what, UUID activityId) {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
		if ("START".equals(what)) {
			this.jdbc.sql("UPDATE activity SET starts_at = :s, ends_at = :e, signup_deadline = :d WHERE id = :id")
				.param("s", now.minusHours(2))
				.param("e", now.plusHours(1))
				.param("d", now.minusHours(2))
				.param("id", activityId)
				.update();
		}
		else {
			this.jdbc.sql("UPDATE attendance SET checked_in_at = :t WHERE activity_id = :a")
				.param("t", now.minusMinutes(90))
				.param("a", activityId)
				.update();
		}
	}

	@Test
	void answersAMissingTokenWithATypedProblem() throws IOException {
		Problem problem = problemOf(() -> new VolunteerApi(client(null)).volunteerMe(null), 401);
		assertThat(problem.getStatus()).isEqualTo(401);
		assertThat(problem.getCode()).isNotBlank();
	}

	private String signIn(String username, String password) throws ApiException {
		return new AccountApi(client(null)).authToken(new TokenRequest().username(username).password(password), null)
			.getAccessToken();
	}

	private ApiClient client(String token) {
		ApiClient client = new ApiClient();
		client.updateBaseUri("http://localhost:" + this.port);
		if (token != null) {
			client.setRequestInterceptor((request) -> request.header("Authorization", "Bearer " + token));
		}
		return client;
	}

	private static ActivityRequest anActivity(UUID organizationId) {
		OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(7).truncatedTo(ChronoUnit.SECONDS);
		return new ActivityRequest().organizationId(organizationId)
			.title("社区助老服务 " + Fixtures.uniqueUsername(""))
			.description("为社区高龄老人提供助餐、陪伴和理发服务。")
			.category(ActivityRequest.CategoryEnum.ELDERLY_CARE)
			.regionCode("110105001")
			.address("建外街道某社区服务站")
			.location(new Location().lat(39.9087).lng(116.4445))
			.geofenceMeters(300)
			.startsAt(start)
			.endsAt(start.plusHours(3))
			.positions(List.of(new PositionRequest().name("助餐志愿者").capacity(5)))
			.approval(ActivityRequest.ApprovalEnum.AUTO)
			.riskLevel(ActivityRequest.RiskLevelEnum.LOW)
			.timeBankEligible(true);
	}

	/**
	 * The problem+json of a call that must fail with the status, read as the document's
	 * Problem.
	 */
	private Problem problemOf(Call call, int status) throws IOException {
		ApiException refused = catchThrowableOfType(ApiException.class, call::run);
		assertThat(refused).as("refused with %d", status).isNotNull();
		assertThat(refused.getCode()).isEqualTo(status);
		assertThat(refused.getResponseHeaders().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		return new ApiClient().getObjectMapper().readValue(refused.getResponseBody(), Problem.class);
	}

	@FunctionalInterface
	private interface Call {

		void run() throws ApiException;

	}

}
