package org.zhiyuan.account;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.Test;
import org.zhiyuan.account.PasswordReset.CodeSent;
import org.zhiyuan.audit.AuditLog;
import org.zhiyuan.notification.NotificationKind;
import org.zhiyuan.notification.NotificationRequest;
import org.zhiyuan.notification.Notifications;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.shared.identity.PhoneNumbers;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Identities;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Setting a new password with a code sent to the phone: the code reaches only the
 * channels, works once, for ten minutes and five tries; the limits per number and per
 * address; a number without an account answered exactly like one with; every session and
 * token ended; and the two API operations. Limits are tested with explicit client
 * addresses and a clock the test moves, which the HTTP tests cannot vary.
 */
class PasswordResetApiTests extends ApiTestSupport {

	private static final String NEW_PASSWORD = "Fresh-start-2026";

	@Autowired
	PasswordReset reset;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	AccountRepository accounts;

	@Autowired
	AccountManagement management;

	@Autowired
	PasswordResetCodes codes;

	@Autowired
	ResetHashes hashes;

	@Autowired
	Notifications notifications;

	@Autowired
	AuditLog auditLog;

	@Test
	void sendsASixDigitCodeThroughTheChannelsOnlyAndKeepsNeitherTheCodeNorTheNumber() {
		Person volunteer = this.fixtures.aVolunteer();
		CodeSent sent = this.reset.sendCode(" +86 " + volunteer.username(), anAddress());
		String code = this.sentMessages.resetCodeFor(volunteer.id());
		assertThat(code).matches("[0-9]{6}");
		assertThat(sent.demoCode()).as("outside the demo").isNull();
		assertThat(sent.phoneMasked()).isEqualTo(PhoneNumbers.mask(volunteer.username()));
		assertThat(sent.validFor()).isEqualTo(Duration.ofMinutes(10));
		assertThat(this.sentMessages.to(volunteer.id())).singleElement().satisfies((delivery) -> {
			assertThat(delivery.kind()).isEqualTo(NotificationKind.PASSWORD_RESET_CODE);
			assertThat(delivery.args()).containsExactly(code, "10");
		});
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM notification WHERE account_id = :id")
			.param("id", volunteer.id())
			.query(Long.class)
			.single()).as("in-app notifications").isZero();
		String stored = this.jdbc
			.sql("SELECT phone_hash || ' ' || code_hash FROM password_reset_code WHERE account_id = :id")
			.param("id", volunteer.id())
			.query(String.class)
			.single();
		assertThat(stored).doesNotContain(code).doesNotContain(volunteer.username());
		assertThat(auditTextsOf(volunteer)).isNotEmpty()
			.allSatisfy((text) -> assertThat(text).doesNotContain(code).doesNotContain(volunteer.username()));
	}

	@Test
	void setsTheNewPasswordOnceAndEndsEverySessionAndTokenOfTheAccount() {
		Person volunteer = this.fixtures.aVolunteer();
		Api signedIn = new Api("http://localhost:" + this.port);
		assertThat(signedIn
			.submitForm("/login", "/login", Map.of("username", volunteer.username(), "password", volunteer.password()))
			.status()).isEqualTo(302);
		assertThat(signedIn.get("/account").status()).isEqualTo(200);
		Api withToken = this.api.as(this.fixtures.tokenFor(volunteer));
		assertThat(withToken.get("/api/v1/accounts/me").status()).isEqualTo(200);

		this.reset.sendCode(volunteer.username(), anAddress());
		String code = this.sentMessages.resetCodeFor(volunteer.id());
		assertThat(this.reset.setNewPassword(volunteer.username(), code, NEW_PASSWORD, anAddress()))
			.isEqualTo(volunteer.username());

		assertThat(signedIn.get("/account").status()).as("the page session").isEqualTo(302);
		assertThat(withToken.get("/api/v1/accounts/me").status()).as("the token").isEqualTo(401);
		assertThat(this.management.passwordMatches(volunteer.id(), volunteer.password())).isFalse();
		assertThat(this.management.passwordMatches(volunteer.id(), NEW_PASSWORD)).isTrue();
		assertThat(
				problemsOf(() -> this.reset.setNewPassword(volunteer.username(), code, "Another-one-77", anAddress())))
			.as("the code again")
			.singleElement()
			.satisfies((problem) -> assertThat(problem.messageKey()).isEqualTo("passwordReset.code.invalid"));
		assertThat(this.management.passwordMatches(volunteer.id(), NEW_PASSWORD)).isTrue();
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'account.password.reset' AND outcome = 'SUCCESS'"
					+ " AND actor_id = :id AND object_id = :object")
			.param("id", volunteer.id())
			.param("object", volunteer.id().toString())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void refusesAnExpiredCode() {
		Person volunteer = this.fixtures.aVolunteer();
		this.reset.sendCode(volunteer.username(), anAddress());
		String code = this.sentMessages.resetCodeFor(volunteer.id());
		this.jdbc.sql("UPDATE password_reset_code SET expires_at = :past WHERE account_id = :id")
			.param("past", AccountManagement.now().minusSeconds(1))
			.param("id", volunteer.id())
			.update();
		assertThat(problemsOf(() -> this.reset.setNewPassword(volunteer.username(), code, NEW_PASSWORD, anAddress())))
			.extracting(FieldProblem::field, FieldProblem::messageKey)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("code", "passwordReset.code.expired"));
		assertThat(this.management.passwordMatches(volunteer.id(), volunteer.password())).isTrue();
	}

	@Test
	void voidsTheCodeAfterFiveWrongEntries() {
		Person volunteer = this.fixtures.aVolunteer();
		this.reset.sendCode(volunteer.username(), anAddress());
		String code = this.sentMessages.resetCodeFor(volunteer.id());
		String wrong = otherThan(code);
		for (int left = 4; left >= 1; left--) {
			FieldProblem problem = problemsOf(
					() -> this.reset.setNewPassword(volunteer.username(), wrong, NEW_PASSWORD, anAddress()))
				.get(0);
			assertThat(problem.field()).isEqualTo("code");
			assertThat(problem.messageKey()).isEqualTo("passwordReset.code.wrong");
			assertThat(problem.args()).containsExactly(left);
		}
		assertThat(problemsOf(() -> this.reset.setNewPassword(volunteer.username(), wrong, NEW_PASSWORD, anAddress())))
			.extracting(FieldProblem::messageKey)
			.containsExactly("passwordReset.code.void");
		assertThat(problemsOf(() -> this.reset.setNewPassword(volunteer.username(), code, NEW_PASSWORD, anAddress())))
			.as("the right code, too late")
			.extracting(FieldProblem::messageKey)
			.containsExactly("passwordReset.code.invalid");
		assertThat(this.management.passwordMatches(volunteer.id(), volunteer.password())).isTrue();
	}

	@Test
	void aNewCodeVoidsTheOldOne() {
		ManualClock clock = new ManualClock();
		PasswordReset reset = aReset(clock, false);
		Person volunteer = this.fixtures.aVolunteer();
		reset.sendCode(volunteer.username(), anAddress());
		String first = this.sentMessages.resetCodeFor(volunteer.id());
		clock.advance(Duration.ofSeconds(61));
		reset.sendCode(volunteer.username(), anAddress());
		String second = this.sentMessages.resetCodeFor(volunteer.id());
		if (!first.equals(second)) {
			assertThat(problemsOf(() -> reset.setNewPassword(volunteer.username(), first, NEW_PASSWORD, anAddress())))
				.extracting(FieldProblem::messageKey)
				.containsExactly("passwordReset.code.wrong");
		}
		reset.setNewPassword(volunteer.username(), second, NEW_PASSWORD, anAddress());
		assertThat(this.management.passwordMatches(volunteer.id(), NEW_PASSWORD)).isTrue();
	}

	@Test
	void aRightCodeWithAPasswordThatBreaksTheRulesStaysValid() {
		Person volunteer = this.fixtures.aVolunteer();
		this.reset.sendCode(volunteer.username(), anAddress());
		String code = this.sentMessages.resetCodeFor(volunteer.id());
		for (int attempt = 1; attempt <= 6; attempt++) {
			assertThat(
					problemsOf(() -> this.reset.setNewPassword(volunteer.username(), code, "onlyletters", anAddress())))
				.as("attempt %d", attempt)
				.extracting(FieldProblem::field, FieldProblem::messageKey)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("newPassword", "validation.password.strength"));
		}
		this.reset.setNewPassword(volunteer.username(), code, NEW_PASSWORD, anAddress());
		assertThat(this.management.passwordMatches(volunteer.id(), NEW_PASSWORD)).isTrue();
	}

	@Test
	void sendsOneCodeAMinuteAndFiveADayToANumber() {
		ManualClock clock = new ManualClock();
		PasswordReset reset = aReset(clock, false);
		String number = Identities.phone();
		reset.sendCode(number, anAddress());
		PasswordResetThrottledException tooSoon = throttled(() -> reset.sendCode(number, anAddress()));
		assertThat(tooSoon.retryAfter()).isBetween(Duration.ofSeconds(55), Duration.ofSeconds(60));
		assertThat(tooSoon.messageKey()).isEqualTo("passwordReset.throttled.seconds");
		assertThat(tooSoon.status()).isEqualTo(429);
		for (int sent = 2; sent <= 5; sent++) {
			clock.advance(Duration.ofSeconds(60));
			reset.sendCode(number, anAddress());
		}
		clock.advance(Duration.ofSeconds(60));
		PasswordResetThrottledException today = throttled(() -> reset.sendCode(number, anAddress()));
		assertThat(today.retryAfter()).isGreaterThan(Duration.ofHours(4));
		assertThat(today.messageKey()).isEqualTo("passwordReset.throttled.hours");
	}

	@Test
	void limitsCodesFromOneAddressOverAllNumbers() {
		PasswordReset reset = aReset(new ManualClock(), false);
		String address = anAddress();
		for (int number = 1; number <= 20; number++) {
			reset.sendCode(Identities.phone(), address);
		}
		PasswordResetThrottledException refused = throttled(() -> reset.sendCode(Identities.phone(), address));
		assertThat(refused.messageKey()).isEqualTo("passwordReset.throttled.minutes");
		reset.sendCode(Identities.phone(), anAddress());
	}

	@Test
	void limitsCodeEntriesFromOneAddressOverAllNumbers() {
		PasswordReset reset = aReset(new ManualClock(), false);
		String address = anAddress();
		for (int attempt = 1; attempt <= 30; attempt++) {
			assertThat(problemsOf(() -> reset.setNewPassword(Identities.phone(), "123456", NEW_PASSWORD, address)))
				.extracting(FieldProblem::messageKey)
				.containsExactly("passwordReset.code.invalid");
		}
		throttled(() -> reset.setNewPassword(Identities.phone(), "123456", NEW_PASSWORD, address));
	}

	@Test
	void answersANumberWithoutAnAccountExactlyLikeOneWithAnAccount() {
		ManualClock clock = new ManualClock();
		PasswordReset reset = aReset(clock, false);
		Person volunteer = this.fixtures.aVolunteer();
		String unknown = Identities.phone();
		CodeSent known = reset.sendCode(volunteer.username(), anAddress());
		CodeSent none = reset.sendCode(unknown, anAddress());
		assertThat(none.validFor()).isEqualTo(known.validFor());
		assertThat(none.demoCode()).isNull();
		assertThat(this.codes.find(this.hashes.ofPhone(unknown))).as("a code is kept for it too").isPresent();
		assertThat(throttled(() -> reset.sendCode(unknown, anAddress())).messageKey())
			.isEqualTo(throttled(() -> reset.sendCode(volunteer.username(), anAddress())).messageKey());
		String wrong = otherThan(this.sentMessages.resetCodeFor(volunteer.id()));
		FieldProblem forKnown = problemsOf(
				() -> reset.setNewPassword(volunteer.username(), wrong, NEW_PASSWORD, anAddress()))
			.get(0);
		FieldProblem forUnknown = problemsOf(() -> reset.setNewPassword(unknown, wrong, NEW_PASSWORD, anAddress()))
			.get(0);
		assertThat(forUnknown.field()).isEqualTo(forKnown.field()).isEqualTo("code");
		assertThat(forUnknown.messageKey()).isEqualTo(forKnown.messageKey());
		assertThat(forUnknown.args()).containsExactly(forKnown.args());
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'account.password.reset.request'"
					+ " AND outcome = 'SUCCESS' AND object_id IS NULL AND actor_id IS NULL")
			.query(Long.class)
			.single()).as("the request for a number without an account is audited too").isPositive();
	}

	@Test
	void showsTheCodeOnThePageOnlyInTheDemo() {
		Person volunteer = this.fixtures.aVolunteer();
		CodeSent sent = aReset(new ManualClock(), true).sendCode(volunteer.username(), anAddress());
		assertThat(sent.demoCode()).isEqualTo(this.sentMessages.resetCodeFor(volunteer.id()));
	}

	@Test
	void aCodeCanNeverBeKeptInTheInAppListNorAnOrdinaryNotificationSkipIt() {
		UUID account = this.fixtures.aVolunteer().id();
		assertThatIllegalArgumentException().isThrownBy(
				() -> this.notifications.send(new NotificationRequest(account, NotificationKind.PASSWORD_RESET_CODE,
						"notification.passwordResetCode", List.of("123456", "10"), null, null)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.notifications.deliverOnly(new NotificationRequest(account, NotificationKind.GENERAL,
					"notification.general", List.of(), null, null)));
	}

	@Test
	void theApiAnswers202ForAnyNumberAnd429WhenAskedAgainTooSoon() {
		Person volunteer = this.fixtures.aVolunteer();
		String unknown = Identities.phone();
		Response known = this.api.post("/api/v1/auth/password-reset", Map.of("phone", volunteer.username()));
		Response none = this.api.post("/api/v1/auth/password-reset", Map.of("phone", unknown));
		assertThat(known.status()).isEqualTo(202);
		assertThat(none.status()).isEqualTo(202);
		assertThat(none.body()).isEqualTo(known.body());
		assertThat(this.sentMessages.lastResetCodeFor(volunteer.id())).isPresent();
		for (String number : new String[] { volunteer.username(), unknown }) {
			Response again = this.api.post("/api/v1/auth/password-reset", Map.of("phone", number));
			assertThat(again.status()).isEqualTo(429);
			assertThat(again.header("Content-Type")).startsWith("application/problem+json");
			assertThat(again.problemCode()).isEqualTo("TOO_MANY_REQUESTS");
			assertThat(Long.parseLong(again.header("Retry-After"))).isBetween(1L, 60L);
			assertThat(again.json().get("retryAfterSeconds").asLong()).isBetween(1L, 60L);
			assertThat(again.json().get("detail").asString()).contains("秒后再试");
		}
		assertThat(this.api.in("en")
			.post("/api/v1/auth/password-reset", Map.of("phone", unknown))
			.json()
			.get("detail")
			.asString()).contains("try again in");
		Response malformed = this.api.post("/api/v1/auth/password-reset", Map.of("phone", "12345"));
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.json().get("errors").get(0).get("field").asString()).isEqualTo("phone");
	}

	@Test
	void theApiSetsTheNewPasswordWithTheCode() {
		Person volunteer = this.fixtures.aVolunteer();
		String oldToken = this.fixtures.tokenFor(volunteer);
		assertThat(this.api.post("/api/v1/auth/password-reset", Map.of("phone", volunteer.username())).status())
			.isEqualTo(202);
		String code = this.sentMessages.resetCodeFor(volunteer.id());
		Response wrong = this.api.post("/api/v1/auth/password-reset/confirm",
				Map.of("phone", volunteer.username(), "code", otherThan(code), "newPassword", NEW_PASSWORD));
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.json().get("errors").get(0).get("field").asString()).isEqualTo("code");
		assertThat(wrong.json().get("errors").get(0).get("message").asString()).contains("还可以再试 4 次");
		Response weak = this.api.post("/api/v1/auth/password-reset/confirm",
				Map.of("phone", volunteer.username(), "code", code, "newPassword", "short1"));
		assertThat(weak.status()).isEqualTo(400);
		assertThat(weak.json().get("errors").get(0).get("field").asString()).isEqualTo("newPassword");
		Response done = this.api.post("/api/v1/auth/password-reset/confirm",
				Map.of("phone", volunteer.username(), "code", code, "newPassword", NEW_PASSWORD));
		assertThat(done.status()).isEqualTo(204);
		assertThat(this.api.as(oldToken).get("/api/v1/accounts/me").status()).isEqualTo(401);
		assertThat(
				this.api.post("/api/v1/auth/token", Map.of("username", volunteer.username(), "password", NEW_PASSWORD))
					.status())
			.isEqualTo(200);
	}

	private PasswordReset aReset(ManualClock clock, boolean demo) {
		PasswordResetProperties properties = PasswordResetProperties.defaults();
		PasswordResetThrottle throttle = new PasswordResetThrottle(this.jdbc, this.transactions, this.hashes,
				properties, clock);
		return new PasswordReset(this.accounts, this.management, this.codes, this.hashes, throttle, properties,
				this.notifications, this.auditLog, this.transactions, demo);
	}

	private List<String> auditTextsOf(Person person) {
		return this.jdbc
			.sql("SELECT COALESCE(object_id, '') || ' ' || COALESCE(detail, '') FROM audit_event"
					+ " WHERE action LIKE 'account.password.reset%' AND (object_id = :id OR actor_id IS NULL)")
			.param("id", person.id().toString())
			.query(String.class)
			.list();
	}

	private static List<FieldProblem> problemsOf(Runnable action) {
		try {
			action.run();
		}
		catch (PasswordResetThrottledException ex) {
			throw new AssertionError("throttled instead of refused", ex);
		}
		catch (ProblemException ex) {
			assertThat(ex.status()).isEqualTo(400);
			return ex.fieldProblems();
		}
		throw new AssertionError("accepted");
	}

	private static PasswordResetThrottledException throttled(Runnable action) {
		try {
			action.run();
		}
		catch (PasswordResetThrottledException ex) {
			return ex;
		}
		throw new AssertionError("not throttled");
	}

	private static String otherThan(String code) {
		return code.equals("000000") ? "000001" : "000000";
	}

	/** A fresh documentation-range IPv6 network, so that tests do not share buckets. */
	private static String anAddress() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return String.format("2001:db8:%x:%x::1", random.nextInt(0x10000), random.nextInt(0x10000));
	}

	/** Wall-clock time that moves only when told. */
	private static final class ManualClock implements TimeMeter {

		private final AtomicLong nanos = new AtomicLong(System.currentTimeMillis() * 1_000_000L);

		void advance(Duration duration) {
			this.nanos.addAndGet(duration.toNanos());
		}

		@Override
		public long currentTimeNanos() {
			return this.nanos.get();
		}

		@Override
		public boolean isWallClockBased() {
			return true;
		}

	}

}
