package org.zhiyuan.timebank;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.zhiyuan.activity.Activities;
import org.zhiyuan.interop.ForeignInstallation;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;
import org.zhiyuan.timebank.TimeBankScene.Named;
import org.zhiyuan.volunteer.VolunteerRegistration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Time-bank hours travel with the transfer package in 宁夏 (5405xx): moved out here once
 * per Idempotency-Key and never more than the balance, into the region's transferred-out
 * account, the ledger still summing to zero; a trusted package's hours credited once to
 * its holder, a repeat (also in another package naming the same move) crediting nothing;
 * tampered and other people's packages refused; the pages that move the hours out and
 * show what an import credited.
 */
class TimeBankTransferApiTests extends ApiTestSupport {

	private static final String PROVINCE = "540000";

	private static final String CITY = "540500";

	private static final String DISTRICT = "540502";

	private static final String OTHER_DISTRICT = "540521";

	private static final String THIRD_DISTRICT = "540522";

	@Autowired
	VolunteerRegistration registration;

	@Autowired
	Activities activities;

	@Autowired
	JdbcClient jdbc;

	private TimeBankScene scene() {
		return new TimeBankScene(this.fixtures, this.registration, this.activities, PROVINCE);
	}

	private Api api(Person person) {
		return new Api("http://localhost:" + this.port).as(this.fixtures.tokenFor(person));
	}

	private Api browserOf(Person person) {
		Api browser = new Api("http://localhost:" + this.port);
		browser.submitForm("/login", "/login", Map.of("username", person.username(), "password", person.password()));
		return browser;
	}

