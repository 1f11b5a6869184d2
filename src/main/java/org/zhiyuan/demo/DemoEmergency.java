package org.zhiyuan.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.zhiyuan.access.Actor;
import org.zhiyuan.emergency.Answer;
import org.zhiyuan.emergency.AssemblyPoint;
import org.zhiyuan.emergency.EmergencyPlans;
import org.zhiyuan.emergency.PlanFields;
import org.zhiyuan.emergency.DutyRosters;
import org.zhiyuan.emergency.EmergencyProfiles;
import org.zhiyuan.emergency.EmergencyProfiles.QualificationGiven;
import org.zhiyuan.emergency.EmergencyTeams;
import org.zhiyuan.emergency.GeoPoint;
import org.zhiyuan.emergency.MobilizationAnswers;
import org.zhiyuan.emergency.MobilizationCommand;
import org.zhiyuan.emergency.Mobilizations;
import org.zhiyuan.emergency.NewMobilization;
import org.zhiyuan.emergency.NewMobilization.NeedRequest;
import org.zhiyuan.organization.MemberRole;
import org.zhiyuan.organization.NewOrganization;
import org.zhiyuan.organization.OrganizationType;
import org.zhiyuan.organization.Organizations;
import org.zhiyuan.shared.ServiceField;
import org.zhiyuan.volunteer.VolunteerView;

/**
 * Emergency volunteering in the demo: a team of each tier — 北京市应急志愿服务总队 (city, approved
 * by the city's operator), 朝阳区志愿者协会 as the district's 支队 and 朝外街道青年志愿服务队 as a street's 大队
 * — the emergency profiles of five volunteers near their homes, this week's duty roster
 * of the street team, and an open drill (应急疏散演练) of the district: 陈志强 and 吴国栋 accepted,
 * 陈志强 arrived and leads the first-aid group, and the demo volunteer 李华 has yet to answer.
 */
final class DemoEmergency {

	static final String CITY_TEAM = "北京市应急志愿服务总队";

	static final String DRILL = "朝外大街应急疏散演练";

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	/** 朝外大街, the drill's scene and assembly point. */
	private static final double LAT = 39.9226;

	private static final double LNG = 116.4337;

	private final Organizations organizations;

	private final EmergencyTeams teams;

	private final EmergencyProfiles profiles;

	private final DutyRosters duty;

	private final Mobilizations mobilizations;

	private final MobilizationAnswers answers;

	private final MobilizationCommand command;

	private final EmergencyPlans plans;

	private final Function<UUID, Actor> actors;

	DemoEmergency(Organizations organizations, EmergencyTeams teams, EmergencyProfiles profiles, DutyRosters duty,
			Mobilizations mobilizations, MobilizationAnswers answers, MobilizationCommand command, EmergencyPlans plans,
			Function<UUID, Actor> actors) {
		this.plans = plans;
		this.organizations = organizations;
		this.teams = teams;
		this.profiles = profiles;
		this.duty = duty;
		this.mobilizations = mobilizations;
		this.answers = answers;
		this.command = command;
		this.actors = actors;
	}

