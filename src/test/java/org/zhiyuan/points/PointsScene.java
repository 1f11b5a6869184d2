package org.zhiyuan.points;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
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
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.Fixtures;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;

import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Named steps for scenes of points and rewards: activities that took place (regular or
 * emergency), records written by the team's admin and amended, points given straight to a
 * volunteer's ledger (for scenes about spending), and rewards offered by an operator.
 */
final class PointsScene {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final Fixtures fixtures;

	private final Activities activities;

	private final PointLedger ledger;

	private final TransactionTemplate transaction;

	private final Actor historian;

	PointsScene(Fixtures fixtures, Activities activities, PointLedger ledger, TransactionTemplate transaction,
			String province) {
		this.fixtures = fixtures;
		this.activities = activities;
		this.ledger = ledger;
		this.transaction = transaction;
		this.historian = new Actor(UUID.randomUUID(), "historian", "historian", Set.of(Grant.operatorOf(province)));
	}

	/** An activity that took place days ago, 08:00 to 20:00, recruited as given. */
	ActivityView activity(Team team, String regionCode, RecruitmentMode mode, int daysAgo) {
		OffsetDateTime start = LocalDate.now(CHINA).minusDays(daysAgo).atTime(8, 0).atZone(CHINA).toOffsetDateTime();
		return this.activities.recordPast(this.historian,
				new NewActivity(team.id(), null, "积分测试活动 " + Fixtures.uniqueUsername(""), "线下开展的志愿服务。",
						ServiceField.ELDERLY_CARE, regionCode, "服务站", 43.8, 87.6, 300, start, start.plusHours(12), null,
						ApprovalMode.AUTO, false, RiskLevel.LOW, mode, false, null, "王芳", null,
						List.of(new NewActivity.NewPosition("志愿者", 50, 18, null, List.of()))),
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

	/** A lot of points straight into the volunteer's ledger, valid for the months. */
	void grant(UUID volunteerId, String regionCode, int points, int validMonths) {
		this.transaction.executeWithoutResult((status) -> {
			this.ledger.lock(volunteerId);
			this.ledger.issue(volunteerId, null, regionCode, 10, points, validMonths);
		});
	}

	/** A reward offered by the operator through the API; returns the answer's JSON. */
	static tools.jackson.databind.JsonNode offer(Api operator, String regionCode, String title, int price, int stock,
			Integer perPerson, String merchant) {
		java.util.Map<String, Object> body = new java.util.HashMap<>(
				Map.of("regionCode", regionCode, "title", title, "price", price, "stock", stock));
		if (perPerson != null) {
			body.put("perPerson", perPerson);
		}
		if (merchant != null) {
			body.put("merchant", merchant);
		}
		Response response = operator.post("/api/v1/rewards", body);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json();
	}

}