	private JsonNode account(Person person) {
		Response response = api(person).get("/api/v1/volunteers/" + person.volunteerId() + "/time-account");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private static String hours(JsonNode node, String field) {
		return new BigDecimal(node.get(field).asString()).setScale(2).toPlainString();
	}

	/** A volunteer whose time account holds the minutes of an eligible service. */
	private Named funded(String regionCode, int minutes) {
		TimeBankScene scene = scene();
		Team team = this.fixtures.anActiveTeamIn(regionCode);
		Named volunteer = scene.volunteer(regionCode);
		scene.serve(team, volunteer.person(), scene.activity(team, regionCode, true, 3), minutes);
		return volunteer;
	}

	private static Response moveOut(Api api, Person person, Object body, String key) {
		Map<String, String> headers = (key != null) ? Map.of("Idempotency-Key", key) : Map.of();
		return api.postWithHeaders("/api/v1/volunteers/" + person.volunteerId() + "/time-bank-transfer-out", body,
				headers);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> timeBankOf(String token) throws Exception {
		Map<String, Object> vc = SignedJWT.parse(token).getJWTClaimsSet().getJSONObjectClaim("vc");
		Map<String, Object> subject = (Map<String, Object>) vc.get("credentialSubject");
		return (Map<String, Object>) subject.get("timeBank");
	}

	@Test
	void hoursMoveOutOnceNeverMoreThanTheBalanceAndTheLedgerStillSumsToZero() throws Exception {
		Named volunteer = funded(DISTRICT, 5 * 60);
		Person person = volunteer.person();
		Api own = api(person);
		assertThat(hours(account(person), "balance")).isEqualTo("5.00");

		Response tooMuch = moveOut(own, person, Map.of("hours", "5.01"), UUID.randomUUID().toString());
		assertThat(tooMuch.status()).as(tooMuch.body()).isEqualTo(422);
		assertThat(tooMuch.problemCode()).isEqualTo("INSUFFICIENT_BALANCE");
		Response noKey = moveOut(own, person, Map.of("hours", "1.00"), null);
		assertThat(noKey.status()).as(noKey.body()).isEqualTo(400);
		Response bad = moveOut(own, person, Map.of("hours", "-1.005"), null);
		assertThat(bad.status()).isEqualTo(400);
		Set<String> fields = new HashSet<>();
		bad.json().get("errors").forEach((error) -> fields.add(error.get("field").asString()));
		assertThat(fields).containsExactlyInAnyOrder("hours", "Idempotency-Key");
		Person stranger = scene().volunteer(DISTRICT).person();
		assertThat(moveOut(api(stranger), person, Map.of("hours", "1.00"), UUID.randomUUID().toString()).status())
			.as("another volunteer")
			.isEqualTo(403);
		assertThat(moveOut(api(this.fixtures.anOperatorOf(CITY)), person, Map.of("hours", "1.00"),
				UUID.randomUUID().toString())
			.status()).as("not even the operator").isEqualTo(403);
		assertThat(hours(account(person), "balance")).as("nothing moved yet").isEqualTo("5.00");

		String key = UUID.randomUUID().toString();
		Response moved = moveOut(own, person, Map.of("hours", "2.00"), key);
		assertThat(moved.status()).as(moved.body()).isEqualTo(201);
		assertThat(moved.header("Content-Type")).startsWith("application/jwt");
		assertThat(moved.header("Content-Disposition")).contains("zhiyuan-records-");
		SignedJWT jwt = SignedJWT.parse(moved.body());
		JWKSet published = JWKSet.parse(this.api.get("/.well-known/jwks.json").body());
		ECKey key1 = published.getKeyByKeyId(jwt.getHeader().getKeyID()).toECKey();
		assertThat(jwt.verify(new ECDSAVerifier(key1))).as("verifies with the published key").isTrue();
		Map<String, Object> timeBank = timeBankOf(moved.body());
		assertThat(timeBank.get("hours")).isEqualTo("2.00");
		String transferId = (String) timeBank.get("transferId");
		assertThat(UUID.fromString(transferId)).isNotNull();
		assertThat(jwt.getPayload().toString()).doesNotContain(volunteer.name()).doesNotContain(person.idNumber());

		Response again = moveOut(own, person, Map.of("hours", "2.00"), key);
		assertThat(again.status()).as(again.body()).isEqualTo(201);
		assertThat(timeBankOf(again.body())).as("the first move, signed again")
			.containsEntry("transferId", transferId)
			.containsEntry("hours", "2.00");
		JsonNode account = account(person);
		assertThat(hours(account, "balance")).as("debited once").isEqualTo("3.00");
		assertThat(hours(account, "transferredOut")).isEqualTo("2.00");
		JsonNode entries = own.get("/api/v1/volunteers/" + person.volunteerId() + "/time-account/entries").json();
		JsonNode latest = entries.get("items").get(0);
		assertThat(latest.get("kind").asString()).isEqualTo("TRANSFER_OUT");
		assertThat(hours(latest, "hours")).isEqualTo("-2.00");
		assertThat(latest.get("transferId").asString()).isEqualTo(transferId);
		assertThat(latest.get("counterparty").get("kind").asString()).isEqualTo("TRANSFERRED_OUT");
		assertThat(entries.get("total").asLong()).isEqualTo(2);

		// the rest, without naming the hours
		Response rest = own.postWithHeaders("/api/v1/volunteers/" + person.volunteerId() + "/time-bank-transfer-out",
				"", Map.of("Idempotency-Key", UUID.randomUUID().toString()));
		assertThat(rest.status()).as(rest.body()).isEqualTo(201);
		assertThat(timeBankOf(rest.body())).containsEntry("hours", "3.00");
		assertThat(hours(account(person), "balance")).isEqualTo("0.00");
		Response empty = moveOut(own, person, Map.of(), UUID.randomUUID().toString());
		assertThat(empty.status()).as(empty.body()).isEqualTo(422);
		assertThat(empty.problemCode()).isEqualTo("INSUFFICIENT_BALANCE");

		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'timebank.transfer-out' AND actor_id = :actor")
			.param("actor", person.id())
			.query(Integer.class)
			.single()).as("audited").isEqualTo(2);
		assertSound();
		JsonNode audit = api(this.fixtures.anOperatorOf(DISTRICT)).get("/api/v1/time-bank/audit?regionCode=" + DISTRICT)
			.json();
		assertThat(audit.get("negativeBalances").asLong()).isZero();
	}

	@Test
	void aTrustedPackagesHoursAreCreditedOnceToItsHolderOnly() throws Exception {
		ForeignInstallation foreign = ForeignInstallation.registered(this.jdbc, "外省时间银行平台");
		Named volunteer = scene().volunteer(OTHER_DISTRICT);
		Person person = volunteer.person();
		Api own = api(person);
		OffsetDateTime from = OffsetDateTime.now(ZoneOffset.UTC).minusDays(9).truncatedTo(ChronoUnit.HOURS);
		String transferId = UUID.randomUUID().toString();
		String token = foreign.signWithTimeBank(List.of(ForeignInstallation.record(UUID.randomUUID().toString(),
				"外地服务队", "社区服务", from, from.plusHours(2), "2.00")), person.idNumber(), transferId, "7.50");

		Response imported = own.postWithHeaders("/api/v1/record-imports", token,
				Map.of("Content-Type", "application/jwt"));
		assertThat(imported.status()).as(imported.body()).isEqualTo(201);
		assertThat(imported.json().get("imported").asInt()).isEqualTo(1);
		assertThat(hours(imported.json(), "timeBankHours")).isEqualTo("7.50");
		JsonNode account = account(person);
		assertThat(hours(account, "balance")).isEqualTo("7.50");
		assertThat(hours(account, "transferredIn")).isEqualTo("7.50");
		assertThat(hours(account, "deposited")).as("the imported record deposits nothing").isEqualTo("0.00");
		JsonNode entry = own.get("/api/v1/volunteers/" + person.volunteerId() + "/time-account/entries")
			.json()
			.get("items")
			.get(0);
		assertThat(entry.get("kind").asString()).isEqualTo("TRANSFER_IN");
		assertThat(entry.get("counterparty").get("kind").asString()).isEqualTo("TRANSFERRED_IN");

		Response again = own.postWithHeaders("/api/v1/record-imports", token,
				Map.of("Content-Type", "application/jwt"));
		assertThat(again.status()).as(again.body()).isEqualTo(201);
		assertThat(again.json().get("alreadyPresent").asInt()).isEqualTo(1);
		assertThat(hours(again.json(), "timeBankHours")).as("a repeat credits nothing").isEqualTo("0.00");
		String sameMove = foreign.signWithTimeBank(List.of(), person.idNumber(), transferId, "7.50");
		Response resigned = own.postWithHeaders("/api/v1/record-imports", sameMove,
				Map.of("Content-Type", "application/jwt"));
		assertThat(resigned.status()).as(resigned.body()).isEqualTo(201);
		assertThat(hours(resigned.json(), "timeBankHours")).as("the same move in another package").isEqualTo("0.00");
		assertThat(hours(account(person), "balance")).isEqualTo("7.50");

		// the hours changed after signing
		String[] parts = foreign.signWithTimeBank(List.of(), person.idNumber(), UUID.randomUUID().toString(), "1.00")
			.split("\\.");
		String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
		String tampered = parts[0] + "."
				+ Base64.getUrlEncoder()
					.withoutPadding()
					.encodeToString(payload.replace("\"1.00\"", "\"900.00\"").getBytes(StandardCharsets.UTF_8))
				+ "." + parts[2];
		Response refused = own.postWithHeaders("/api/v1/record-imports", tampered,
				Map.of("Content-Type", "application/jwt"));
		assertThat(refused.status()).as(refused.body()).isEqualTo(422);
		assertThat(refused.problemCode()).isEqualTo("BAD_SIGNATURE");

		Person other = scene().volunteer(OTHER_DISTRICT).person();
		String othersMove = foreign.signWithTimeBank(List.of(), person.idNumber(), UUID.randomUUID().toString(),
				"3.00");
		Response notTheirs = api(other).postWithHeaders("/api/v1/record-imports", othersMove,
				Map.of("Content-Type", "application/jwt"));
		assertThat(notTheirs.status()).as(notTheirs.body()).isEqualTo(422);
		assertThat(notTheirs.problemCode()).isEqualTo("NOT_THE_HOLDER");
		assertThat(hours(account(other), "balance")).isEqualTo("0.00");

		String untrusted = ForeignInstallation.generated()
			.signWithTimeBank(List.of(), person.idNumber(), UUID.randomUUID().toString(), "3.00");
		Response stranger = own.postWithHeaders("/api/v1/record-imports", untrusted,
				Map.of("Content-Type", "application/jwt"));
		assertThat(stranger.problemCode()).isEqualTo("UNTRUSTED_ISSUER");
		Response negative = own.postWithHeaders("/api/v1/record-imports",
				foreign.signWithTimeBank(List.of(), person.idNumber(), UUID.randomUUID().toString(), "-3.00"),
				Map.of("Content-Type", "application/jwt"));
		assertThat(negative.status()).as("negative hours are no package").isEqualTo(400);
		assertThat(hours(account(person), "balance")).isEqualTo("7.50");
		assertSound();
	}

	@Test
	void hoursAboveTheCapOfTheDestinationGoToItsDonationPool() {
		ForeignInstallation foreign = ForeignInstallation.registered(this.jdbc, "外省平台");
		Named volunteer = scene().volunteer(THIRD_DISTRICT);
		String token = foreign.signWithTimeBank(List.of(), volunteer.person().idNumber(), UUID.randomUUID().toString(),
				"1600.00");
		Response imported = api(volunteer.person()).postWithHeaders("/api/v1/record-imports", token,
				Map.of("Content-Type", "application/jwt"));
		assertThat(imported.status()).as(imported.body()).isEqualTo(201);
		assertThat(hours(imported.json(), "timeBankHours")).isEqualTo("1600.00");
		JsonNode account = account(volunteer.person());
		assertThat(hours(account, "balance")).isEqualTo("1500.00");
		assertThat(hours(account, "donated")).isEqualTo("100.00");
		assertSound();
	}

	@Test
	void theVolunteerMovesHoursOutFromTheTimeBankPageAndSeesWhatAnImportCredited() throws Exception {
		Named volunteer = funded(DISTRICT, 4 * 60);
		Api pages = browserOf(volunteer.person());
		String page = pages.get("/me/time-bank").body();
		assertThat(page).contains("id=\"transfer-out-form\"").contains("把时间银行的时间转到其他平台");

		Response unconfirmed = pages.submitForm("/me/time-bank", "/me/time-bank/transfer-out",
				Map.of("hours", "1.00", "formKey", UUID.randomUUID().toString()));
		assertThat(unconfirmed.status()).isEqualTo(303);
		assertThat(unconfirmed.header("Location")).contains("/me/time-bank");
		assertThat(pages.get("/me/time-bank").body()).as("the problem beside the field")
			.contains("id=\"problem-confirm\"")
			.contains("请先勾选确认");
		Response tooMuch = pages.submitForm("/me/time-bank", "/me/time-bank/transfer-out",
				Map.of("hours", "9.00", "confirm", "yes", "formKey", UUID.randomUUID().toString()));
		assertThat(tooMuch.status()).isEqualTo(303);
		assertThat(pages.get("/me/time-bank").body()).contains("id=\"problem-hours\"").contains("可用时间不足");
		assertThat(hours(account(volunteer.person()), "balance")).isEqualTo("4.00");

		String formKey = UUID.randomUUID().toString();
		Response moved = pages.submitForm("/me/time-bank", "/me/time-bank/transfer-out",
				Map.of("hours", "", "confirm", "yes", "formKey", formKey));
		assertThat(moved.status()).as(moved.body()).isEqualTo(200);
		assertThat(moved.header("Content-Disposition")).contains("attachment").contains(".jwt");
		assertThat(timeBankOf(moved.body())).containsEntry("hours", "4.00");
		Response twice = pages.submitForm("/me/time-bank", "/me/time-bank/transfer-out",
				Map.of("hours", "", "confirm", "yes", "formKey", formKey));
		assertThat(twice.status()).as("sent again: the same move").isEqualTo(200);
		assertThat(hours(account(volunteer.person()), "balance")).isEqualTo("0.00");
		assertThat(pages.get("/me/time-bank").body()).contains("id=\"time-transferred-out\"").contains("转到其他平台");

		// at the destination (here, a foreign installation's package): the import page
		// says
		// what was credited
		ForeignInstallation foreign = ForeignInstallation.registered(this.jdbc, "外省平台");
		Named arriving = scene().volunteer(OTHER_DISTRICT);
		Api arrivingPages = browserOf(arriving.person());
		String token = foreign.signWithTimeBank(List.of(), arriving.person().idNumber(), UUID.randomUUID().toString(),
				"6.25");
		Response imported = arrivingPages.postMultipart("/me/record-imports", "file", "zhiyuan-records.jwt",
				token.getBytes(StandardCharsets.UTF_8),
				Map.of("_csrf", arrivingPages.csrfTokenOf("/me/record-imports")));
		assertThat(imported.status()).isEqualTo(200);
		assertThat(imported.body()).contains("id=\"import-time-bank\"").contains("6.25");
		assertThat(hours(account(arriving.person()), "balance")).isEqualTo("6.25");
	}

	private void assertSound() {
		JsonNode audit = api(this.fixtures.anOperatorOf("000000")).get("/api/v1/time-bank/audit").json();
		assertThat(audit.get("sum").asString()).isEqualTo("0.00");
		assertThat(audit.get("unbalancedTransfers").asLong()).isZero();
		assertThat(audit.get("negativeBalances").asLong()).isZero();
		assertThat(audit.get("balanceMismatches").asLong()).isZero();
	}

}