	void seed(Map<String, UUID> staff, DemoHistory.DemoTeams demoTeams, Map<String, VolunteerView> people,
			LocalDate today) {
		Actor city = this.actors.apply(staff.get("beijing"));
		Actor district = this.actors.apply(staff.get("chaoyang"));
		VolunteerView wang = people.get("王建国");
		UUID cityTeam = this.organizations.apply(this.actors.apply(wang.accountId()),
				new NewOrganization(CITY_TEAM, OrganizationType.COMMUNITY_TEAM, null, "110000", null,
						List.of(ServiceField.DISASTER_RELIEF, ServiceField.PUBLIC_SAFETY), "王建国", "13800000002",
						"全市应急志愿服务的总队：组织防汛、抗震、消防和大型活动保障的应急志愿者，开展培训和演练。"))
			.id();
		this.organizations.approve(city, cityTeam);
		Actor wangNow = this.actors.apply(wang.accountId());
		for (String name : List.of("吴国栋", "陈志强")) {
			this.organizations.addMember(wangNow, cityTeam, people.get(name).id(), MemberRole.MEMBER);
			this.organizations.acceptInvitation(this.actors.apply(people.get(name).accountId()), cityTeam);
		}
		this.teams.mark(city, cityTeam, "CITY");
		this.teams.mark(district, demoTeams.association(), "DISTRICT");
		this.teams.mark(district, demoTeams.youth(), "STREET");

		String inAYear = today.plusYears(1).toString();
		profile(people.get("陈志强"), 39.9101, 116.4502, "HIGH", List.of(new QualificationGiven("FIRST_AID", inAYear)));
		profile(people.get("吴国栋"), 39.9068, 116.4471, "HIGH", List.of(new QualificationGiven("RESCUE", inAYear),
				new QualificationGiven("DRIVING", today.plusYears(3).toString())));
		profile(people.get("李华"), 39.9087, 116.4445, "NORMAL", List.of(new QualificationGiven("FIRST_AID", inAYear)));
		profile(people.get("赵敏"), 39.9240, 116.4320, "NORMAL", List.of());
		profile(people.get("孙浩然"), 39.9251, 116.4352, "HIGH",
				List.of(new QualificationGiven("COMMUNICATIONS", inAYear)));

		// the street team's duty this week: 孙浩然 by day, 赵敏 by night, taking turns
		Actor leader = this.actors.apply(people.get("赵敏").accountId());
		for (int i = 0; i < 7; i++) {
			String day = today.plusDays(i).toString();
			boolean even = i % 2 == 0;
			this.duty.assign(leader, demoTeams.youth(), day, "DAY", people.get(even ? "孙浩然" : "赵敏").id());
			this.duty.assign(leader, demoTeams.youth(), day, "NIGHT", people.get(even ? "赵敏" : "孙浩然").id());
		}

		// the district's flood plan: its 支队 and the street's 大队 first, two assembly
		// points
		this.plans.create(district, DemoData.DISTRICT,
				new PlanFields("朝阳区城区内涝应急预案", "FLOOD", "暴雨红色预警或下穿立交积水超过 30 厘米时启用：转移群众、交通疏导、临时安置点服务。", 8,
						List.of(new NeedRequest("急救", 4, "FIRST_AID"), new NeedRequest("交通疏导", 10, null),
								new NeedRequest("驾驶", 2, "DRIVING", true)),
						List.of(demoTeams.association(), demoTeams.youth()),
						List.of(new AssemblyPoint("朝阳区应急管理局北门", 39.9219, 116.4433),
								new AssemblyPoint("朝外大街地铁站 A 口", LAT, LNG))),
				"demo-flood-plan");

		UUID drill = this.mobilizations
			.launch(district,
					new NewMobilization(DemoData.DISTRICT, DRILL, new GeoPoint(LAT, LNG), new BigDecimal("5"),
							OffsetDateTime.now(CHINA).plusHours(1).withSecond(0).withNano(0), "朝外大街地铁站 A 口",
							new GeoPoint(LAT, LNG),
							List.of(new NeedRequest("急救", 2, "FIRST_AID"), new NeedRequest("疏散引导", 3, null)), true,
							demoTeams.association(), null),
					"demo-drill")
			.id();
		VolunteerView chen = people.get("陈志强");
		this.answers.answer(this.actors.apply(chen.accountId()), drill, Answer.ACCEPT);
		this.answers.answer(this.actors.apply(people.get("吴国栋").accountId()), drill, Answer.ACCEPT);
		this.answers.muster(this.actors.apply(chen.accountId()), drill, new GeoPoint(LAT + 0.0008, LNG), null);
		this.command.formGroup(district, drill, "救护组", "在地铁站 A 口设立临时救护点，照看疏散中的老人和孩子", chen.id(), List.of(chen.id()));
	}

	private void profile(VolunteerView volunteer, double lat, double lng, String readiness,
			List<QualificationGiven> qualifications) {
		this.profiles.change(this.actors.apply(volunteer.accountId()), lat, lng, readiness, qualifications);
	}

}
