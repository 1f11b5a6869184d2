package org.zhiyuan.audit;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The people behind the account ids of the audit log, answered by the module that holds
 * accounts: who acted, by display name, and whose data it was, masked.
 */
public interface AuditPeople {

	/**
	 * How the actors with these accounts are shown: the display name and, for staff, the
	 * username; never a phone number in full.
	 */
	Map<UUID, String> actorLabels(Collection<UUID> accountIds);

	/** The masked names of the people with these accounts ({@code 李*}). */
	Map<UUID, String> maskedNames(Collection<UUID> accountIds);

	/** Accounts whose display name contains the text, or whose username is it. */
	List<UUID> matching(String text, int limit);

}
