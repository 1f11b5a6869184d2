package org.zhiyuan.demo;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhiyuan.access.Actor;
import org.zhiyuan.access.Grant;
import org.zhiyuan.account.AccountManagement;
import org.zhiyuan.account.AccountView;
import org.zhiyuan.organization.MemberRole;
import org.zhiyuan.organization.NewOrganization;
import org.zhiyuan.organization.OrganizationType;
import org.zhiyuan.organization.OrganizationView;
import org.zhiyuan.organization.Organizations;
import org.zhiyuan.activity.Activities;
import org.zhiyuan.insurance.InsurancePolicies;
import org.zhiyuan.pairing.Pairings;
import org.zhiyuan.need.MenuItems;
import org.zhiyuan.need.Needs;
import org.zhiyuan.need.Residents;
import org.zhiyuan.training.Courses;
import org.zhiyuan.activity.ActivityReviews;
import org.zhiyuan.activity.ActivityView;
import org.zhiyuan.activity.ApprovalMode;
import org.zhiyuan.activity.NewActivity;
import org.zhiyuan.activity.RecruitmentMode;
import org.zhiyuan.activity.RiskLevel;
import org.zhiyuan.attendance.Attendance;
import org.zhiyuan.certificate.Certificates;
import org.zhiyuan.demo.DemoHistory.DemoTeams;
import org.zhiyuan.record.RecordReviews;
import org.zhiyuan.record.ServiceRecords;
import org.zhiyuan.signup.Signups;
import org.zhiyuan.station.Stations;
import org.zhiyuan.points.Points;
import org.zhiyuan.points.Redemptions;
import org.zhiyuan.points.Rewards;
import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.ServiceField;
import org.zhiyuan.shared.identity.Gender;
import org.zhiyuan.shared.identity.IdType;
import org.zhiyuan.timebank.Relatives;
import org.zhiyuan.timebank.TimeAccounts;
import org.zhiyuan.timebank.TimeGifts;
import org.zhiyuan.timebank.TimeServices;
import org.zhiyuan.volunteer.VolunteerRegistration;
import org.zhiyuan.volunteer.VolunteerView;
import org.zhiyuan.volunteer.Volunteers;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.zhiyuan.volunteer.AvailabilitySlot.FRI_AM;
import static org.zhiyuan.volunteer.AvailabilitySlot.FRI_EVE;
import static org.zhiyuan.volunteer.AvailabilitySlot.MON_AM;
import static org.zhiyuan.volunteer.AvailabilitySlot.SAT_AM;
import static org.zhiyuan.volunteer.AvailabilitySlot.SAT_PM;
import static org.zhiyuan.volunteer.AvailabilitySlot.SUN_AM;
import static org.zhiyuan.volunteer.AvailabilitySlot.SUN_PM;
import static org.zhiyuan.volunteer.AvailabilitySlot.THU_AM;
import static org.zhiyuan.volunteer.AvailabilitySlot.THU_EVE;
import static org.zhiyuan.volunteer.AvailabilitySlot.TUE_AM;
import static org.zhiyuan.volunteer.AvailabilitySlot.TUE_EVE;
import static org.zhiyuan.volunteer.AvailabilitySlot.WED_AM;
import static org.zhiyuan.volunteer.AvailabilitySlot.WED_EVE;
import static org.zhiyuan.volunteer.ProfessionalField.ARTS;
import static org.zhiyuan.volunteer.ProfessionalField.CULTURE;
import static org.zhiyuan.volunteer.ProfessionalField.EDUCATION;
import static org.zhiyuan.volunteer.ProfessionalField.ELDERLY_CARE;
import static org.zhiyuan.volunteer.ProfessionalField.EMERGENCY_RESCUE;
import static org.zhiyuan.volunteer.ProfessionalField.HEALTH;
import static org.zhiyuan.volunteer.ProfessionalField.INTERNET;
import static org.zhiyuan.volunteer.ProfessionalField.LANGUAGE;
import static org.zhiyuan.volunteer.ProfessionalField.LAW;
import static org.zhiyuan.volunteer.ProfessionalField.PSYCHOLOGY;
import static org.zhiyuan.volunteer.ProfessionalField.SOCIAL_WORK;
import static org.zhiyuan.volunteer.VolunteerCategory.COMMUNITY;
import static org.zhiyuan.volunteer.VolunteerCategory.PARTY_MEMBER;
import static org.zhiyuan.volunteer.VolunteerCategory.SENIOR;
import static org.zhiyuan.volunteer.VolunteerCategory.STUDENT;
import static org.zhiyuan.volunteer.VolunteerCategory.VETERAN;
import static org.zhiyuan.volunteer.VolunteerCategory.WOMEN;
import static org.zhiyuan.volunteer.VolunteerCategory.WORKER;
import static org.zhiyuan.volunteer.VolunteerCategory.YOUTH;

