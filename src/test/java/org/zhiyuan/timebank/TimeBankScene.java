package org.zhiyuan.timebank;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.zhiyuan.access.Actor;
import org.zhiyuan.access.Grant;
import org.zhiyuan.activity.Activities;
import org.zhiyuan.activity.ActivityView;
import org.zhiyuan.activity.ApprovalMode;
import org.zhiyuan.activity.NewActivity;
import org.zhiyuan.activity.RecruitmentMode;
import org.zhiyuan.activity.RiskLevel;
import org.zhiyuan.record.AmendmentView;
import org.zhiyuan.record.ServiceRecordView;
import org.zhiyuan.shared.ServiceField;
import org.zhiyuan.shared.identity.IdType;
import org.zhiyuan.support.Fixtures;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;
import org.zhiyuan.support.Identities;
import org.zhiyuan.volunteer.NewVolunteer;
import org.zhiyuan.volunteer.VolunteerRegistration;
import org.zhiyuan.volunteer.VolunteerView;

/**
 * Named steps for time bank scenes, through the modules' own services so that deposits
 * come as they do in production: volunteers with a name and phone their relatives can
 * name, activities that took place and may or may not be deposited, records written by
 * the organization's admin, and amendments approved.
 */
final class TimeBankScene {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private static final String[] GIVEN = { "秀英", "建国", "桂兰", "志强", "淑珍", "国华", "玉兰", "德明" };

	private static int names;

	private final Fixtures fixtures;

	private final VolunteerRegistration registration;

	private final Activities activities;

	private final Actor historian;

	TimeBankScene(Fixtures fixtures, VolunteerRegistration registration, Activities activities, String province) {
		this.fixtures = fixtures;
		this.registration = registration;
		this.activities = activities;
		this.historian = new Actor(UUID.randomUUID(), "historian", "historian", Set.of(Grant.operatorOf(province)));
	}

	/** A volunteer with a name of their own and a phone, in the region. */
	Named volunteer(String regionCode) {
		String phone = Identities.phone();
		String name = "王" + GIVEN[nextName() % GIVEN.length];
		String idNumber = Identities.residentIdAged(40);
		VolunteerView volunteer = this.registration.register(new NewVolunteer(name, IdType.RESIDENT_ID, idNumber, null,
				null, phone, Fixtures.PASSWORD, regionCode, List.of(), "2026-01", true, null));
		return new Named(new Person(volunteer.accountId(), phone, Fixtures.PASSWORD, volunteer.id(), idNumber), name,
				phone);
	}

	private static synchronized int nextName() {
		return names++;
	}

	/** An activity that took place days ago, 08:00 to 20:00, deposited or not. */
	ActivityView activity(Team team, String regionCode, boolean timeBankEligible, int daysAgo) {
		OffsetDateTime start = LocalDate.now(CHINA).minusDays(daysAgo).atTime(8, 0).atZone(CHINA).toOffsetDateTime();
		return this.activities.recordPast(this.historian,
				new NewActivity(team.id(), null, "时间银行测试活动 " + Fixtures.uniqueUsername(""), "线下开展的志愿服务。",
						ServiceField.ELDERLY_CARE, regionCode, "服务站", 38.47, 106.27, 300, start, start.plusHours(12),
						null, ApprovalMode.AUTO, false, RiskLevel.LOW, RecruitmentMode.REGULAR, timeBankEligible, null,
						"王芳", null, List.of(new NewActivity.NewPosition("志愿者", 50, 14, null, List.of()))),
				"按纸质签到表录入历史记录");
	}

	/** The team's admin records the volunteer's service from 08:00 for the minutes. */
	ServiceRecordView serve(Team team, Person volunteer, ActivityView activity, int minutes) {
		return this.fixtures.recordedService(team, volunteer, activity, minutes);
	}

	/** The volunteer asks for other hours and the team's admin approves. */
	AmendmentView amend(Team team, Person volunteer, ServiceRecordView record, String hours) {
		return this.fixtures.approvedAmendment(team, volunteer, record, hours);
	}

	/** A volunteer with the name and phone their relatives name them by. */
	record Named(Person person, String name, String phone) {

	}

}
