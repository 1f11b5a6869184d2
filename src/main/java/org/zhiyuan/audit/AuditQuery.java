package org.zhiyuan.audit;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Filters of an audit log search; {@code null} means "any". {@code actionPrefixes} keeps
 * entries whose action starts with one of them, less {@code excludedActions};
 * {@code actorIds} keeps entries by one of these actors (empty: none).
 */
public record AuditQuery(String action, UUID actorId, String objectType, String objectId, OffsetDateTime from,
		OffsetDateTime to, Collection<String> actionPrefixes, Collection<String> excludedActions,
		Collection<UUID> actorIds) {

	public AuditQuery(String action, UUID actorId, String objectType, String objectId, OffsetDateTime from,
			OffsetDateTime to) {
		this(action, actorId, objectType, objectId, from, to, null, null, null);
	}

	public static AuditQuery any() {
		return new AuditQuery(null, null, null, null, null, null);
	}

	/**
	 * This query narrowed to actions starting with one of the prefixes, less the excluded
	 * ones.
	 */
	public AuditQuery withActions(Collection<String> prefixes, Collection<String> excluded) {
		return new AuditQuery(this.action, this.actorId, this.objectType, this.objectId, this.from, this.to,
				List.copyOf(prefixes), List.copyOf(excluded), this.actorIds);
	}

	/** This query narrowed to entries by one of these actors. */
	public AuditQuery byActors(Collection<UUID> ids) {
		return new AuditQuery(this.action, this.actorId, this.objectType, this.objectId, this.from, this.to,
				this.actionPrefixes, this.excludedActions, List.copyOf(ids));
	}

}
