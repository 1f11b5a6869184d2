package org.zhiyuan.access;

import java.util.UUID;

import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.ProblemException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The one place that decides scope. An actor may read an object when it is their own,
 * when they administer one of its organizations, or when they operate or audit a region
 * that contains it; they may manage it on the same terms except that auditors only read.
 * An operator of 110105 sees nothing of 310101.
 */
@Service
public class AccessPolicy {

	private final Regions regions;

	private final ApplicationEventPublisher events;

	public AccessPolicy(Regions regions, ApplicationEventPublisher events) {
		this.regions = regions;
		this.events = events;
	}

	public boolean allows(Actor actor, Access access, ScopedObject object) {
		if (actor == null) {
			return false;
		}
		if (object.ownerAccountId() != null && object.ownerAccountId().equals(actor.accountId())) {
			return true;
		}
		for (Grant grant : actor.grants()) {
			if (grant.role() == Role.ORG_ADMIN
					&& object.organizationIds().stream().map(UUID::toString).anyMatch(grant.scope()::equals)) {
				return true;
			}
			if (grant.role() == Role.OPERATOR && this.regions.covers(grant.scope(), object.regionCode())) {
				return true;
			}
			if (grant.role() == Role.AUDITOR && access == Access.READ
					&& this.regions.covers(grant.scope(), object.regionCode())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Checks access to another person's data and records the decision in the audit log;
	 * refuses with a 403 when it is not allowed.
	 */
	public void check(Actor actor, Access access, ScopedObject object) {
		boolean allowed = allows(actor, access, object);
		boolean own = actor != null && actor.accountId().equals(object.ownerAccountId());
		if (!own) {
			this.events.publishEvent(new PersonalDataAccessed((actor != null) ? actor.accountId() : null, access,
					object.type(), object.id(), object.regionCode(), allowed, object.ownerAccountId()));
		}
		if (!allowed) {
			throw ProblemException.forbidden("problem.forbidden.object");
		}
	}

	/** Whether the actor operates (manages) the region or one that contains it. */
	public boolean operates(Actor actor, String regionCode) {
		return actor != null
				&& actor.scopesOf(Role.OPERATOR).stream().anyMatch((scope) -> this.regions.covers(scope, regionCode));
	}

	/** Whether the actor may read the region's data: as its operator or its auditor. */
	public boolean oversees(Actor actor, String regionCode) {
		return actor != null
				&& actor.readableRegions().stream().anyMatch((scope) -> this.regions.covers(scope, regionCode));
	}

	public void requireOperatorOf(Actor actor, String regionCode) {
		if (!operates(actor, regionCode)) {
			throw ProblemException.forbidden("problem.forbidden.region");
		}
	}

}
