package org.zhiyuan.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.zhiyuan.access.Actor;
import org.zhiyuan.activity.Activities;
import org.zhiyuan.activity.ActivityReviews;
import org.zhiyuan.activity.ActivityView;
import org.zhiyuan.activity.BackfillWindow;
import org.zhiyuan.activity.ApprovalMode;
import org.zhiyuan.activity.NewActivity;
import org.zhiyuan.activity.ProjectLevel;
import org.zhiyuan.activity.RecruitmentMode;
import org.zhiyuan.activity.ReviewDecision;
import org.zhiyuan.activity.RiskLevel;
import org.zhiyuan.attendance.Attendance;
import org.zhiyuan.attendance.Attendance.CodeInput;
import org.zhiyuan.attendance.GeoPoint;
import org.zhiyuan.certificate.CertificateRequest;
import org.zhiyuan.certificate.Certificates;
import org.zhiyuan.record.NewRecord;
import org.zhiyuan.record.RecordOutcome;
import org.zhiyuan.record.RecordReviews;
import org.zhiyuan.record.ServiceRecordView;
import org.zhiyuan.record.ServiceRecords;
import org.zhiyuan.shared.ServiceField;
import org.zhiyuan.signup.Signups;
import org.zhiyuan.volunteer.VolunteerView;

/**
 * The demo district's past three months, entered as an organization that moves onto the
 * platform would enter them: the project library, the teams' seals, the activities they
 * held offline registered afterwards ({@link Activities#recordPast}), their volunteers'
 * hours entered by hand with a reason and confirmed by the district's operator, a few
 * certificates, and one activity about to start with volunteers checking in.
 * <p>
 * The activities lie in the past, where no published activity can be made or checked
 * into: the platform's way for them is 补录. Organizers may register only activities of the
 * last ten working days ({@link BackfillWindow}), so the older history is entered by the
 * district's operator as historical records (finished at once, the operator being the one
 * who confirms), as a district does when a team brings its paper records onto the
 * platform; the teams' admins register the recent ones, which wait in the operator's
 * review queue. Every hand-entered record has no accepted place behind it and is flagged
 * {@code NO_SIGNUP}: the operator confirms the older ones one by one and the recent ones
 * with their activity, all but the youth team's last activity, left in the review queue
 * with its records held.
 */
final class DemoHistory {

	static final String MEALS_PROJECT = "银龄助餐";

	static final String HEALTH_PROJECT = "建外健康小屋";

	static final String SORTING_PROJECT = "垃圾分类我先行";

	static final String MUSEUM_PROJECT = "博物馆小小讲解员";

	static final String TRAINING_PROJECT = "朝阳志愿者骨干培训";

	/** How many weekly meal rounds the elderly team records: a quarter of a year. */
	static final int WEEKS = 13;

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private static final String RECORD_REASON = "团队入驻平台前线下开展，按活动签到表补录";

	private static final String CONFIRMATION = "已核对签到表和活动照片，情况属实";

	private final Activities activities;

	private final ActivityReviews activityReviews;

	private final ServiceRecords records;

	private final RecordReviews reviews;

	private final Certificates certificates;

	private final Attendance attendance;

	private final Signups signups;

	private final Function<UUID, Actor> actors;

	private final LocalDate today;

	private final List<ServiceRecordView> toConfirm = new ArrayList<>();

	/**
	 * Recent activities the teams registered, waiting for the operator's confirmation.
	 */
	private final List<ActivityView> backfills = new ArrayList<>();

	/** The district's operator, who enters the older history and confirms. */
	private Actor district;

	DemoHistory(Activities activities, ActivityReviews activityReviews, ServiceRecords records, RecordReviews reviews,
			Certificates certificates, Attendance attendance, Signups signups, Function<UUID, Actor> actors,
			LocalDate today) {
		this.activities = activities;
		this.activityReviews = activityReviews;
		this.records = records;
		this.reviews = reviews;
		this.certificates = certificates;
		this.attendance = attendance;
		this.signups = signups;
		this.actors = actors;
		this.today = today;
	}

