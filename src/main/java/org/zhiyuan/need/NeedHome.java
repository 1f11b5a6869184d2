package org.zhiyuan.need;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.zhiyuan.access.Actor;
import org.zhiyuan.access.HomeContributor;
import org.zhiyuan.access.HomeQueue;
import org.zhiyuan.access.Role;
import org.zhiyuan.shared.Ids;
import org.zhiyuan.volunteer.Volunteers;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On the home page: a resident's open needs, an operator's dispatch queue (needs waiting
 * or late in each region they operate), an organization admin's incoming needs, and a
 * volunteer's needs to accept.
 */
@Component
@Order(60)
class NeedHome implements HomeContributor {

	private final Needs needs;

	private final Residents residents;

	private final Volunteers volunteers;

	NeedHome(Needs needs, Residents residents, Volunteers volunteers) {
		this.needs = needs;
		this.residents = residents;
		this.volunteers = volunteers;
	}

	@Override
	public List<HomeQueue> queuesFor(Actor actor) {
		List<HomeQueue> queues = new ArrayList<>();
		if (actor.has(Role.RESIDENT)) {
			this.residents.ofAccount(actor.accountId())
				.ifPresent((resident) -> queues
					.add(HomeQueue.of("home.queue.myNeeds", this.needs.openOfResident(resident.id()), "/me/needs", 5)));
		}
		for (String region : actor.scopesOf(Role.OPERATOR)) {
			queues.add(HomeQueue.of("home.queue.needDispatch", this.needs.waitingInRegion(region),
					"/needs/queue?regionCode=" + region, 25));
		}
		for (String scope : actor.scopesOf(Role.ORG_ADMIN)) {
			for (UUID organization : Ids.parse(scope).stream().toList()) {
				queues.add(HomeQueue.of("home.queue.incomingNeeds", this.needs.waitingForOrganization(organization),
						"/organizations/" + organization + "/needs", 26));
			}
		}
		if (actor.has(Role.VOLUNTEER)) {
			this.volunteers.findByAccount(actor.accountId()).ifPresent((volunteer) -> {
				long open = this.needs.openFor(volunteer.id());
				if (open > 0) {
					queues.add(HomeQueue.of("home.queue.needsToAccept", open, "/me/needs/accept", 27));
				}
			});
		}
		return queues;
	}

}
