package org.zhiyuan.stats;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
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
import org.zhiyuan.record.NewRecord;
import org.zhiyuan.record.RecordAmendments;
import org.zhiyuan.record.ServiceRecordView;
import org.zhiyuan.record.ServiceRecords;
import org.zhiyuan.shared.ServiceField;
import org.zhiyuan.shared.identity.IdType;
import org.zhiyuan.support.Fixtures;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;
import org.zhiyuan.support.Identities;
import org.zhiyuan.volunteer.NewVolunteer;
import org.zhiyuan.volunteer.ProfileChange;
import org.zhiyuan.volunteer.VolunteerCategory;
import org.zhiyuan.volunteer.VolunteerRegistration;
import org.zhiyuan.volunteer.VolunteerView;
import org.zhiyuan.volunteer.Volunteers;

/**
 * Named steps for statistics scenes, through the modules' own services so that every fact
 * reaches the outbox as it does in production: volunteers of an age, activities that took
 * place (entered by a province operator as history), records by the organization's admin,
 * approved amendments, moves and deregistrations.
 */
final class StatsScene {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final Fixtures fixtures;

	private final VolunteerRegistration registration;

	private final Volunteers volunteers;

	private final Activities activities;

	private final ServiceRecords records;

	private final RecordAmendments amendments;

	private final Actor historian;

	StatsScene(Fixtures fixtures, VolunteerRegistration registration, Volunteers volunteers, Activities activities,
			ServiceRecords records, RecordAmendments amendments, String province) {
		this.fixtures = fixtures;
		this.registration = registration;
		this.volunteers = volunteers;
		this.activities = activities;
		this.records = records;
		this.amendments = amendments;
		this.historian = new Actor(UUID.randomUUID(), "historian", "historian", Set.of(Grant.operatorOf(province)));
	}

	/**
	 * Two months of one year, both over and within the last half year: the month before
	 * last and the month before that, or the two before them when those straddle New
	 * Year.
	 */
	static YearMonth[] twoPastMonthsOfOneYear() {
		YearMonth current = YearMonth.now(CHINA);
		YearMonth later = current.minusMonths(1);
		if (later.getMonthValue() == 1) {
			later = current.minusMonths(2);
		}
		return new YearMonth[] { later.minusMonths(1), later };
	}

	Person volunteerAged(int years, String regionCode) {
		String phone = Identities.phone();
		String idNumber = Identities.residentIdAged(years);
		VolunteerView volunteer = this.registration.register(new NewVolunteer("统计志愿者", IdType.RESIDENT_ID, idNumber,
				null, null, phone, Fixtures.PASSWORD, regionCode, List.of(), "2026-01", true, null));
		return new Person(volunteer.accountId(), phone, Fixtures.PASSWORD, volunteer.id(), idNumber);
	}

	VolunteerView view(Person person) {
		return this.volunteers.find(person.volunteerId()).orElseThrow();
	}

	/** An activity that took place on the day, 08:00 to 18:00 China time. */
	ActivityView activity(Team team, String regionCode, ServiceField field, LocalDate day) {
		return activity(team, null, regionCode, field, day);
	}

	/** An activity of the team's project that took place on the day. */
	ActivityView activity(Team team, UUID projectId, String regionCode, ServiceField field, LocalDate day) {
		OffsetDateTime start = day.atTime(8, 0).atZone(CHINA).toOffsetDateTime();
		return this.activities.recordPast(this.historian,
				new NewActivity(team.id(), projectId, "统计测试活动 " + Fixtures.uniqueUsername(""), "线下开展的志愿服务。", field,
						regionCode, "服务站", 38.47, 106.27, 300, start, start.plusHours(10), null, ApprovalMode.AUTO,
						false, RiskLevel.LOW, RecruitmentMode.REGULAR, false, null, "王芳", null,
						List.of(new NewActivity.NewPosition("志愿者", 50, 14, null, List.of()))),
				"按纸质签到表录入历史记录");
	}

	/** The team's admin records the volunteer's service from one hour to another. */
	ServiceRecordView serve(Team team, Person volunteer, ActivityView activity, int fromHour, int fromMinute,
			int toHour, int toMinute) {
		LocalDate day = activity.startsAt().atZoneSameInstant(CHINA).toLocalDate();
		return this.records.record(this.fixtures.actorOf(team.admin()),
				new NewRecord(volunteer.volunteerId(), activity.id(),
						day.atTime(fromHour, fromMinute).atZone(CHINA).toOffsetDateTime(),
						day.atTime(toHour, toMinute).atZone(CHINA).toOffsetDateTime(), null, "按签到表补录"),
				null);
	}

	/** The volunteer asks for new hours and the team's admin approves. */
	AmendmentView amend(Team team, Person volunteer, ServiceRecordView record, String hours) {
		AmendmentView asked = this.amendments.request(this.fixtures.actorOf(volunteer), record.id(), null, null,
				new BigDecimal(hours), "签到表记错了时间");
		return this.amendments.approve(this.fixtures.actorOf(team.admin()), asked.id(), null);
	}

	void move(Person volunteer, String regionCode, VolunteerCategory... categories) {
		this.volunteers.changeProfile(this.fixtures.actorOf(volunteer),
				new ProfileChange(regionCode, List.of(categories), List.of(), List.of(), List.of(), List.of(), null));
	}

	void deregister(Person volunteer) {
		this.volunteers.deregister(this.fixtures.actorOf(volunteer), Fixtures.PASSWORD);
	}

}
