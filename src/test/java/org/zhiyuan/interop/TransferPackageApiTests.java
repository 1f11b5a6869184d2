package org.zhiyuan.interop;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zhiyuan.activity.Activities;
import org.zhiyuan.activity.ActivityView;
import org.zhiyuan.record.RecordMethod;
import org.zhiyuan.record.ServiceRecordView;
import org.zhiyuan.record.ServiceRecords;
import org.zhiyuan.region.Regions;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Concurrently;
import org.zhiyuan.support.Fixtures;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;
import org.zhiyuan.support.Identities;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A volunteer's records travel: the package exported here verifies with the published
 * keys and carries the records, totals and chain digest but no identity; packages of a
 * foreign installation (signed in the test with its own key, registered as a peer) are
 * imported once, count in totals, stars and certificates with their source, and cannot be
 * amended; tampered, untrusted and other people's packages are refused.
 */
class TransferPackageApiTests extends ApiTestSupport {

	static final String PROVINCE = "540000";

	static final String CITY = "540400";

	static final String DISTRICT = "540402";

	static final String OTHER_DISTRICT = "540421";

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	@Autowired
	Activities activities;

	@Autowired
	ServiceRecords records;

	@Autowired
	JdbcClient jdbc;

	private Person volunteer;

	private Api provinceOperator;

	@BeforeEach
	void scene() {
		this.volunteer = this.fixtures.aVolunteerIn(DISTRICT);
		this.provinceOperator = this.api.as(this.fixtures.tokenFor(this.fixtures.anOperatorOf(PROVINCE)));
	}

	private ServiceRecordView served(Person person, int minutes) {
		return served(person, minutes, 3);
	}

	private ServiceRecordView served(Person person, int minutes, int daysAgo) {
		Team team = this.fixtures.anActiveTeamIn(DISTRICT);
		Fixtures.Finished finished = this.fixtures.aFinishedActivity(this.api, team, person, daysAgo);
		ActivityView activity = this.activities.find(UUID.fromString(finished.id())).orElseThrow();
		return this.fixtures.recordedService(team, person, activity, minutes);
	}

	@Test
	@SuppressWarnings("unchecked")
	void theVolunteersPackageVerifiesWithThePublishedKeysAndCarriesRecordsTotalsAndChainButNoIdentity()
			throws Exception {
		ServiceRecordView first = served(this.volunteer, 120);
		served(this.volunteer, 90, 5);
		Api own = this.api.as(this.fixtures.tokenFor(this.volunteer));
		Response response = own.get("/api/v1/volunteers/" + this.volunteer.volunteerId() + "/transfer-package");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.header("Content-Type")).startsWith("application/jwt");
		assertThat(response.header("Content-Disposition")).contains("zhiyuan-records-")
			.contains(LocalDate.now(CHINA).toString().replace("-", "") + ".jwt");

		SignedJWT jwt = SignedJWT.parse(response.body());
		assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
		JWKSet published = JWKSet.parse(this.api.get("/.well-known/jwks.json").body());
		ECKey key = published.getKeyByKeyId(jwt.getHeader().getKeyID()).toECKey();
		assertThat(jwt.verify(new ECDSAVerifier(key))).as("verifies with the published key").isTrue();

		JWTClaimsSet claims = jwt.getJWTClaimsSet();
		assertThat(claims.getIssuer()).startsWith("http");
		assertThat(claims.getJWTID()).startsWith("urn:uuid:");
		assertThat(claims.getIssueTime()).isNotNull();
		assertThat(claims.getNotBeforeTime()).isNotNull();
		Map<String, Object> vc = claims.getJSONObjectClaim("vc");
		assertThat((List<Object>) vc.get("type")).contains("VerifiableCredential", "OpenBadgeCredential");
		Map<?, ?> subject = (Map<?, ?>) vc.get("credentialSubject");
		assertThat(((Map<?, ?>) subject.get("achievement")).get("achievementType")).isEqualTo("CommunityService");
		assertThat(((Number) subject.get("creditsEarned")).doubleValue()).isEqualTo(3.5);
		assertThat(((Map<?, ?>) subject.get("totals")).get("hours")).isEqualTo("3.50");
		assertThat(((Number) ((Map<?, ?>) subject.get("totals")).get("records")).intValue()).isEqualTo(2);
		List<?> items = (List<?>) subject.get("serviceRecords");
		assertThat(items).hasSize(2);
		Map<?, ?> item = items.stream()
			.map(Map.class::cast)
			.filter((m) -> m.get("id").equals(first.id().toString()))
			.findFirst()
			.orElseThrow();
		assertThat(item.get("hours")).isEqualTo("2.00");
		assertThat(item.get("activity")).isEqualTo(first.activityTitle());
		assertThat(((Map<?, ?>) item.get("organization")).get("name")).isEqualTo(first.organizationName());
		assertThat(item.get("method")).isEqualTo("MANUAL");
		assertThat(item.get("startedAt")).isEqualTo(first.startedAt().toInstant().toString());