	/**
	 * The teams' projects, three of them marked as brand projects by the district.
	 * @return the projects' ids by name
	 */
	Map<String, UUID> projects(DemoTeams teams, Map<String, VolunteerView> people, Actor district) {
		Map<String, UUID> projects = new HashMap<>();
		project(projects, people.get("李华"), teams.elderly(), MEALS_PROJECT, ServiceField.ELDERLY_CARE,
				ProjectLevel.STREET, "每周六为建外街道的独居、高龄老人送餐上门并陪伴聊天，已连续开展三年，服务老人六十余位。");
		project(projects, people.get("李华"), teams.elderly(), HEALTH_PROJECT, ServiceField.HEALTH,
				ProjectLevel.COMMUNITY, "隔周周日在社区养老服务驿站为老人测量血压血糖、讲解用药常识，建立健康档案。");
		project(projects, people.get("赵敏"), teams.youth(), SORTING_PROJECT, ServiceField.ENVIRONMENT,
				ProjectLevel.STREET, "青年志愿者在朝外街道各小区的分类投放点值守，指导居民正确分类，开展入户宣传。");
		project(projects, people.get("郑雅琴"), teams.school(), MUSEUM_PROJECT, ServiceField.EDUCATION,
				ProjectLevel.DISTRICT, "中学生经培训后在区博物馆为小学生讲解展品，培养表达能力和文化自信。");
		project(projects, people.get("王建国"), teams.association(), TRAINING_PROJECT, ServiceField.CIVILITY_PRACTICE,
				ProjectLevel.DISTRICT, "为各街道、社区和学校志愿服务队培养骨干：志愿服务条例、活动策划、应急救护和服务记录。");
		for (String brand : List.of(MEALS_PROJECT, SORTING_PROJECT, MUSEUM_PROJECT)) {
			this.activities.markBrand(district, projects.get(brand), true);
		}
		return projects;
	}

	/** Each active team uploads its seal, drawn as a scan of it would look. */
	void seals(DemoTeams teams, Map<String, VolunteerView> people) {
		seal(people.get("王建国"), teams.association(), DemoData.ASSOCIATION);
		seal(people.get("李华"), teams.elderly(), DemoData.ELDERLY_TEAM);
		seal(people.get("赵敏"), teams.youth(), DemoData.YOUTH_TEAM);
		seal(people.get("郑雅琴"), teams.school(), DemoData.SCHOOL_TEAM);
	}

	/**
	 * Thirteen weeks of service, recorded and for the most part confirmed; then a few
	 * certificates.
	 * @return how many records were entered
	 */
	int seed(DemoTeams teams, Map<String, UUID> projects, Map<String, VolunteerView> people, Actor district) {
		this.district = district;
		VolunteerView lihua = people.get("李华");
		VolunteerView zhaomin = people.get("赵敏");
		VolunteerView zheng = people.get("郑雅琴");
		VolunteerView wang = people.get("王建国");
		List<VolunteerView> helpers = List.of(people.get("刘淑芬"), people.get("陈志强"), people.get("David Miller"));
		int count = 0;
		for (int week = WEEKS; week >= 1; week--) {
			LocalDate saturday = weeksAgo(DayOfWeek.SATURDAY, week);
			ActivityView meals = past(lihua,
					new Past(teams.elderly(), projects.get(MEALS_PROJECT), "银龄助餐：送餐上门",
							"为建外街道的独居、高龄老人送午餐上门，陪伴聊天，记录老人近况和需求。", ServiceField.ELDERLY_CARE, DemoData.JIANWAI,
							"建外街道社区养老服务驿站", 39.9087, 116.4445, saturday, 9, 30, 4));
			count += serve(lihua, meals, 0, 4 * 60, lihua, helpers.get(week % 3), helpers.get((week + 1) % 3));
			if (week % 2 == 0) {
				ActivityView health = past(lihua,
						new Past(teams.elderly(), projects.get(HEALTH_PROJECT), "老年人健康监测进社区",
								"在养老服务驿站为老人测量血压、血糖，讲解用药常识，更新健康档案。", ServiceField.HEALTH, DemoData.JIANWAI,
								"建外街道社区养老服务驿站", 39.9087, 116.4445, saturday.plusDays(1), 9, 0, 3));
				count += serve(lihua, health, 0, 180, lihua, people.get("吴国栋"));
			}
			if (week % 2 == 1) {
				ActivityView sorting = past(zhaomin,
						new Past(teams.youth(), projects.get(SORTING_PROJECT), "垃圾分类宣传进社区",
								"在朝外街道各小区的分类投放点值守，指导居民正确分类，发放宣传材料。", ServiceField.ENVIRONMENT, DemoData.CHAOWAI,
								"朝外大街沿线小区", 39.9226, 116.4337, saturday, 8, 0, 3));
				count += serve(zhaomin, sorting, 0, 180, zhaomin, people.get("孙浩然"), people.get("周晓彤"));
			}
			if (week % 4 == 3) {
				ActivityView museum = past(zheng,
						new Past(teams.school(), projects.get(MUSEUM_PROJECT), "博物馆小小讲解员", "周末在区博物馆为参观的小学生讲解展品。",
								ServiceField.EDUCATION, DemoData.DISTRICT, "朝阳区博物馆", 39.9219, 116.4866,
								saturday.plusDays(1), 13, 30, 3));
				count += serve(zheng, museum, 0, 180, zheng, people.get("周晓彤"), people.get("林子涵"));
			}
		}
		LocalDate trainingDay = weeksAgo(DayOfWeek.SUNDAY, 5);
		ActivityView training = past(wang,
				new Past(teams.association(), projects.get(TRAINING_PROJECT), "志愿服务骨干培训（秋季班）",
						"志愿服务条例解读、活动策划与安全、应急救护实操和服务记录规范，全天课程。", ServiceField.CIVILITY_PRACTICE, DemoData.DISTRICT,
						"朝阳区志愿服务指导中心培训室", 39.9215, 116.4431, trainingDay, 9, 0, 8));
		count += serve(wang, training, 0, 8 * 60, wang, lihua, people.get("陈志强"), zhaomin, zheng,
				people.get("Emma Schmidt"));
		for (int week : List.of(8, 7)) {
			LocalDate friday = weeksAgo(DayOfWeek.FRIDAY, week);
			ActivityView watch = past(wang,
					new Past(teams.association(), null, "极端天气社区应急值守", "暴雨预警期间在街道应急指挥点夜间值守，巡查低洼院落，协助转移独居老人。",
							ServiceField.PUBLIC_SAFETY, DemoData.JIANWAI, "建外街道应急指挥点", 39.9079, 116.4402, friday, 20, 0,
							12));
			count += serve(wang, watch, 0, 12 * 60, lihua, people.get("吴国栋"), wang);
		}
		LocalDate englishDay = weeksAgo(DayOfWeek.SUNDAY, 3);
		ActivityView english = past(wang,
				new Past(teams.association(), null, "国际社区英语角", "外籍志愿者与社区居民面对面练习英语口语，介绍各国节日习俗。", ServiceField.CULTURE,
						DemoData.JIANWAI, "建外街道文化活动中心", 39.9093, 116.4478, englishDay, 15, 0, 2));
		count += serve(wang, english, 0, 120, people.get("Emma Schmidt"), people.get("David Miller"));
		confirm(teams.youth());
		certify(teams, people);
		return count;
	}