/**
 * Seeds 北京市朝阳区 (110105) once, through the same services as real users so that every rule
 * applies and every step is audited: the operators of the city, the district and its
 * streets 建外街道 and 朝外街道, of 永安里社区 on 建外街道, an auditor, and 黄浦区's operator; twelve
 * volunteers living on the two streets (two of them in 永安里社区); 朝阳区志愿者协会 with its street
 * and school teams, approved by the district's operator {@code chaoyang}, their members
 * (invited, and consenting), a join request, an invitation left open, a warning, and one
 * more team awaiting review; the teams' projects (three of them brand projects) and
 * seals; activities recruiting in the coming days; and the teams' last thirteen weeks
 * ({@link DemoHistory}).
 * <p>
 * <b>The past.</b> No service lets anyone publish an activity that has begun or check in
 * outside an activity's hours, and the demo does not write rows behind their backs. The
 * history takes the paths of 补录 (see {@link DemoHistory}): the district's operator enters
 * the teams' older history ({@link org.zhiyuan.activity.Activities#recordPast} by an
 * operator, finished at once), the teams' admins the activities of the last ten working
 * days, which wait for the operator's confirmation
 * ({@link org.zhiyuan.activity.ActivityReviews#review}); the admins enter each
 * volunteer's time by hand with a reason
 * ({@link org.zhiyuan.record.ServiceRecords#record}), and the operator confirms the
 * records one by one or with their activity; the youth team's last activity is left in
 * the review queue. Certificates are then printed from those records like any other. The
 * check-in board shows an activity that starts within the hour, into which volunteers
 * check in with the organizer's code as their phones would. The district's stations are
 * on the station map ({@link DemoStations}). Emergency volunteering has a team of each
 * tier, a week's duty roster, a flood plan and an open drill ({@link DemoEmergency}).
 * <p>
 * Every demo account uses the password {@value #PASSWORD}; volunteers sign in with their
 * phone number, for example {@value #DEMO_VOLUNTEER} (李华, admin of 建外街道为老服务队, with over
 * 100 hours and a certificate). All of it is written in one transaction and only when the
 * account {@code chaoyang} does not exist yet, so running again changes nothing and a
 * failed run leaves nothing behind.
 */
@Component
@Order(10)
@ConditionalOnBooleanProperty("zhiyuan.demo")
class DemoData implements ApplicationRunner {

	static final String PASSWORD = "demo2026zy";

	/** The phone number of the demo volunteer documented as a sign-in. */
	static final String DEMO_VOLUNTEER = "13800000001";

	static final String DISTRICT = "110105";

	static final String JIANWAI = "110105001";

	static final String CHAOWAI = "110105002";

	/** 建外街道永安里社区, where two of the volunteers live. */
	static final String YONGANLI = "110105001026";

	static final String ASSOCIATION = "朝阳区志愿者协会";

	static final String ELDERLY_TEAM = "建外街道为老服务队";

	static final String YOUTH_TEAM = "朝外街道青年志愿服务队";

	static final String SCHOOL_TEAM = "朝阳区某中学志愿服务队";

	static final String PENDING_TEAM = "建外街道应急救援志愿服务队";

	/** Social group (51) registered in 朝阳区; the organization code is made up. */
	static final String ASSOCIATION_CREDIT_CODE = DemoNumbers.creditCode("51", DISTRICT, "MJ018264");

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final AccountManagement accounts;

	private final Regions regions;

	private final VolunteerRegistration registration;

	private final Volunteers volunteers;

	private final Organizations organizations;

	private final TransactionTemplate transaction;

	private final Activities activities;

	private final Signups signups;

