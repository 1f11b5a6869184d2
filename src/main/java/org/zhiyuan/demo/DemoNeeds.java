package org.zhiyuan.demo;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.zhiyuan.access.Actor;
import org.zhiyuan.demo.DemoHistory.DemoTeams;
import org.zhiyuan.need.MenuItemView;
import org.zhiyuan.need.MenuItems;
import org.zhiyuan.need.NeedView;
import org.zhiyuan.need.Needs;
import org.zhiyuan.need.NewMenuItem;
import org.zhiyuan.need.NewNeed;
import org.zhiyuan.need.NewResident;
import org.zhiyuan.need.ResidentView;
import org.zhiyuan.need.Residents;
import org.zhiyuan.shared.ServiceField;
import org.zhiyuan.volunteer.VolunteerView;

/**
 * The demo's residents and their needs (C12): 建外街道为老服务队's service menu, two residents of
 * 永安里社区 who sign in with their phone, and needs at every step: one ordered from the menu
 * and waiting for the team to take it, one dispatched by the street's operator and
 * waiting for a volunteer, one accepted by 刘淑芬, and one she served three days ago, which
 * its resident rated.
 */
final class DemoNeeds {

	/** The phone of the demo resident documented as a sign-in (张桂兰). */
	static final String DEMO_RESIDENT = "13700000001";

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final Residents residents;

	private final MenuItems menus;

	private final Needs needs;

	private final Function<UUID, Actor> actorOf;

	private final LocalDate today;

	DemoNeeds(Residents residents, MenuItems menus, Needs needs, Function<UUID, Actor> actorOf, LocalDate today) {
		this.residents = residents;
		this.menus = menus;
		this.needs = needs;
		this.actorOf = actorOf;
		this.today = today;
	}

	/** Seeds the menu, residents and needs; returns the open need that hours pay for. */
	UUID seed(DemoTeams teams, VolunteerView admin, VolunteerView server, UUID streetOperator, String password) {
		Actor lihua = this.actorOf.apply(admin.accountId());
		MenuItemView meals = this.menus.create(lihua, teams.elderly(), new NewMenuItem("上门助餐",
				ServiceField.ELDERLY_CARE, "每天中午把社区食堂的午餐送到独居、高龄老人家中，可按需做软烂。", List.of(DemoData.JIANWAI)));
		this.menus.create(lihua, teams.elderly(),
				new NewMenuItem("陪同就医", ServiceField.HEALTH, "陪同行动不便的老人去社区卫生服务中心或医院就诊、取药。", List.of(DemoData.JIANWAI)));
		ResidentView zhang = this.residents
			.register(new NewResident("张桂兰", DEMO_RESIDENT, password, DemoData.YONGANLI));
		ResidentView sun = this.residents.register(new NewResident("孙德明", "13700000002", password, DemoData.YONGANLI));
		Actor zhangActor = this.actorOf.apply(zhang.accountId());
		Actor sunActor = this.actorOf.apply(sun.accountId());
		Actor operator = this.actorOf.apply(streetOperator);
		Actor volunteer = this.actorOf.apply(server.accountId());

		OffsetDateTime tomorrow = this.today.plusDays(1).atTime(11, 0).atZone(CHINA).toOffsetDateTime();
		this.needs.submit(
				zhangActor, new NewNeed(meals.id(), null, "牙口不好，饭菜请做软一些。", null, DemoData.YONGANLI,
						"永安里东街 5 号楼 2 单元 301", 39.9076, 116.4461, tomorrow, tomorrow.plusHours(1), null),
				"demo-need-meals");
		NeedView bulb = this.needs.submit(zhangActor,
				new NewNeed(null, "更换卫生间灯泡", "卫生间灯泡坏了，够不着，需要有人帮忙换一下。", ServiceField.COMMUNITY_SERVICE,
						DemoData.YONGANLI, "永安里东街 5 号楼 2 单元 301", 39.9076, 116.4461, tomorrow.plusHours(3),
						tomorrow.plusHours(6), null),
				"demo-need-bulb");
		this.needs.dispatch(operator, bulb.id(), teams.elderly());
		NeedView clinic = this.needs.submit(sunActor,
				new NewNeed(null, "陪同去社区医院复查", "周五上午复查血压，需要有人陪同并帮忙取药。", ServiceField.HEALTH, DemoData.YONGANLI,
						"永安里西街 12 号楼 1 单元 502", 39.9069, 116.4438, tomorrow.plusDays(1).minusHours(2),
						tomorrow.plusDays(1).plusHours(1), null),
				"demo-need-clinic");
		this.needs.dispatch(operator, clinic.id(), teams.elderly());
		this.needs.accept(volunteer, clinic.id(), null);
		OffsetDateTime served = this.today.minusDays(3).atTime(16, 0).atZone(CHINA).toOffsetDateTime();
		NeedView medicine = this.needs.submit(sunActor,
				new NewNeed(null, "代买降压药", "常用的降压药吃完了，请帮忙去药店买两盒。", ServiceField.ELDERLY_CARE, DemoData.YONGANLI,
						"永安里西街 12 号楼 1 单元 502", 39.9069, 116.4438, served.minusHours(2),
						OffsetDateTime.now(ZoneOffset.UTC).plusHours(2).truncatedTo(ChronoUnit.HOURS), null),
				"demo-need-medicine");
		this.needs.dispatch(operator, medicine.id(), teams.elderly());
		this.needs.accept(volunteer, medicine.id(), null);
		this.needs.complete(volunteer, medicine.id(), served, served.plusMinutes(90), "demo-need-medicine-done");
		this.needs.rate(sunActor, medicine.id(), 5, "刘大姐很细心，还帮我把药按天分好了。");
		return bulb.id();
	}

}
