package org.zhiyuan.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.zhiyuan.access.Actor;
import org.zhiyuan.activity.Activities;
import org.zhiyuan.activity.ActivityReviews;
import org.zhiyuan.activity.ActivityStatus;
import org.zhiyuan.activity.ActivityView;
import org.zhiyuan.activity.ApprovalMode;
import org.zhiyuan.activity.NewActivity;
import org.zhiyuan.activity.RecruitmentMode;
import org.zhiyuan.activity.ReviewDecision;
import org.zhiyuan.activity.RiskLevel;
import org.zhiyuan.demo.DemoHistory.DemoTeams;
import org.zhiyuan.insurance.InsurancePolicies;
import org.zhiyuan.insurance.NewPolicy;
import org.zhiyuan.shared.ServiceField;
import org.zhiyuan.training.Courses;
import org.zhiyuan.training.Courses.NewCourse;
import org.zhiyuan.training.Courses.NewQualification;
import org.zhiyuan.training.Courses.NewSession;

/**
 * The gates before anyone serves, each shown once, through the same services as real
 * users: a first-aid course of the elders' team with a session next week, granting the
 * 红十字救护员证 that the meal round's health-check position asks for; the team's accident
 * insurance policy; and a high-risk activity (a riverside patrol in the flood season)
 * published under that policy, which waits for the district's review and is approved by
 * the operator.
 */
final class DemoGates {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	static final String FIRST_AID = "红十字救护员证";

	private final Courses training;

	private final InsurancePolicies insurance;

	private final Activities activities;

	private final ActivityReviews reviews;

	private final Function<UUID, Actor> actors;

	private final LocalDate today;

	DemoGates(Courses training, InsurancePolicies insurance, Activities activities, ActivityReviews reviews,
			Function<UUID, Actor> actors, LocalDate today) {
		this.training = training;
		this.insurance = insurance;
		this.activities = activities;
		this.reviews = reviews;
		this.actors = actors;
		this.today = today;
	}

	/**
	 * @param teams the demo's organizations
	 * @param elderlyAdmin the account of the elders' team's admin
	 * @param district the district operator who reviews
	 * @param regionCode the street of the course and the patrol
	 * @return the high-risk activity, recruiting after its review
	 */
	ActivityView seed(DemoTeams teams, UUID elderlyAdmin, Actor district, String regionCode) {
		Actor admin = this.actors.apply(elderlyAdmin);
		var course = this.training.createCourse(admin,
				new NewCourse(teams.elderly(), null, "红十字救护员培训",
						"心肺复苏（CPR）、AED 使用、创伤止血包扎与常见急症处置，理论与实操考核合格后取得红十字救护员证，有效期三年。", new BigDecimal("16"),
						new NewQualification("RED_CROSS_FIRST_AID", FIRST_AID, 36), List.of("王立新")));
		this.training.addSession(admin, course.id(), new NewSession(at(this.today.plusDays(8), 9),
				at(this.today.plusDays(8), 17), regionCode, "建外街道社区卫生服务中心三楼培训室", 30, "王立新"));
		this.insurance.create(admin, new NewPolicy(teams.elderly(), "中国人民财产保险股份有限公司北京市分公司", "PICC-DEMO-2026-0001",
				this.today.minusDays(30), this.today.plusDays(335), "志愿者团体意外险：意外身故、伤残 50 万元，意外医疗 5 万元"));
		ActivityView patrol = this.activities.create(admin,
				new NewActivity(teams.elderly(), null, "汛期河道巡查", "沿通惠河建外段巡查护栏、警示牌和积水点，发现险情立即上报街道防汛办；两人一组，穿救生衣。",
						ServiceField.PUBLIC_SAFETY, regionCode, "通惠河建外段（大望桥至东便门）", 39.9058, 116.4512, 500,
						at(this.today.plusDays(5), 8), at(this.today.plusDays(5), 12), null, ApprovalMode.AUTO, true,
						RiskLevel.HIGH, RecruitmentMode.REGULAR, false, "临水作业：全程穿救生衣，两人一组；组织方已为全体上岗志愿者投保团体意外险。", "李华",
						null, List.of(new NewActivity.NewPosition("巡查员", 10, 18, 65, List.of()))));
		// published under the policy, it waits for the district's review (HIGH_RISK by
		// default), which the operator gives; a region that asks for no review lets it
		// recruit at once
		ActivityView published = this.activities.publish(admin, patrol.id());
		return (published.status() == ActivityStatus.PENDING_REVIEW)
				? this.reviews.review(district, patrol.id(), ReviewDecision.APPROVE, null) : published;
	}

	private static OffsetDateTime at(LocalDate day, int hour) {
		return day.atTime(hour, 0).atZone(CHINA).toOffsetDateTime();
	}

}
