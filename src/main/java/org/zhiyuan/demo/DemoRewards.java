package org.zhiyuan.demo;

import java.util.UUID;
import java.util.function.Function;

import org.zhiyuan.access.Actor;
import org.zhiyuan.points.NewReward;
import org.zhiyuan.points.OfferedReward;
import org.zhiyuan.points.Points;
import org.zhiyuan.points.Redemptions;
import org.zhiyuan.points.Rewards;
import org.zhiyuan.volunteer.VolunteerView;

/**
 * The rewards catalogue of 朝阳区: a health check offered by the platform and two thank-you
 * benefits of partner merchants; 李华, whose service earned points, redeems a book voucher
 * and holds its code.
 */
final class DemoRewards {

	private final Rewards rewards;

	private final Redemptions redemptions;

	private final Points points;

	private final Function<UUID, Actor> actors;

	DemoRewards(Rewards rewards, Redemptions redemptions, Points points, Function<UUID, Actor> actors) {
		this.rewards = rewards;
		this.redemptions = redemptions;
		this.points = points;
		this.actors = actors;
	}

	void seed(Actor district, String districtCode, VolunteerView redeemer) {
		this.rewards.offer(district,
				new NewReward(districtCode, "志愿者健康体检套餐", "三甲医院体检中心基础体检一次，凭兑换码预约。", null, 300, 30, 1, null));
		OfferedReward books = this.rewards.offer(district,
				new NewReward(districtCode, "图书兑换券（50 元）", "在合作书店任选图书，抵 50 元。", "建外社区书店", 50, 100, 2, null));
		this.rewards.offer(district, new NewReward(districtCode, "朝阳公园年票", "一年内不限次数入园。", "朝阳公园管理处", 200, 10, 1, null));
		Actor volunteer = this.actors.apply(redeemer.accountId());
		if (this.points.mine(volunteer).balance() >= books.reward().price()) {
			this.redemptions.redeem(volunteer, books.reward().id(), "demo-books");
		}
	}

}