		Map<?, ?> identity = (Map<?, ?>) ((List<?>) subject.get("identifier")).get(0);
		String salt = (String) identity.get("salt");
		assertThat(salt).hasSizeGreaterThan(15);
		assertThat(identity.get("identityHash")).isEqualTo("sha256$" + sha256(salt + this.volunteer.idNumber()));
		Map<?, ?> evidence = (Map<?, ?>) ((List<?>) vc.get("evidence")).get(0);
		String head = this.jdbc
			.sql("SELECT hash FROM service_record WHERE volunteer_id = :v ORDER BY sequence DESC LIMIT 1")
			.param("v", this.volunteer.volunteerId())
			.query(String.class)
			.single();
		assertThat(evidence.get("chainHeadHash")).isEqualTo(head);
		assertThat(evidence.get("merkleRoot")).asString().hasSize(64);
		assertThat(evidence.get("chainIntact")).isEqualTo(true);

		String payload = jwt.getPayload().toString();
		assertThat(payload).doesNotContain(this.volunteer.idNumber())
			.doesNotContain(this.volunteer.idNumber().substring(0, 14))
			.doesNotContain("测试志愿者")
			.doesNotContain(this.volunteer.username());

		Person other = this.fixtures.aVolunteerIn(DISTRICT);
		Response refused = this.api.as(this.fixtures.tokenFor(other))
			.get("/api/v1/volunteers/" + this.volunteer.volunteerId() + "/transfer-package");
		assertThat(refused.status()).as("another volunteer").isEqualTo(403);
		Response operator = this.provinceOperator
			.get("/api/v1/volunteers/" + this.volunteer.volunteerId() + "/transfer-package");
		assertThat(operator.status()).as("not even an operator").isEqualTo(403);
		Response nothing = this.api.as(this.fixtures.tokenFor(other))
			.get("/api/v1/volunteers/" + other.volunteerId() + "/transfer-package");
		assertThat(nothing.status()).isEqualTo(422);
		assertThat(nothing.problemCode()).isEqualTo("NO_RECORDS");
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'interop.package.export'" + " AND object_id = :v")
			.param("v", this.volunteer.volunteerId().toString())
			.query(Integer.class)
			.single()).as("audited").isEqualTo(1);
	}

	@Test
	void aForeignPackageIsImportedOnceCountsInTotalsStarsAndCertificatesAndCannotBeAmended() throws Exception {
		ForeignInstallation foreign = aRegisteredPeer("外省志愿平台");
		Api own = this.api.as(this.fixtures.tokenFor(this.volunteer));
		OffsetDateTime day = OffsetDateTime.now(ZoneOffset.UTC).minusDays(20).truncatedTo(ChronoUnit.HOURS);
		List<Map<String, Object>> items = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			// five days of 24 hours: enough for the first star (100 hours)
			items.add(record("orig-" + i, "银川市社区服务队", "社区巡逻", day.plusDays(i), day.plusDays(i).plusHours(24), "21.00"));
		}
		String token = foreign.sign(items, this.volunteer.idNumber());

		Response imported = own.postWithHeaders("/api/v1/record-imports", token,
				Map.of("Content-Type", "application/jwt", "Idempotency-Key", UUID.randomUUID().toString()));
		assertThat(imported.status()).as(imported.body()).isEqualTo(201);
		assertThat(imported.json().get("imported").asInt()).isEqualTo(5);
		assertThat(imported.json().get("alreadyPresent").asInt()).isZero();
		assertThat(imported.json().get("issuer").asString()).isEqualTo(foreign.baseUrl());
		assertThat(this.fixtures.totalHoursOf(this.volunteer)).isEqualByComparingTo("105.00");
		int stars = this.jdbc.sql("SELECT star_level FROM volunteer_standing WHERE volunteer_id = :id")
			.param("id", this.volunteer.volunteerId())
			.query(Integer.class)
			.single();
		assertThat(stars).as("the first star at 100 hours").isEqualTo(1);

		Response again = own.post("/api/v1/record-imports", Map.of("package", token));
		assertThat(again.status()).as(again.body()).isEqualTo(201);
		assertThat(again.json().get("imported").asInt()).isZero();
		assertThat(again.json().get("alreadyPresent").asInt()).isEqualTo(5);
		assertThat(this.fixtures.totalHoursOf(this.volunteer)).isEqualByComparingTo("105.00");

		List<ServiceRecordView> certified = this.records.recordsForCertificate(this.volunteer.volunteerId(),
				LocalDate.now(CHINA).minusDays(30), LocalDate.now(CHINA));
		assertThat(certified).hasSize(5).allSatisfy((record) -> {
			assertThat(record.method()).isEqualTo(RecordMethod.TRANSFER);
			assertThat(record.organizationName()).as("certificates name the source").contains("外省志愿平台");
			assertThat(record.content()).contains("社区巡逻").contains("银川市社区服务队");
			assertThat(record.effectiveHours()).isEqualByComparingTo("21.00");
		});
		Response certificate = own.post("/api/v1/certificates",
				Map.of("volunteerId", this.volunteer.volunteerId().toString(), "from",
						LocalDate.now(CHINA).minusDays(30).toString(), "to", LocalDate.now(CHINA).toString()));
		assertThat(certificate.status()).as(certificate.body()).isEqualTo(201);
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM transferred_record WHERE volunteer_id = :v AND issuer = :iss"
					+ " AND original_organization = '银川市社区服务队' AND signed_at IS NOT NULL")
			.param("v", this.volunteer.volunteerId())
			.param("iss", foreign.baseUrl())
			.query(Integer.class)
			.single()).as("provenance").isEqualTo(5);

		Response amend = own.post("/api/v1/records/" + certified.get(0).id() + "/amendments",
				Map.of("hours", "1.00", "reason", "记错了"));
		assertThat(amend.status()).as(amend.body()).isEqualTo(409);
		assertThat(amend.problemCode()).isEqualTo("RECORD_TRANSFERRED");

		Response chain = own.get("/api/v1/volunteers/" + this.volunteer.volunteerId() + "/records/verification");
		assertThat(chain.status()).as(chain.body()).isEqualTo(200);
		assertThat(chain.json().get("intact").asBoolean()).as("the chain stays intact").isTrue();
		assertThat(this.api
			.get("/api/v1/organizations?regionCode=" + DISTRICT + "&q="
					+ java.net.URLEncoder.encode("外省志愿平台", StandardCharsets.UTF_8))
			.body()).as("the stand-in organization is not public").doesNotContain("外省志愿平台");
	}

	@Test
	void importsAtTheSameMomentCountEachRecordOnce() throws Exception {
		ForeignInstallation foreign = aRegisteredPeer("并发平台");
		Person second = this.fixtures.aVolunteerIn(DISTRICT);
		OffsetDateTime day = OffsetDateTime.now(ZoneOffset.UTC).minusDays(12).truncatedTo(ChronoUnit.HOURS);
		List<Map<String, Object>> items = List.of(record("c-1", "中卫服务队", "助学", day, day.plusHours(2), "2.00"),
				record("c-2", "中卫服务队", "助学", day.plusDays(1), day.plusDays(1).plusHours(3), "3.00"),
				record("c-3", "中卫服务队", "助学", day.plusDays(2), day.plusDays(2).plusHours(1), "1.00"));
		String first = foreign.sign(items, this.volunteer.idNumber());
		String other = foreign.sign(items, second.idNumber());
		String tokenOfFirst = this.fixtures.tokenFor(this.volunteer);
		String tokenOfSecond = this.fixtures.tokenFor(second);
		List<Concurrently.Call> calls = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			calls.add(Concurrently.Call.post(tokenOfFirst, "/api/v1/record-imports",
					new tools.jackson.databind.json.JsonMapper().writeValueAsString(Map.of("package", first))));
			calls.add(Concurrently.Call.post(tokenOfSecond, "/api/v1/record-imports",
					new tools.jackson.databind.json.JsonMapper().writeValueAsString(Map.of("package", other))));
		}
		List<Response> answers = Concurrently.send(this.port, calls);
		assertThat(answers).allSatisfy((answer) -> assertThat(answer.status()).as(answer.body()).isEqualTo(201));
		int imported = 0;
		for (int i = 0; i < answers.size(); i += 2) {
			imported += answers.get(i).json().get("imported").asInt();
		}
		assertThat(imported).as("each record once").isEqualTo(3);
		assertThat(this.fixtures.totalHoursOf(this.volunteer)).isEqualByComparingTo("6.00");
		assertThat(this.fixtures.totalHoursOf(second)).isEqualByComparingTo("6.00");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM interop_peer_home WHERE peer_id = :peer")
			.param("peer", UUID.fromString(foreign.id()))
			.query(Integer.class)
			.single()).as("one stand-in for the district").isEqualTo(1);
	}

	@Test
	void tamperedUntrustedAndOtherPeoplesPackagesAreRefused() throws Exception {
		ForeignInstallation foreign = aRegisteredPeer("邻省平台");
		Api own = this.api.as(this.fixtures.tokenFor(this.volunteer));
		OffsetDateTime day = OffsetDateTime.now(ZoneOffset.UTC).minusDays(5).truncatedTo(ChronoUnit.HOURS);
		List<Map<String, Object>> items = List.of(record("r-1", "固原服务队", "植树", day, day.plusHours(3), "3.00"));
		String token = foreign.sign(items, this.volunteer.idNumber());

		String[] parts = token.split("\\.");
		String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("\"3.00\"",
				"\"23.00\"");
		String tampered = parts[0] + "."
				+ Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
				+ parts[2];
		assertRefused(own, tampered, 422, "BAD_SIGNATURE");
		assertRefused(own, "not a package at all", 422, "BAD_SIGNATURE");
		assertRefused(own, "", 400, "VALIDATION_FAILED");

		ForeignInstallation stranger = new ForeignInstallation("https://stranger-" + UUID.randomUUID() + ".example.org",
				key("stranger"));
		assertRefused(own, stranger.sign(items, this.volunteer.idNumber()), 422, "UNTRUSTED_ISSUER");
		ForeignInstallation impostor = new ForeignInstallation(foreign.baseUrl(), key(foreign.key().getKeyID()));
		assertRefused(own, impostor.sign(items, this.volunteer.idNumber()), 422, "BAD_SIGNATURE");

		assertRefused(own, foreign.sign(items, Identities.residentIdAged(40)), 422, "NOT_THE_HOLDER");
		Person other = this.fixtures.aVolunteerIn(DISTRICT);
		Response others = this.api.as(this.fixtures.tokenFor(other))
			.postWithHeaders("/api/v1/record-imports", token, Map.of("Content-Type", "application/jwt"));
		assertThat(others.status()).isEqualTo(422);
		assertThat(others.problemCode()).isEqualTo("NOT_THE_HOLDER");
		assertThat(this.fixtures.totalHoursOf(this.volunteer)).isEqualByComparingTo("0.00");

		// removed: refused from now on
		Response removed = this.provinceOperator.send("DELETE", "/api/v1/peers/" + foreign.id());
		assertThat(removed.status()).isEqualTo(204);
		assertRefused(own, token, 422, "UNTRUSTED_ISSUER");
		assertThat(this.provinceOperator.get("/api/v1/peers").body()).doesNotContain(foreign.id());
	}

	@Test
	void peersAreRegisteredByNationalOrProvinceOperatorsWithPublicP256KeysOnly() throws Exception {
		ECKey key = key("k1");
		Map<String, Object> jwks = new JWKSet(key.toPublicJWK()).toJSONObject(true);
		String base = "https://peer-" + UUID.randomUUID() + ".example.org";

		Response bad = this.provinceOperator.post("/api/v1/peers",
				Map.of("name", " ", "baseUrl", "ftp://x.example.org", "jwks", new JWKSet(key).toJSONObject(false)));
		assertThat(bad.status()).as(bad.body()).isEqualTo(400);
		assertThat(bad.body()).contains("\"name\"").contains("\"baseUrl\"").contains("\"jwks\"");
		ECKey rsaLike = new ECKeyGenerator(Curve.P_384).keyID("p384").generate();
		Response wrongCurve = this.provinceOperator.post("/api/v1/peers",
				Map.of("name", "平台", "baseUrl", base, "jwks", new JWKSet(rsaLike.toPublicJWK()).toJSONObject(true)));
		assertThat(wrongCurve.status()).isEqualTo(400);
		List<Object> many = new ArrayList<>();
		for (int i = 0; i < 21; i++) {
			many.add(key("k" + i).toPublicJWK().toJSONObject());
		}
		Response tooMany = this.provinceOperator.post("/api/v1/peers",
				Map.of("name", "平台", "baseUrl", base, "jwks", Map.of("keys", many)));
		assertThat(tooMany.status()).isEqualTo(400);
		assertThat(tooMany.body()).contains("\"jwks\"").doesNotContain("\"baseUrl\"");

		Response district = this.api.as(this.fixtures.tokenFor(this.fixtures.anOperatorOf(DISTRICT)))
			.post("/api/v1/peers", Map.of("name", "平台", "baseUrl", base, "jwks", jwks));
		assertThat(district.status()).as("a district's operator").isEqualTo(403);
		Response volunteer = this.api.as(this.fixtures.tokenFor(this.volunteer))
			.post("/api/v1/peers", Map.of("name", "平台", "baseUrl", base, "jwks", jwks));
		assertThat(volunteer.status()).isEqualTo(403);
		assertThat(this.api.as(this.fixtures.tokenFor(this.volunteer)).get("/api/v1/peers").status()).isEqualTo(403);

		Response created = this.provinceOperator.post("/api/v1/peers",
				Map.of("name", "测试平台", "baseUrl", base.toUpperCase().replace("HTTPS", "https") + "/", "jwks", jwks));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().get("baseUrl").asString()).as("normalized").isEqualTo(base);
		assertThat(created.json().get("keyIds").get(0).asString()).isEqualTo("k1");
		String id = created.json().get("id").asString();
		Response duplicate = this.provinceOperator.post("/api/v1/peers",
				Map.of("name", "测试平台", "baseUrl", base, "jwks", jwks));
		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(duplicate.problemCode()).isEqualTo("PEER_EXISTS");
		Response national = this.api.as(this.fixtures.tokenFor(this.fixtures.anOperatorOf(Regions.NATIONAL)))
			.get("/api/v1/peers");
		assertThat(national.status()).isEqualTo(200);
		assertThat(national.body()).contains(id);

		ECKey rotated = key("k2");
		Response keys = this.provinceOperator.send("PUT", "/api/v1/peers/" + id + "/keys",
				Map.of("jwks", new JWKSet(List.of(rotated.toPublicJWK(), key.toPublicJWK())).toJSONObject(true)));
		assertThat(keys.status()).as(keys.body()).isEqualTo(200);
		assertThat(keys.body()).contains("k2").contains("k1");
		Response otherProvince = this.api.as(this.fixtures.tokenFor(this.fixtures.anOperatorOf("630000")))
			.send("DELETE", "/api/v1/peers/" + id);
		assertThat(otherProvince.status()).as("another province's operator").isEqualTo(403);
		assertThat(this.provinceOperator.send("DELETE", "/api/v1/peers/" + id).status()).isEqualTo(204);
		assertThat(this.provinceOperator.send("DELETE", "/api/v1/peers/" + id).status()).isEqualTo(404);
		Response again = this.provinceOperator.post("/api/v1/peers",
				Map.of("name", "测试平台二", "baseUrl", base, "jwks", jwks));
		assertThat(again.status()).as("a removed address may be registered again").isEqualTo(201);
		assertThat(again.json().get("id").asString()).isEqualTo(id);
	}

	@Test
	void theVolunteerMovesRecordsOnThePagesAndOperatorsKeepThePeersOnTheirs() throws Exception {
		served(this.volunteer, 60);
		ForeignInstallation foreign = aRegisteredPeer("页面平台");
		Api browser = browserOf(this.volunteer);
		String records = browser.get("/me/records").body();
		assertThat(records).contains("id=\"download-package\"")
			.contains("/me/transfer-package")
			.contains("id=\"import-records\"");
		Api.Download file = browser.download("/me/transfer-package");
		assertThat(file.status()).isEqualTo(200);
		assertThat(SignedJWT.parse(new String(file.body(), StandardCharsets.UTF_8)).getJWTClaimsSet().getIssuer())
			.startsWith("http");

		assertThat(browser.get("/me/record-imports").body()).contains("id=\"import-form\"");
		String csrf = browser.csrfTokenOf("/me/record-imports");
		Response refused = browser.postMultipart("/me/record-imports", "file", "x.jwt", null,
				Map.of("_csrf", csrf, "package", "eyJ.broken.package"));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("id=\"problem-package\"").contains("签名无法验证");

		OffsetDateTime day = OffsetDateTime.now(ZoneOffset.UTC).minusDays(8).truncatedTo(ChronoUnit.HOURS);
		String token = foreign.sign(List.of(record("p-1", "石嘴山服务队", "助老", day, day.plusHours(2), "2.00")),
				this.volunteer.idNumber());
		Response done = browser.postMultipart("/me/record-imports", "file", "zhiyuan-records.jwt",
				token.getBytes(StandardCharsets.UTF_8), Map.of("_csrf", browser.csrfTokenOf("/me/record-imports")));
		assertThat(done.body()).contains("id=\"import-outcome\"").contains("已转入 1 条记录").contains(foreign.baseUrl());
		String after = browser.get("/me/records").body();
		assertThat(after).contains("来自 页面平台").contains("转入的记录不能在本平台更正");
		assertThat(browser.get("/me/record-imports?lang=en").body()).contains("Import service records");

		Person operator = this.fixtures.anOperatorOf(PROVINCE);
		Api operatorPages = browserOf(operator);
		String peers = operatorPages.get("/interop/peers").body();
		assertThat(peers).contains("id=\"peer-form\"").contains("页面平台");
		Response bad = operatorPages.submitForm("/interop/peers", "/interop/peers",
				Map.of("name", "", "baseUrl", "not an address", "jwks", "{}"));
		assertThat(bad.body()).contains("id=\"problem-name\"")
			.contains("id=\"problem-baseUrl\"")
			.contains("id=\"problem-jwks\"");
		String base = "https://page-" + UUID.randomUUID() + ".example.org";
		Response added = operatorPages.submitForm("/interop/peers", "/interop/peers",
				Map.of("name", "页面新增平台", "baseUrl", base, "jwks", new JWKSet(key("pk").toPublicJWK()).toString(true)));
		assertThat(added.status()).isEqualTo(302);
		assertThat(operatorPages.get("/interop/peers").body()).contains("页面新增平台").contains(base);
		assertThat(browserOf(this.fixtures.anOperatorOf(DISTRICT)).get("/interop/peers").status()).isEqualTo(403);
	}

	private void assertRefused(Api as, String body, int status, String code) {
		Response response = as.postWithHeaders("/api/v1/record-imports", body,
				Map.of("Content-Type", "application/jwt"));
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.problemCode()).isEqualTo(code);
	}

	private Api browserOf(Person person) {
		Api browser = new Api("http://localhost:" + this.port);
		browser.submitForm("/login", "/login", Map.of("username", person.username(), "password", person.password()));
		return browser;
	}

	private ForeignInstallation aRegisteredPeer(String name) throws Exception {
		ECKey key = key("foreign-" + UUID.randomUUID());
		String base = "https://foreign-" + UUID.randomUUID() + ".example.org";
		Response created = this.provinceOperator.post("/api/v1/peers",
				Map.of("name", name, "baseUrl", base, "jwks", new JWKSet(key.toPublicJWK()).toJSONObject(true)));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		ForeignInstallation foreign = new ForeignInstallation(base, key);
		foreign.id(created.json().get("id").asString());
		return foreign;
	}

	static ECKey key(String kid) {
		return ForeignInstallation.key(kid);
	}

	static Map<String, Object> record(String id, String organization, String activity, OffsetDateTime from,
			OffsetDateTime to, String hours) {
		return ForeignInstallation.record(id, organization, activity, from, to, hours);
	}

	static String sha256(String text) {
		return ForeignInstallation.sha256(text);
	}

}
