package org.zhiyuan.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Names of the objects a module writes audit entries about, so that the audit log can
 * show "社区助老服务" rather than a type and an id. A module that holds objects of these types
 * answers from its own tables; people are named masked, never by ID or phone number.
 */
public interface AuditNames {

	/** The object types of audit entries this source names, such as {@code activity}. */
	Set<String> types();

	/**
	 * The names of the objects with these ids; ids it does not know are left out.
	 * @param type one of {@link #types()}
	 * @param ids object ids as written in the audit log
	 * @return names by id
	 */
	Map<String, String> namesOf(String type, Collection<String> ids);

	/** The ids that are UUIDs, as UUIDs; others are left out. */
	static List<UUID> uuids(Collection<String> ids) {
		List<UUID> uuids = new ArrayList<>();
		for (String id : ids) {
			try {
				uuids.add(UUID.fromString(id));
			}
			catch (IllegalArgumentException ex) {
				// not a UUID: the object stays unnamed
			}
		}
		return uuids;
	}

}
