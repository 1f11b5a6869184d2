package org.zhiyuan.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.zhiyuan.access.Actor;
import org.zhiyuan.commendation.CommendationView;
import org.zhiyuan.commendation.NewCommendation;
import org.zhiyuan.commendation.NominationView;
import org.zhiyuan.complaint.NewComplaint;
import org.zhiyuan.demo.DemoHistory.DemoTeams;
import org.zhiyuan.record.ServiceRecordView;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.story.NewStory;
import org.zhiyuan.story.StoryView;
import org.zhiyuan.volunteer.VolunteerView;

import org.springframework.core.io.ClassPathResource;

/**
 * Supervision, commendation and publicity in the demo district: the district's campaign
 * 年度优秀志愿者 in its public notice (two nominees, masked, one objection waiting for an
 * answer); volunteers who agreed to the honour roll beside the brand projects; two
 * published stories and one waiting for review; the elderly team's evaluations of its
 * volunteers' recent service and their ratings of the activities; a report about an
 * activity to handle; and an erasure request waiting for review. All through the
 * services, as real users would.
 */
final class DemoPublicity {

	private final DemoPublicityServices services;

	private final Function<UUID, Actor> actorOf;

	DemoPublicity(DemoPublicityServices services, Function<UUID, Actor> actorOf) {
		this.services = services;
		this.actorOf = actorOf;
	}

	void seed(Map<String, UUID> staff, DemoTeams teams, Map<String, UUID> projects, Map<String, VolunteerView> people) {
		Actor district = this.actorOf.apply(staff.get("chaoyang"));
		campaignInNotice(district, teams, people);
		for (String name : List.of("李华", "刘淑芬", "王建国", "陈志强", "赵敏")) {
			this.services.honourRoll().choose(actorOf(people.get(name)), true);
		}
		stories(district, teams, projects, people);
		evaluations(teams, people);
		this.services.complaints()
			.file(actorOf(people.get("孙浩然")), new NewComplaint("ORGANIZATION", teams.school().toString(), "SAFETY",
					"博物馆讲解活动结束得晚，学生天黑后自行回家，没有老师或家长接送，希望改进。", null), "demo-complaint-1");
		this.services.erasures()
			.request(actorOf(people.get("吴国栋")), "PROFILE", "我即将搬到外地，不再参加本区的志愿服务，请删除我的个人资料。", "demo-erasure-1");
	}

	/**
	 * The district's campaign for volunteers: 李华's team nominates 刘淑芬, the district
	 * nominates 王建国; both approved and on public notice for seven days, with one
	 * objection waiting for the district's answer.
	 */
	private void campaignInNotice(Actor district, DemoTeams teams, Map<String, VolunteerView> people) {
		CommendationView campaign = this.services.commendations()
			.create(district, new NewCommendation(DemoData.DISTRICT, "2026年度朝阳区优秀志愿者", "VOLUNTEER",
					OffsetDateTime.now(ZoneOffset.UTC).plusDays(10).toString(), 7), "demo-commendation-1");
		NominationView byTeam = this.services.commendations()
			.nominate(actorOf(people.get("李华")), campaign.id(), people.get("刘淑芬").id().toString(),
					"坚持银龄助餐三年，风雨无阻为独居老人送餐上门，累计服务时长居团队首位。", "demo-nomination-1");
		NominationView byDistrict = this.services.commendations()
			.nominate(district, campaign.id(), people.get("王建国").id().toString(),
					"退役军人、在职党员，常年在朝外街道开展政策宣讲和矛盾调解，带动二十余名老党员参与志愿服务。", "demo-nomination-2");
		this.services.commendations().review(district, byTeam.id(), "APPROVE", null);
		this.services.commendations().review(district, byDistrict.id(), "APPROVE", null);
		this.services.commendations().openNotice(district, campaign.id());
		this.services.commendations()
			.object(actorOf(people.get("周晓彤")), byDistrict.id(), "听说今年有两次宣讲活动临时取消，请核实服务时长是否属实。");
	}

