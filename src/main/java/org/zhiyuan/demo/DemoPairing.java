package org.zhiyuan.demo;

import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Function;

import org.zhiyuan.access.Actor;
import org.zhiyuan.pairing.NewBeneficiary;
import org.zhiyuan.pairing.NewPairing;
import org.zhiyuan.pairing.PairingView;
import org.zhiyuan.pairing.Pairings;
import org.zhiyuan.pairing.VisitCheckIn;
import org.zhiyuan.volunteer.VolunteerView;

/**
 * One pairing (结对) of 建外街道: an elderly man living alone, registered by the admin of
 * 建外街道为老服务队 and paired with 刘淑芬 for a weekly visit, which she logged at his home on the
 * day of seeding.
 */
final class DemoPairing {

	/** The home in 建外街道, near the community elderly-care station. */
	static final double LAT = 39.9079;

	static final double LNG = 116.4452;

	private final Pairings pairings;

	private final Function<UUID, Actor> actors;

	private final LocalDate today;

	DemoPairing(Pairings pairings, Function<UUID, Actor> actors, LocalDate today) {
		this.pairings = pairings;
		this.actors = actors;
		this.today = today;
	}

	void seed(UUID team, VolunteerView admin, VolunteerView volunteer) {
		Actor teamAdmin = this.actors.apply(admin.accountId());
		UUID beneficiary = this.pairings
			.register(teamAdmin,
					new NewBeneficiary(DemoData.JIANWAI, team, "张德明", "ELDERLY_LIVING_ALONE", "MALE", 1938,
							"建外街道建国门外大街某小区 3 号楼 2 单元 502", LAT, LNG, "13800000188", "独居，耳背，子女在外地；每周上门测血压、陪聊，留意用药。",
							"张晓东", this.today.minusDays(30)))
			.id();
		PairingView pairing = this.pairings.pair(teamAdmin,
				new NewPairing(beneficiary, team, volunteer.id(), "WEEKLY", this.today.minusDays(7), 200));
		this.pairings.visit(this.actors.apply(volunteer.accountId()), pairing.id(),
				new VisitCheckIn(LAT + 0.0002, LNG, 12.0, "血压 132/84，精神不错，帮忙收拾了厨房。", null), null);
	}

}
