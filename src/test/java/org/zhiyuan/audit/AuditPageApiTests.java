package org.zhiyuan.audit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.zhiyuan.access.Grant;
import org.zhiyuan.account.AccountManagement;
import org.zhiyuan.account.AccountView;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures;
import org.zhiyuan.support.Fixtures.Person;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit log page as a person reads it: names, not codes and ids; filters by who, what
 * and when.
 */
class AuditPageApiTests extends ApiTestSupport {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	@Autowired
	AuditLog auditLog;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void showsActionsInThePageLanguageAndPeopleAndObjectsByName() {
		AccountView organizer = anAccountNamed("王审计" + Fixtures.uniqueUsername("").substring(1));
		Person volunteer = this.fixtures.aVolunteer();
		Fixtures.Team team = this.fixtures.anActiveTeamIn("110105");
		String organizationName = this.jdbc.sql("SELECT name FROM organization WHERE id = :id")
			.param("id", team.id())
			.query(String.class)
			.single();
		this.auditLog.record(AuditRecord.of("signup.approve", organizer.id())
			.on("volunteer", volunteer.volunteerId())
			.inRegion("110105")
			.about(volunteer.id()));
		this.auditLog.record(
				AuditRecord.of("organization.warned", organizer.id()).on("organization", team.id()).inRegion("110105"));
		this.auditLog.record(AuditRecord.of("test.unknown-thing", organizer.id()).inRegion("110105"));
		this.auditLog.record(AuditRecord.of("record.flagged.read", organizer.id())
			.on("flagged-records", "110105")
			.inRegion("110105"));

		Api operator = browserAs(this.fixtures.anOperatorOf("110105"));
		String chinese = operator.get("/audit?who=" + encoded(organizer.displayName())).body();
		assertThat(chinese).contains("通过报名", "警告组织", "其他操作", organizer.displayName(), organizer.username(), "志愿者",
				"测***者", organizationName, "待复核记录 · 北京市 朝阳区");
		// ids are only in the links that narrow the log to an object or a person, never
		// shown
		assertThat(chinese.replaceAll("href=\"[^\"]*\"", "")).doesNotContain(organizer.id().toString(),
				volunteer.id().toString(), volunteer.volunteerId().toString(), volunteer.username(), "测试志愿者",
				"signup.approve", "organization.warned");
		String english = operator.get("/audit?who=" + encoded(organizer.displayName()) + "&lang=en").body();
		assertThat(english).contains("Approved a sign-up", "Warned an organization", "Other action",
				organizer.displayName(), "Volunteer", "Records to review · ");
		assertThat(english.replaceAll("href=\"[^\"]*\"", "")).doesNotContain("flagged-records", "#110105");
	}

	@Test
	void showsTheLoopbackAddressAsThisComputer() {
		Api admin = new Api("http://localhost:" + this.port);
		admin.submitForm("/login", "/login", Map.of("username", "admin", "password", ADMIN_PASSWORD));
		String chinese = admin.get("/audit?what=SIGN_IN").body();
		assertThat(chinese).contains("登录", "本机").doesNotContain("0:0:0:0:0:0:0:1", "127.0.0.1", "account.login");
		assertThat(admin.get("/audit?what=SIGN_IN&lang=en").body()).contains("this computer", "Signed in");
	}

	@Test
	void eachFilterNarrowsTheList() {
		AccountView first = anAccountNamed("甲审计" + Fixtures.uniqueUsername("").substring(1));
		AccountView second = anAccountNamed("乙审计" + Fixtures.uniqueUsername("").substring(1));
		String signupId = UUID.randomUUID().toString();
		String activityId = UUID.randomUUID().toString();
		this.auditLog.record(AuditRecord.of("signup.approve", first.id()).on("signup", signupId).inRegion("110105"));
		this.auditLog
			.record(AuditRecord.of("activity.publish", second.id()).on("activity", activityId).inRegion("110105"));
		String signup = "#" + signupId.substring(0, 8);
		String activity = "#" + activityId.substring(0, 8);
		Api operator = browserAs(this.fixtures.anOperatorOf("110105"));

		String unfiltered = operator.get("/audit").body();
		assertThat(unfiltered).contains(signup, activity);

		String byFirst = operator.get("/audit?who=" + encoded(first.displayName())).body();
		assertThat(byFirst).contains(signup).doesNotContain(activity);
		assertThat(operator.get("/audit?who=nobody-by-this-name").body()).doesNotContain(signup, activity);

		assertThat(operator.get("/audit?what=SIGNUPS").body()).contains(signup).doesNotContain(activity);
		assertThat(operator.get("/audit?what=ACTIVITIES").body()).contains(activity).doesNotContain(signup);

		LocalDate today = LocalDate.now(CHINA);
		assertThat(operator.get("/audit?from=" + today + "&to=" + today).body()).contains(signup, activity);
		assertThat(operator.get("/audit?from=" + today.plusDays(1)).body()).doesNotContain(signup, activity);
		assertThat(operator.get("/audit?to=" + today.minusDays(1)).body()).doesNotContain(signup, activity);
	}

	@Test
	void aDateThatIsNotADateIsMarkedAndIgnored() {
		Api operator = browserAs(this.fixtures.anOperatorOf("110105"));
		Api.Response page = operator.get("/audit?from=yesterday");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("is-invalid", "请选择日期");
	}

	private AccountView anAccountNamed(String displayName) {
		return this.accounts.create(Fixtures.uniqueUsername("staff"), Fixtures.PASSWORD, displayName,
				Set.of(Grant.operatorOf("110105")), null);
	}

	private static String encoded(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private Api browserAs(Person person) {
		Api browser = new Api("http://localhost:" + this.port);
		browser.submitForm("/login", "/login", Map.of("username", person.username(), "password", person.password()));
		return browser;
	}

}