	private void stories(Actor district, DemoTeams teams, Map<String, UUID> projects,
			Map<String, VolunteerView> people) {
		byte[] picture = picture();
		Actor elderlyAdmin = actorOf(people.get("李华"));
		StoryView meals = this.services.stories()
			.create(elderlyAdmin,
					new NewStory(teams.elderly().toString(), null, "三年送餐路：银龄助餐的周六", "建外街道为老服务队每周六为独居老人送餐上门，三年里一次也没有停过。",
							"每个周六上午十点，社区养老服务驿站的厨房里就热闹起来。志愿者两人一组，领上保温箱，按照路线图出发。\n\n"
									+ "八十六岁的张奶奶住在没有电梯的六楼。送餐的志愿者总会多坐一会儿，陪她说说话，看看家里的水电煤气，" + "把老人提到的困难记在本子上，回来交给社区。\n\n"
									+ "三年来，服务队累计送餐四千多份，服务老人六十余位。队长李华说：\u201C送的是一顿饭，更是一份牵挂。\u201D",
							null, projects.get(DemoHistory.MEALS_PROJECT).toString()),
					"demo-story-1");
		this.services.stories().addImage(elderlyAdmin, meals.id(), picture);
		this.services.storyReviews().submit(elderlyAdmin, meals.id());
		this.services.storyReviews().review(district, meals.id(), "PUBLISH", null);

		StoryView museum = this.services.stories()
			.create(district,
					new NewStory(null, DemoData.DISTRICT, "小小讲解员走进区博物馆", "中学生志愿者经过培训，在区博物馆为小学生讲解展品。",
							"暑假里，朝阳区某中学志愿服务队的同学们走进区博物馆，经过三次培训后正式上岗。\n\n"
									+ "他们用孩子听得懂的话讲历史故事，讲完还带着小朋友做拓印。一位家长说，孩子回家后把学到的故事讲了好几遍。",
							null, null),
					"demo-story-2");
		this.services.stories().addImage(district, museum.id(), picture);
		this.services.storyReviews().submit(district, museum.id());
		this.services.storyReviews().review(district, museum.id(), "PUBLISH", null);

		Actor youthAdmin = actorOf(people.get("赵敏"));
		StoryView sorting = this.services.stories()
			.create(youthAdmin,
					new NewStory(teams.youth().toString(), null, "垃圾分类，从每个投放点开始", "朝外街道的青年志愿者在各小区投放点值守，手把手教居民分类。",
							"早上七点到九点，是小区垃圾投放的高峰。青年志愿者站在投放点旁，提醒居民破袋投放、分类投放。\n\n" + "半年下来，试点小区的分类准确率从六成提高到九成。", null,
							projects.get(DemoHistory.SORTING_PROJECT).toString()),
					"demo-story-3");
		this.services.storyReviews().submit(youthAdmin, sorting.id());
	}

	/**
	 * 李华 rates the recent service of the elderly team's volunteers; the volunteers rate
	 * some of the activities they served.
	 */
	private void evaluations(DemoTeams teams, Map<String, VolunteerView> people) {
		Actor admin = actorOf(people.get("李华"));
		List<ServiceRecordView> recent = this.services.records()
			.countedOfOrganization(admin, teams.elderly(), PageQuery.of(0, 12))
			.items();
		String[] comments = { "守时认真，对老人很有耐心。", "主动承担爬楼送餐，值得表扬。", "记录老人需求细致，反馈及时。", null };
		int i = 0;
		for (ServiceRecordView record : recent) {
			this.services.evaluations().evaluate(admin, record.id(), (i % 4 == 3) ? 4 : 5, comments[i % 4]);
			VolunteerView volunteer = people.values()
				.stream()
				.filter((v) -> v.id().equals(record.volunteerId()))
				.findFirst()
				.orElse(null);
			if (volunteer != null && i % 2 == 0) {
				this.services.evaluations()
					.rateActivity(actorOf(volunteer), record.id(), (i % 3 == 0) ? 5 : 4,
							(i % 3 == 0) ? "分组清楚，路线图很实用。" : "希望多安排一些健康知识培训。");
			}
			i++;
		}
	}

	private Actor actorOf(VolunteerView volunteer) {
		return this.actorOf.apply(volunteer.accountId());
	}

	/** The platform's share picture, as a story's photo. */
	private static byte[] picture() {
		try {
			return new ClassPathResource("static/img/share.png").getContentAsByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