	/**
	 * An activity of the elderly team that starts within the hour: open for check-in,
	 * three volunteers checked in with their phones and one entered by hand, so that the
	 * check-in screen shows a board.
	 * @return the activity
	 */
	ActivityView checkInToday(DemoTeams teams, Map<String, UUID> projects, Map<String, VolunteerView> people) {
		VolunteerView lihua = people.get("李华");
		Actor organizer = actorOf(lihua);
		OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(40).truncatedTo(ChronoUnit.HOURS);
		if (start.isBefore(OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(15))) {
			start = start.plusMinutes(30);
		}
		double lat = 39.9087;
		double lng = 116.4445;
		ActivityView created = this.activities.create(organizer,
				new NewActivity(teams.elderly(), projects.get(HEALTH_PROJECT), "养老驿站值班陪护",
						"在社区养老服务驿站值班：陪老人下棋聊天、协助午休和理疗，记录老人需求。", ServiceField.ELDERLY_CARE, DemoData.JIANWAI,
						"建外街道社区养老服务驿站", lat, lng, 300, start, start.plusHours(3), null, ApprovalMode.AUTO, false,
						RiskLevel.LOW, RecruitmentMode.REGULAR, true, null, "李华", DemoData.DEMO_VOLUNTEER,
						List.of(new NewActivity.NewPosition("值班陪护", 6, 16, null, List.of()))));
		ActivityView activity = this.activities.publish(organizer, created.id());
		UUID position = activity.positions().get(0).id();
		List<VolunteerView> onSite = List.of(people.get("刘淑芬"), people.get("陈志强"), people.get("David Miller"));
		VolunteerView withoutSignal = people.get("吴国栋");
		for (VolunteerView volunteer : onSite) {
			this.signups.signUp(actorOf(volunteer), activity.id(), position);
		}
		this.signups.signUp(actorOf(withoutSignal), activity.id(), position);
		String code = this.attendance.issueCode(organizer, activity.id()).code();
		double metres = 0.0001;
		for (VolunteerView volunteer : onSite) {
			this.attendance.checkIn(actorOf(volunteer), CodeInput.of(code), new GeoPoint(lat + metres, lng, 15.0));
			metres += 0.0002;
		}
		this.attendance.manualCheckIn(organizer, activity.id(), withoutSignal.id(), null, "手机没电，到场后由负责人登记");
		return activity;
	}

	private void project(Map<String, UUID> projects, VolunteerView admin, UUID organizationId, String name,
			ServiceField field, ProjectLevel level, String description) {
		projects.put(name,
				this.activities.createProject(actorOf(admin), organizationId, name, field, level, description).id());
	}

