package org.zhiyuan.demo;

import java.math.BigDecimal;
import java.util.UUID;
import java.util.function.Function;

import org.zhiyuan.access.Actor;
import org.zhiyuan.timebank.RelativeView;
import org.zhiyuan.timebank.Relatives;
import org.zhiyuan.timebank.TimeAccounts;
import org.zhiyuan.timebank.TimeGifts;
import org.zhiyuan.timebank.TimeServices;
import org.zhiyuan.volunteer.VolunteerView;

/**
 * The time bank of the demo: the elderly-care activities are deposited, so their
 * volunteers hold hours; 李华 named 刘淑芬 as her mother, who confirmed, and gave her two of
 * her hours (or what she held, if less).
 */
final class DemoTimeBank {

	private static final BigDecimal GIFT = new BigDecimal("2.00");

	private final Relatives relatives;

	private final TimeGifts gifts;

	private final TimeAccounts accounts;

	private static final BigDecimal NEED_HOURS = new BigDecimal("2.00");

	private final TimeServices services;

	private final Function<UUID, Actor> actors;

	DemoTimeBank(Relatives relatives, TimeGifts gifts, TimeAccounts accounts, TimeServices services,
			Function<UUID, Actor> actors) {
		this.services = services;
		this.relatives = relatives;
		this.gifts = gifts;
		this.accounts = accounts;
		this.actors = actors;
	}

	/**
	 * The street's operator holds two of the volunteer's hours for a neighbour's open
	 * need, spent when it is done.
	 */
	void payForNeed(UUID operatorAccount, VolunteerView payer, UUID needId) {
		if (this.accounts.mine(this.actors.apply(payer.accountId())).balance().compareTo(NEED_HOURS) >= 0) {
			this.services.order(this.actors.apply(operatorAccount), payer.id(), NEED_HOURS, "更换卫生间灯泡（为邻居张桂兰付时间）",
					needId, "demo-need-bulb-hours");
		}
	}

	void seed(VolunteerView daughter, VolunteerView mother) {
		Actor giver = this.actors.apply(daughter.accountId());
		RelativeView declared = this.relatives.declare(giver, mother.volunteerNumber(), mother.name(), "PARENT");
		this.relatives.confirm(this.actors.apply(mother.accountId()), declared.id());
		BigDecimal balance = this.accounts.mine(giver).balance();
		BigDecimal hours = balance.min(GIFT);
		if (hours.signum() > 0) {
			this.gifts.give(giver, mother.id(), hours, "妈妈，留着以后请人上门帮忙。", null);
			// the mother uses an hour for a home visit, held until it is done
			Actor she = this.actors.apply(mother.accountId());
			if (this.accounts.mine(she).balance().compareTo(BigDecimal.ONE) >= 0) {
				this.services.order(she, null, BigDecimal.ONE, "上门助浴一次", "demo-bath");
			}
		}
	}

}
