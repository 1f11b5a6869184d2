package org.zhiyuan.organization;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.zhiyuan.access.Actor;
import org.zhiyuan.access.HomeContributor;
import org.zhiyuan.access.HomeFigure;
import org.zhiyuan.access.HomeQueue;
import org.zhiyuan.access.Role;
import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.Ids;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * On the home page: how many organizations are active; for operators the applications
 * waiting for review in their regions (a district's operator sees its streets'), for
 * admins the join requests to their organizations, and for volunteers the invitations
 * waiting for their answer.
 */
@Component
@Order(20)
class OrganizationHome implements HomeContributor {

	private final JdbcClient jdbc;

	private final Regions regions;

	OrganizationHome(JdbcClient jdbc, Regions regions) {
		this.jdbc = jdbc;
		this.regions = regions;
	}

	@Override
	public List<HomeFigure> figures() {
		long active = this.jdbc.sql("SELECT COUNT(*) FROM organization WHERE status = 'ACTIVE'")
			.query(Long.class)
			.single();
		return List.of(HomeFigure.count("home.figure.organizations", active, 20));
	}

	@Override
	public List<HomeQueue> queuesFor(Actor actor) {
		List<HomeQueue> queues = new ArrayList<>();
		List<String> operated = actor.scopesOf(Role.OPERATOR).stream().sorted().toList();
		for (String region : operated) {
			long pending = this.jdbc
				.sql("SELECT COUNT(*) FROM organization WHERE status = 'PENDING' AND region_code LIKE :region")
				.param("region", Regions.prefixOf(region) + "%")
				.query(Long.class)
				.single();
			HomeQueue queue = HomeQueue.of("home.queue.applications", pending,
					"/organizations/review?regionCode=" + region, 20);
			queues.add((operated.size() > 1) ? queue.withDetail(regionName(region)) : queue);
		}
		Set<UUID> administered = actor.scopesOf(Role.ORG_ADMIN)
			.stream()
			.flatMap((scope) -> Ids.parse(scope).stream())
			.collect(Collectors.toSet());
		if (!administered.isEmpty()) {
			long requests = this.jdbc
				.sql("SELECT COUNT(*) FROM organization_member WHERE status = 'PENDING'"
						+ " AND organization_id IN (:organizations)")
				.param("organizations", administered)
				.query(Long.class)
				.single();
			String link = (administered.size() == 1) ? "/organizations/" + administered.iterator().next()
					: "/organizations/mine";
			queues.add(HomeQueue.of("home.queue.joinRequests", requests, link, 30));
		}
		long invitations = this.jdbc
			.sql("SELECT COUNT(*) FROM organization_member m JOIN volunteer v ON v.id = m.volunteer_id"
					+ " WHERE v.account_id = :account AND m.status = 'INVITED'")
			.param("account", actor.accountId())
			.query(Long.class)
			.single();
		if (invitations > 0) {
			// a volunteer's own to-do shows only when there is one
			queues.add(HomeQueue.of("home.queue.invitations", invitations, "/me/invitations", 5));
		}
		return queues;
	}

	private String regionName(String code) {
		// the home page is rendered in the request's language
		return this.regions.displayName(code, LocaleContextHolder.getLocale());
	}

}
