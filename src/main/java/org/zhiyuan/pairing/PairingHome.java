package org.zhiyuan.pairing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.zhiyuan.access.Actor;
import org.zhiyuan.access.HomeContributor;
import org.zhiyuan.access.HomeQueue;
import org.zhiyuan.access.Role;
import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.Ids;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * On the home page: for operators the visits missed in their regions over the last
 * {@value #MISSED_DAYS} days, for admins those of their organizations, and for a paired
 * volunteer the visits due within {@value #DUE_DAYS} days (or overdue).
 */
@Component
@Order(70)
class PairingHome implements HomeContributor {

	static final int MISSED_DAYS = 30;

	static final int DUE_DAYS = 3;

	private final JdbcClient jdbc;

	private final PairingRepository pairings;

	private final Regions regions;

	PairingHome(JdbcClient jdbc, PairingRepository pairings, Regions regions) {
		this.jdbc = jdbc;
		this.pairings = pairings;
		this.regions = regions;
	}

	@Override
	public List<HomeQueue> queuesFor(Actor actor) {
		List<HomeQueue> queues = new ArrayList<>();
		LocalDate today = LocalDate.now(Pairings.CHINA);
		LocalDate since = today.minusDays(MISSED_DAYS);
		List<String> operated = actor.scopesOf(Role.OPERATOR).stream().sorted().toList();
		for (String region : operated) {
			long missed = this.jdbc
				.sql("SELECT COUNT(*) FROM pairing_missed_visit m JOIN pairing p ON p.id = m.pairing_id"
						+ " WHERE p.region_code LIKE :prefix AND m.due_on >= :since")
				.param("prefix", Regions.prefixOf(region) + "%")
				.param("since", since)
				.query(Long.class)
				.single();
			queues.add(HomeQueue.of("home.queue.missedVisits", missed, "/regions/" + region + "/pairings", 60)
				.withDetail((operated.size() > 1) ? this.regions.displayName(region, LocaleContextHolder.getLocale())
						: null));
		}
		for (String scope : actor.scopesOf(Role.ORG_ADMIN).stream().sorted().toList()) {
			UUID organization = Ids.parse(scope).orElse(null);
			if (organization == null) {
				continue;
			}
			long missed = this.jdbc
				.sql("SELECT COUNT(*) FROM pairing_missed_visit m JOIN pairing p ON p.id = m.pairing_id"
						+ " WHERE p.organization_id = :org AND m.due_on >= :since")
				.param("org", organization)
				.param("since", since)
				.query(Long.class)
				.single();
			if (missed > 0) {
				queues.add(HomeQueue.of("home.queue.missedVisits", missed,
						"/organizations/" + organization + "/pairings", 60));
			}
		}
		if (actor.has(Role.VOLUNTEER)) {
			List<PairingView> mine = this.pairings.pairingsVisitedBy(actor.accountId());
			if (!mine.isEmpty()) {
				long due = mine.stream().filter((p) -> !p.nextDueOn().isAfter(today.plusDays(DUE_DAYS))).count();
				queues.add(HomeQueue.of("home.queue.visitsDue", due, "/me/pairings", 15));
			}
		}
		return queues;
	}

}