	private final ServiceRecords records;

	private final RecordReviews reviews;

	private final Certificates certificates;

	private final Attendance attendance;

	private final ActivityReviews activityReviews;

	private final Courses training;

	private final InsurancePolicies insurance;

	private final Pairings pairings;

	private final Stations stations;

	private final Residents residents;

	private final MenuItems menus;

	private final Needs needs;

	private final DemoTimeBank timeBank;

	private final DemoRewards rewards;

	private final DemoEmergency emergency;

	private final DemoPublicity publicity;

	DemoData(AccountManagement accounts, Regions regions, VolunteerRegistration registration, Volunteers volunteers,
			Organizations organizations, Activities activities, Signups signups, ServiceRecords records,
			RecordReviews reviews, Certificates certificates, Attendance attendance,
			PlatformTransactionManager transactions, ActivityReviews activityReviews, Courses training,
			InsurancePolicies insurance, Pairings pairings, Stations stations, Residents residents, MenuItems menus,
			Needs needs, Relatives relatives, TimeGifts gifts, TimeAccounts timeAccounts, TimeServices timeServices,
			Rewards rewards, Redemptions redemptions, Points points, DemoEmergencyServices emergency,
			DemoPublicityServices publicity) {
		this.publicity = new DemoPublicity(publicity, this::actorOf);
		this.emergency = new DemoEmergency(organizations, emergency.teams(), emergency.profiles(), emergency.duty(),
				emergency.mobilizations(), emergency.answers(), emergency.command(), emergency.plans(), this::actorOf);
		this.timeBank = new DemoTimeBank(relatives, gifts, timeAccounts, timeServices, this::actorOf);
		this.rewards = new DemoRewards(rewards, redemptions, points, this::actorOf);
		this.pairings = pairings;
		this.stations = stations;
		this.residents = residents;
		this.menus = menus;
		this.needs = needs;
		this.training = training;
		this.insurance = insurance;
		this.activities = activities;
		this.activityReviews = activityReviews;
		this.signups = signups;
		this.records = records;
		this.reviews = reviews;
		this.certificates = certificates;
		this.attendance = attendance;
		this.accounts = accounts;
		this.regions = regions;
		this.registration = registration;
		this.volunteers = volunteers;
		this.organizations = organizations;
		this.transaction = new TransactionTemplate(transactions);
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.accounts.usernameExists("chaoyang")) {
			return;
		}
		long started = System.nanoTime();
		Seeded seeded = this.transaction.execute((status) -> seed());
		log.info("Demo data seeded for 北京市朝阳区 in {} ms: staff usernames beijing, chaoyang, jianwai, chaowai,"
				+ " shenji, huangpu; {} volunteers, among them the demo login {}; {} and its teams, one awaiting"
				+ " review; {} service records of the last {} weeks", (System.nanoTime() - started) / 1_000_000,
				seeded.volunteers(), DEMO_VOLUNTEER, ASSOCIATION, seeded.records(), DemoHistory.WEEKS);
	}

	private Seeded seed() {
		Map<String, UUID> staff = seedStaff();
		Actor district = actorOf(staff.get("chaoyang"));
		LocalDate today = LocalDate.now(CHINA);
		Map<String, VolunteerView> people = new HashMap<>();
		for (DemoVolunteer person : volunteers(today)) {
			people.put(person.name(), register(person, district));
		}
		DemoTeams teams = seedOrganizations(district, people);
		DemoHistory history = new DemoHistory(this.activities, this.activityReviews, this.records, this.reviews,
				this.certificates, this.attendance, this.signups, this::actorOf, today);
		Map<String, UUID> projects = history.projects(teams, people, district);
		history.seals(teams, people);
		seedActivities(teams, projects, people);
		new DemoGates(this.training, this.insurance, this.activities, this.activityReviews, this::actorOf, today)
			.seed(teams, people.get("李华").accountId(), district, JIANWAI);
		new DemoPairing(this.pairings, this::actorOf, today).seed(teams.elderly(), people.get("李华"), people.get("刘淑芬"));
		int records = history.seed(teams, projects, people, district);
		history.checkInToday(teams, projects, people);
		this.timeBank.seed(people.get("李华"), people.get("刘淑芬"));
		this.rewards.seed(district, DISTRICT, people.get("李华"));
		new DemoStations(this.stations).seed(district, teams);
		UUID bulb = new DemoNeeds(this.residents, this.menus, this.needs, this::actorOf, today).seed(teams,
				people.get("李华"), people.get("刘淑芬"), staff.get("jianwai"), PASSWORD);
		this.timeBank.payForNeed(staff.get("jianwai"), people.get("李华"), bulb);
		this.emergency.seed(staff, teams, people, today);
		this.publicity.seed(staff, teams, projects, people);
		return new Seeded(people.size(), records);
	}

	private Map<String, UUID> seedStaff() {
		List<DemoStaff> staff = List.of(new DemoStaff("beijing", "北京市志愿服务联合会", Grant.operatorOf("110000")),
				new DemoStaff("chaoyang", "朝阳区志愿服务指导中心", Grant.operatorOf(DISTRICT)),
				new DemoStaff("jianwai", "建外街道志愿服务站", Grant.operatorOf(JIANWAI)),
				new DemoStaff("chaowai", "朝外街道志愿服务站", Grant.operatorOf(CHAOWAI)),
				new DemoStaff("yonganli", "永安里社区居委会", Grant.operatorOf(YONGANLI)),
				new DemoStaff("shenji", "朝阳区志愿服务督查员", Grant.auditorOf(DISTRICT)),
				new DemoStaff("huangpu", "上海市黄浦区志愿服务指导中心", Grant.operatorOf("310101")));
		Map<String, UUID> created = new HashMap<>();
		for (DemoStaff person : staff) {
			if (this.regions.exists(person.grant().scope())) {
				AccountView account = this.accounts.create(person.username(), PASSWORD, person.displayName(),
						Set.of(person.grant()), null);
				created.put(person.username(), account.id());
			}
		}
		return created;
	}

	/**
	 * Registers the volunteer, then fills in what they would add on their profile page;
	 * the district's operator confirms their qualifications, as if shown the
	 * certificates.
	 */
	private VolunteerView register(DemoVolunteer person, Actor district) {
		VolunteerView volunteer = this.registration
			.register(person.registration(PASSWORD, this.registration.terms().privacyPolicyVersion()));
		Actor self = actorOf(volunteer.accountId());
		this.volunteers.changeProfile(self, person.profile());
		person.qualifications()
			.forEach((q) -> this.volunteers.confirmQualification(district, volunteer.id(),
					this.volunteers.addQualification(self, q.name(), q.issuer(), q.expiresOn()).id()));
		if (person.reportIn() != null) {
			this.volunteers.reportToCommunity(self, person.reportIn().regionCode(), person.reportIn().communityName(),
					person.reportIn().reportedOn());
		}
		return volunteer;
	}

	private DemoTeams seedOrganizations(Actor district, Map<String, VolunteerView> people) {
		UUID association = approved(district, people.get("王建国"),
				new NewOrganization(ASSOCIATION, OrganizationType.SOCIAL_ORGANIZATION, ASSOCIATION_CREDIT_CODE,
						DISTRICT, null,
						List.of(ServiceField.COMMUNITY_SERVICE, ServiceField.ELDERLY_CARE,
								ServiceField.CIVILITY_PRACTICE, ServiceField.MAJOR_EVENTS),
						"王建国", "13800000002", "朝阳区志愿服务的枢纽型社会组织：培训志愿者，联系和支持各街道、社区和学校的志愿服务队。"));
		UUID elderly = approved(district, people.get("李华"),
				new NewOrganization(ELDERLY_TEAM, OrganizationType.COMMUNITY_TEAM, null, JIANWAI, association,
						List.of(ServiceField.ELDERLY_CARE, ServiceField.HEALTH), "李华", DEMO_VOLUNTEER,
						"为建外街道的独居和高龄老人提供助餐、陪伴聊天、健康监测和上门探访。"));
		UUID youth = approved(district, people.get("赵敏"),
				new NewOrganization(YOUTH_TEAM, OrganizationType.COMMUNITY_TEAM, null, CHAOWAI, association,
						List.of(ServiceField.COMMUNITY_SERVICE, ServiceField.CULTURE, ServiceField.ENVIRONMENT), "赵敏",
						"13800000005", "组织辖区青年参与垃圾分类宣传、社区文化活动和楼门院治理。"));
		UUID school = approved(district, people.get("郑雅琴"),
				new NewOrganization(SCHOOL_TEAM, OrganizationType.SCHOOL_TEAM, null, DISTRICT, null,
						List.of(ServiceField.EDUCATION, ServiceField.CHILD_CARE, ServiceField.CIVILITY_PRACTICE), "郑雅琴",
						"13800000009", "学生志愿者在老师带领下开展课业辅导、文明引导和博物馆讲解。"));
		// left for the review queue of chaoyang and jianwai
		this.organizations.apply(actorOf(people.get("吴国栋").accountId()),
				new NewOrganization(PENDING_TEAM, OrganizationType.COMMUNITY_TEAM, null, JIANWAI, association,
						List.of(ServiceField.DISASTER_RELIEF, ServiceField.PUBLIC_SAFETY), "吴国栋", "13800000008",
						"由退役军人和专业救援人员组成，参与应急演练、防汛值守和大型活动保障。"));

		addMembers(association, people.get("王建国"), people, MemberRole.MEMBER, "李华", "陈志强", "Emma Schmidt",
				"David Miller");
		addMembers(elderly, people.get("李华"), people, MemberRole.MEMBER, "刘淑芬", "陈志强", "吴国栋", "David Miller");
		addMembers(youth, people.get("赵敏"), people, MemberRole.ADMIN, "孙浩然");
		addMembers(youth, people.get("赵敏"), people, MemberRole.MEMBER, "周晓彤");
		addMembers(school, people.get("郑雅琴"), people, MemberRole.MEMBER, "周晓彤", "林子涵");
		this.organizations.requestToJoin(actorOf(people.get("林子涵").accountId()), youth);
		// left for the demo volunteer to accept or decline under 我的组织邀请
		this.organizations.addMember(actorOf(people.get("赵敏").accountId()), youth, people.get("李华").id(),
				MemberRole.MEMBER);
		this.organizations.warn(district, youth, "三月活动的服务时长未在活动结束后15日内录入，请及时补录并核对。");
		return new DemoTeams(association, elderly, youth, school);
	}

	/**
	 * Three activities recruiting in the coming days, with a few volunteers already
	 * signed up.
	 */
	private void seedActivities(DemoTeams teams, Map<String, UUID> projects, Map<String, VolunteerView> people) {
		LocalDate today = LocalDate.now(CHINA);
		ActivityView meals = activity(people.get("李华"),
				new NewActivity(teams.elderly(), projects.get(DemoHistory.MEALS_PROJECT), "银龄助餐：为高龄老人送餐上门",
						"每周六中午为建外街道的独居、高龄老人送餐上门，顺带陪伴聊天，了解老人近况并记录需求。", ServiceField.ELDERLY_CARE, JIANWAI,
						"建外街道社区养老服务驿站", 39.9087, 116.4445, 300, at(today.plusDays(4), 10), at(today.plusDays(4), 13),
						null, ApprovalMode.AUTO, true, RiskLevel.LOW, RecruitmentMode.REGULAR, true,
						"上门服务两人一组；组织方为全体志愿者购买志愿服务保险。", "李华", DEMO_VOLUNTEER,
						List.of(new NewActivity.NewPosition("送餐志愿者", 8, 16, null, List.of()),
								new NewActivity.NewPosition("健康监测", 2, 18, null, List.of("红十字救护员证")))));
		ActivityView sorting = activity(people.get("赵敏"),
				new NewActivity(teams.youth(), projects.get(DemoHistory.SORTING_PROJECT), "垃圾分类宣传进社区",
						"在朝外街道各小区的分类投放点值守，指导居民正确分类，发放宣传材料。", ServiceField.ENVIRONMENT, CHAOWAI, "朝外大街沿线小区", 39.9226,
						116.4337, 500, at(today.plusDays(6), 8), at(today.plusDays(6), 11), null, ApprovalMode.AUTO,
						true, RiskLevel.LOW, RecruitmentMode.REGULAR, true, null, "赵敏", null,
						List.of(new NewActivity.NewPosition("投放点值守", 12, 14, null, List.of()))));
		activity(people.get("郑雅琴"),
				new NewActivity(teams.school(), projects.get(DemoHistory.MUSEUM_PROJECT), "博物馆小小讲解员",
						"周末在区博物馆为参观的小学生讲解展品，需提前参加一次讲解培训。", ServiceField.EDUCATION, DISTRICT, "朝阳区博物馆", 39.9219,
						116.4866, 200, at(today.plusDays(10), 9), at(today.plusDays(10), 12), at(today.plusDays(8), 18),
						ApprovalMode.MANUAL, true, RiskLevel.LOW, RecruitmentMode.TARGETED, false, null, "郑雅琴", null,
						List.of(new NewActivity.NewPosition("讲解员", 6, 14, 18, List.of()))));
		signUp(people.get("刘淑芬"), meals);
		signUp(people.get("陈志强"), meals);
		signUp(people.get("周晓彤"), sorting);
		signUp(people.get("孙浩然"), sorting);
	}

	private ActivityView activity(VolunteerView admin, NewActivity activity) {
		Actor actor = actorOf(admin.accountId());
		ActivityView created = this.activities.create(actor, activity);
		return this.activities.publish(actor, created.id());
	}

	private void signUp(VolunteerView volunteer, ActivityView activity) {
		this.signups.signUp(actorOf(volunteer.accountId()), activity.id(), activity.positions().get(0).id());
	}

	private static java.time.OffsetDateTime at(LocalDate day, int hour) {
		return day.atTime(hour, 0).atZone(CHINA).toOffsetDateTime();
	}

	/**
	 * The volunteer applies, becoming the organization's admin; the district approves.
	 */
	private UUID approved(Actor district, VolunteerView applicant, NewOrganization application) {
		OrganizationView applied = this.organizations.apply(actorOf(applicant.accountId()), application);
		return this.organizations.approve(district, applied.id()).id();
	}

	/**
	 * The admin invites each volunteer and each accepts: the demo stands in for their
	 * consent.
	 */
	private void addMembers(UUID organizationId, VolunteerView admin, Map<String, VolunteerView> people,
			MemberRole role, String... names) {
		// read again: the admin grant came with the application, after registration
		Actor actor = actorOf(admin.accountId());
		for (String name : names) {
			VolunteerView volunteer = people.get(name);
			this.organizations.addMember(actor, organizationId, volunteer.id(), role);
			this.organizations.acceptInvitation(actorOf(volunteer.accountId()), organizationId);
		}
	}

	private Actor actorOf(UUID accountId) {
		return this.accounts.currentActor(accountId).orElseThrow();
	}

	/**
	 * Twelve volunteers on the two streets, born 1955 to 2008 but for a 16-year-old whose
	 * birth date follows the day of seeding so that she stays a minor with a guardian.
	 */
	static List<DemoVolunteer> volunteers(LocalDate today) {
		return List.of(
				DemoVolunteer
					.resident("李华", "370102", LocalDate.of(1988, 3, 14), Gender.FEMALE, 12, DEMO_VOLUNTEER, JIANWAI)
					.skills("急救", "组织协调")
					.categories(COMMUNITY, WORKER)
					.fields(HEALTH, ELDERLY_CARE)
					.languages("普通话", "English")
					.availability(SAT_AM, SAT_PM, SUN_AM)
					.qualification("红十字救护员证", "北京市红十字会", LocalDate.of(2028, 6, 30)),
				DemoVolunteer
					.resident("王建国", "110105", LocalDate.of(1961, 5, 18), Gender.MALE, 21, "13800000002", CHAOWAI)
					.skills("政策宣讲", "矛盾调解")
					.categories(PARTY_MEMBER, VETERAN, SENIOR)
					.fields(LAW)
					.availability(MON_AM, WED_AM, FRI_AM)
					.reportsTo(CHAOWAI, "朝外街道吉祥里社区", LocalDate.of(2024, 3, 5)),
				DemoVolunteer
					.resident("刘淑芬", "110105", LocalDate.of(1955, 9, 2), Gender.FEMALE, 48, "13800000003", YONGANLI)
					.skills("手工编织", "陪伴聊天")
					.categories(SENIOR, WOMEN, COMMUNITY)
					.fields(ELDERLY_CARE)
					.availability(TUE_AM, THU_AM)
					.emergencyContact("刘佳", "13800000103"),
				DemoVolunteer
					.resident("陈志强", "420106", LocalDate.of(1979, 11, 23), Gender.MALE, 5, "13800000004", JIANWAI)
					.skills("法律咨询", "合同审查")
					.categories(PARTY_MEMBER, WORKER)
					.fields(LAW)
					.availability(WED_EVE, SAT_PM)
					.qualification("法律职业资格证书", "中华人民共和国司法部", null)
					.reportsTo(JIANWAI, "建外街道永安里社区", LocalDate.of(2023, 6, 18)),
				DemoVolunteer
					.resident("赵敏", "110108", LocalDate.of(1995, 7, 9), Gender.FEMALE, 33, "13800000005", CHAOWAI)
					.skills("心理疏导", "活动策划")
					.categories(YOUTH, WOMEN)
					.fields(PSYCHOLOGY, SOCIAL_WORK)
					.availability(SAT_AM, SUN_PM)
					.qualification("社会工作者职业资格（中级）", "人力资源和社会保障部", null),
				DemoVolunteer
					.resident("孙浩然", "130102", LocalDate.of(2001, 4, 27), Gender.MALE, 17, "13800000006", CHAOWAI)
					.skills("摄影", "短视频剪辑")
					.categories(YOUTH, WORKER)
					.fields(INTERNET, CULTURE)
					.availability(FRI_EVE, SAT_PM, SUN_PM),
				DemoVolunteer
					.resident("周晓彤", "110105", LocalDate.of(2008, 1, 15), Gender.FEMALE, 64, "13800000007", CHAOWAI)
					.skills("英语", "钢琴")
					.categories(STUDENT, YOUTH)
					.fields(EDUCATION, ARTS)
					.languages("普通话", "English")
					.availability(SAT_AM, SUN_AM),
				DemoVolunteer
					.resident("吴国栋", "510104", LocalDate.of(1970, 2, 11), Gender.MALE, 9, "13800000008", JIANWAI)
					.skills("应急救援", "驾驶")
					.categories(VETERAN, WORKER)
					.fields(EMERGENCY_RESCUE)
					.availability(SUN_AM, SUN_PM),
				DemoVolunteer
					.resident("郑雅琴", "110105", LocalDate.of(1984, 12, 3), Gender.FEMALE, 72, "13800000009", YONGANLI)
					.skills("课业辅导", "班级管理")
					.categories(WORKER, WOMEN)
					.fields(EDUCATION)
					.availability(TUE_EVE, THU_EVE),
				DemoVolunteer
					.resident("林子涵", "110105", today.minusYears(16).minusDays(120), Gender.FEMALE, 80, "13800000010",
							CHAOWAI)
					.skills("书法", "志愿讲解")
					.categories(STUDENT, YOUTH)
					.fields(CULTURE)
					.availability(SAT_AM)
					.guardian("林伟", "13800000110",
							DemoNumbers.gb11643("110105", LocalDate.of(1981, 6, 21), Gender.MALE, 90)),
				DemoVolunteer
					.holder("Emma Schmidt", IdType.PASSPORT, "C01X00T47", LocalDate.of(1990, 8, 19), Gender.FEMALE,
							"13800000011", JIANWAI)
					.skills("德语翻译", "英语口语")
					.categories(COMMUNITY)
					.fields(LANGUAGE)
					.languages("Deutsch", "English", "普通话")
					.availability(SAT_PM),
				// a foreign permanent resident card of 2023: 9, Beijing (11), the United
				// States (840)
				DemoVolunteer
					.holder("David Miller", IdType.FOREIGN_PERMANENT_RESIDENCE_ID,
							DemoNumbers.gb11643("911840", LocalDate.of(1976, 10, 5), Gender.MALE, 3), null, null,
							"13800000012", JIANWAI)
					.skills("英语教学", "国际交流")
					.categories(COMMUNITY)
					.fields(LANGUAGE, EDUCATION)
					.languages("English", "普通话")
					.availability(SUN_PM));
	}

	record DemoStaff(String username, String displayName, Grant grant) {

	}

	/** What a run seeded: how many volunteers, and how many service records. */
	record Seeded(int volunteers, int records) {

	}

}