	private void seal(VolunteerView admin, UUID organizationId, String name) {
		this.certificates.uploadSeal(actorOf(admin), organizationId, DemoSeal.png(name, "志愿服务专用章"));
	}

	private ActivityView past(VolunteerView admin, Past past) {
		OffsetDateTime start = past.day()
			.atTime(past.hour(), past.minute())
			.atZone(CHINA)
			.toOffsetDateTime()
			.withOffsetSameInstant(ZoneOffset.UTC);
		boolean recent = !past.day().isBefore(BackfillWindow.earliestDay(this.today));
		ActivityView registered = this.activities.recordPast(recent ? actorOf(admin) : this.district,
				new NewActivity(past.organizationId(), past.projectId(), past.title(), past.description(), past.field(),
						past.regionCode(), past.address(), past.lat(), past.lng(), 300, start,
						start.plusHours(past.hours()), null, ApprovalMode.AUTO, false, RiskLevel.LOW,
						RecruitmentMode.REGULAR, past.field() == ServiceField.ELDERLY_CARE, null, admin.name(), null,
						List.of(new NewActivity.NewPosition("志愿者", 20, 14, null, List.of()))),
				recent ? "线下开展的活动，补录以便录入服务时长" : "团队入驻平台前线下开展的活动，按纸质签到表录入历史记录");
		if (recent) {
			this.backfills.add(registered);
		}
		return registered;
	}

	/**
	 * The admin enters each volunteer's time by hand, from {@code fromMinute} to
	 * {@code toMinute} after the activity's start.
	 * @return how many records were entered
	 */
	private int serve(VolunteerView admin, ActivityView activity, int fromMinute, int toMinute,
			VolunteerView... volunteers) {
		Actor actor = actorOf(admin);
		for (VolunteerView volunteer : volunteers) {
			this.toConfirm.add(this.records.record(actor,
					new NewRecord(volunteer.id(), activity.id(), activity.startsAt().plusMinutes(fromMinute),
							activity.startsAt().plusMinutes(toMinute), null, RECORD_REASON),
					null));
		}
		return volunteers.length;
	}

	/**
	 * The district's operator confirms the older records one by one and the recent
	 * activities with their records, all but the given team's last activity, which stays
	 * in the review queue for the demo.
	 * @return the activity left in the queue
	 */
	private ActivityView confirm(UUID leftTeam) {
		ActivityView left = this.backfills.stream()
			.filter((a) -> a.organizationId().equals(leftTeam))
			.max(java.util.Comparator.comparing(ActivityView::startsAt))
			.orElse(null);
		for (ActivityView backfill : this.backfills) {
			if (backfill != left) {
				this.activityReviews.review(this.district, backfill.id(), ReviewDecision.APPROVE, CONFIRMATION);
			}
		}
		for (ServiceRecordView record : this.toConfirm) {
			if (this.backfills.stream().noneMatch((a) -> a.id().equals(record.activityId()))) {
				this.reviews.resolve(this.district, record.id(), RecordOutcome.COUNT, CONFIRMATION);
			}
		}
		return left;
	}

	/**
	 * 李华 prints her own certificate with her team's seal; 赵敏 issues one for 周晓彤, a
	 * student who needs it for school, with her team's seal.
	 */
	private void certify(DemoTeams teams, Map<String, VolunteerView> people) {
		LocalDate from = this.today.minusWeeks(WEEKS + 1);
		VolunteerView lihua = people.get("李华");
		this.certificates.issue(actorOf(lihua),
				new CertificateRequest(lihua.id(), from, this.today, teams.elderly(), "zh", true), null);
		this.certificates.issue(actorOf(people.get("赵敏")),
				new CertificateRequest(people.get("周晓彤").id(), from, this.today, teams.youth(), "zh", true), null);
	}

	/**
	 * The given weekday of the week (Monday to Sunday) {@code weeks} weeks before the
	 * current one: even a Sunday of last week lies wholly in the past.
	 */
	private LocalDate weeksAgo(DayOfWeek day, int weeks) {
		return mondayOfWeeksAgo(weeks).plusDays(day.getValue() - 1);
	}

	private LocalDate mondayOfWeeksAgo(int weeks) {
		return this.today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(weeks);
	}

	private Actor actorOf(VolunteerView volunteer) {
		return this.actors.apply(volunteer.accountId());
	}

	/** A past activity as its organizer describes it. */
	private record Past(UUID organizationId, UUID projectId, String title, String description, ServiceField field,
			String regionCode, String address, double lat, double lng, LocalDate day, int hour, int minute, int hours) {

	}

	/** The active organizations of the demo. */
	record DemoTeams(UUID association, UUID elderly, UUID youth, UUID school) {

	}

}
