package org.zhiyuan.notification;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures.Person;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationApiTests extends ApiTestSupport {

	@Autowired
	Notifications notifications;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void showsANotificationToItsRecipientInTheirLanguage() {
		Person recipient = this.fixtures.aVolunteer();
		Person someoneElse = this.fixtures.aVolunteer();
		this.notifications.send(approval(recipient, "社区敬老", null));

		Api chinese = this.api.signIn(recipient.username(), recipient.password());
		Response list = chinese.get("/api/v1/notifications");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.json().get("total").asLong()).isEqualTo(1);
		assertThat(list.json().get("items").get(0).get("message").asString()).isEqualTo("您报名的活动“社区敬老”已通过审核。");
		assertThat(list.json().get("items").get(0).get("messageKey").asString())
			.isEqualTo("notification.signupApproved");
		assertThat(list.json().get("items").get(0).get("args").get(0).asString()).isEqualTo("社区敬老");
		assertThat(list.json().get("items").get(0).get("kind").asString()).isEqualTo("SIGNUP_APPROVED");
		assertThat(list.json().get("items").get(0).get("read").asBoolean()).isFalse();

		Response english = chinese.in("en").get("/api/v1/notifications");
		assertThat(english.json().get("items").get(0).get("message").asString())
			.isEqualTo("Your sign-up for “社区敬老” has been approved.");

		Api other = this.api.signIn(someoneElse.username(), someoneElse.password());
		assertThat(other.get("/api/v1/notifications").json().get("total").asLong()).isZero();
		assertThat(other.get("/api/v1/notifications/unread-count").json().get("unread").asLong()).isZero();
	}

	@Test
	void countsFewerUnreadAfterReadingOneAndThenAll() {
		Person recipient = this.fixtures.aVolunteer();
		this.notifications.sendAll(List.of(approval(recipient, "一", null), approval(recipient, "二", null),
				approval(recipient, "三", null)));
		Api api = this.api.signIn(recipient.username(), recipient.password());
		assertThat(unread(api)).isEqualTo(3);

		String first = api.get("/api/v1/notifications").json().get("items").get(0).get("id").asString();
		assertThat(api.send("POST", "/api/v1/notifications/" + first + "/read").status()).isEqualTo(204);
		assertThat(unread(api)).isEqualTo(2);
		assertThat(api.send("POST", "/api/v1/notifications/" + first + "/read").status()).isEqualTo(204);
		assertThat(unread(api)).isEqualTo(2);
		assertThat(api.get("/api/v1/notifications?unreadOnly=true").json().get("total").asLong()).isEqualTo(2);

		assertThat(api.send("POST", "/api/v1/notifications/read-all").status()).isEqualTo(204);
		assertThat(unread(api)).isZero();
		assertThat(api.get("/api/v1/notifications?unreadOnly=true").json().get("total").asLong()).isZero();
		Response all = api.get("/api/v1/notifications?page=0&size=2");
		assertThat(all.json().get("total").asLong()).isEqualTo(3);
		assertThat(all.json().get("items")).hasSize(2);
		assertThat(all.json().get("items").get(0).get("read").asBoolean()).isTrue();
	}

	@Test
	void storesANotificationWithTheSameDedupeKeyOncePerAccount() {
		Person recipient = this.fixtures.aVolunteer();
		Person another = this.fixtures.aVolunteer();
		String key = "reminder:" + UUID.randomUUID() + ":24h";
		this.notifications.send(reminder(recipient, key));
		this.notifications.send(reminder(recipient, key));
		this.notifications.sendAll(List.of(reminder(recipient, key), reminder(another, key)));

		assertThat(this.notifications.listFor(recipient.id(), false, PageQuery.of(0, 10)).total()).isEqualTo(1);
		assertThat(this.notifications.listFor(another.id(), false, PageQuery.of(0, 10)).total()).isEqualTo(1);
	}

	@Test
	void storesNothingWhenTheSendingTransactionRollsBack() {
		Person recipient = this.fixtures.aVolunteer();
		new TransactionTemplate(this.transactions).executeWithoutResult((status) -> {
			this.notifications.send(approval(recipient, "回滚", null));
			assertThat(this.notifications.unreadCount(recipient.id())).isEqualTo(1);
			status.setRollbackOnly();
		});
		assertThat(this.notifications.listFor(recipient.id(), false, PageQuery.of(0, 10)).total()).isZero();
	}

	@Test
	void keepsTheSendersTransactionUsableWhenAConcurrentSendWinsTheDedupeKey() throws Exception {
		Person recipient = this.fixtures.aVolunteer();
		String key = "reminder:" + UUID.randomUUID() + ":2h";
		TransactionTemplate transaction = new TransactionTemplate(this.transactions);
		CountDownLatch firstStored = new CountDownLatch(1);
		CountDownLatch firstMayCommit = new CountDownLatch(1);
		ExecutorService senders = Executors.newFixedThreadPool(2);
		try {
			Future<?> first = senders.submit(() -> transaction.executeWithoutResult((status) -> {
				this.notifications.send(reminder(recipient, key));
				firstStored.countDown();
				await(firstMayCommit);
			}));
			assertThat(firstStored.await(30, TimeUnit.SECONDS)).isTrue();
			// the second insert waits on the first's uncommitted row, then fails as a
			// duplicate
			Future<?> second = senders.submit(() -> transaction.executeWithoutResult((status) -> {
				this.notifications.send(reminder(recipient, key));
				this.notifications.send(approval(recipient, "之后", null));
			}));
			Thread.sleep(500);
			firstMayCommit.countDown();
			first.get(30, TimeUnit.SECONDS);
			second.get(30, TimeUnit.SECONDS);
		}
		finally {
			senders.shutdownNow();
		}
		assertThat(this.notifications.listFor(recipient.id(), false, PageQuery.of(0, 10)).items())
			.extracting(NotificationView::kind)
			.containsExactlyInAnyOrder(NotificationKind.ACTIVITY_REMINDER, NotificationKind.SIGNUP_APPROVED);
	}

	@Test
	void refusesToMarkSomeoneElsesNotification() {
		Person recipient = this.fixtures.aVolunteer();
		Person intruder = this.fixtures.aVolunteer();
		this.notifications.send(approval(recipient, "别人的", null));
		UUID id = this.notifications.listFor(recipient.id(), false, PageQuery.of(0, 1)).items().get(0).id();

		Api api = this.api.signIn(intruder.username(), intruder.password());
		Response refused = api.send("POST", "/api/v1/notifications/" + id + "/read");
		assertThat(refused.status()).isEqualTo(404);
		assertThat(refused.problemCode()).isEqualTo("NOTIFICATION_NOT_FOUND");
		assertThat(api.send("POST", "/api/v1/notifications/" + UUID.randomUUID() + "/read").status()).isEqualTo(404);
		assertThat(this.notifications.unreadCount(recipient.id())).isEqualTo(1);
	}

	@Test
	void requiresSigningIn() {
		assertThat(this.api.get("/api/v1/notifications").status()).isEqualTo(401);
		assertThat(this.api.get("/api/v1/notifications/unread-count").status()).isEqualTo(401);
	}

	@Test
	void theNotificationsPageShowsMessagesAndTheBadgeTheUnreadCount() {
		Person recipient = this.fixtures.aVolunteer();
		Api browser = signInToPages(recipient);
		assertThat(browser.get("/notifications/badge").body()).isBlank();

		this.notifications
			.sendAll(List.of(approval(recipient, "助老服务", "/activities/x"), approval(recipient, "环保宣传", null)));
		Response page = browser.get("/notifications");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("您报名的活动“助老服务”已通过审核。", "您报名的活动“环保宣传”已通过审核。", "全部标为已读");
		Response badge = browser.get("/notifications/badge");
		assertThat(badge.status()).isEqualTo(200);
		assertThat(badge.body()).contains("badge").contains(">2<");
	}

	@Test
	void openingANotificationOnThePageMarksItReadAndFollowsItsLinkWithinTheSite() {
		Person recipient = this.fixtures.aVolunteer();
		this.notifications
			.sendAll(List.of(approval(recipient, "助老服务", "/activities/x"), approval(recipient, "环保宣传", null)));
		List<NotificationView> sent = this.notifications.listFor(recipient.id(), false, PageQuery.of(0, 10)).items();
		Api browser = signInToPages(recipient);

		Response followed = browser.submitForm("/notifications", "/notifications/" + sent.get(0).id() + "/read",
				Map.of("next", "/activities/x"));
		assertThat(followed.status()).isEqualTo(302);
		assertThat(followed.header("Location")).endsWith("/activities/x");
		Response offSite = browser.submitForm("/notifications", "/notifications/" + sent.get(1).id() + "/read",
				Map.of("next", "//evil.example/"));
		assertThat(offSite.header("Location")).endsWith("/notifications").doesNotContain("evil");
		assertThat(this.notifications.unreadCount(recipient.id())).isZero();
	}

	private Api signInToPages(Person person) {
		Api browser = new Api("http://localhost:" + this.port);
		browser.submitForm("/login", "/login", Map.of("username", person.username(), "password", person.password()));
		return browser;
	}

	private static long unread(Api api) {
		return api.get("/api/v1/notifications/unread-count").json().get("unread").asLong();
	}

	private static NotificationRequest approval(Person recipient, String activity, String link) {
		return new NotificationRequest(recipient.id(), NotificationKind.SIGNUP_APPROVED, "notification.signupApproved",
				List.of(activity), link, null);
	}

	private static NotificationRequest reminder(Person recipient, String dedupeKey) {
		return new NotificationRequest(recipient.id(), NotificationKind.ACTIVITY_REMINDER,
				"notification.signupApproved", List.of("提醒"), null, dedupeKey);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
