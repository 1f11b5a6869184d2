package org.zhiyuan.audit;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The lists that show a person's data among others', answered by the modules that keep
 * them: an activity's roster shows everyone who signed up for it, from when they signed
 * up. A read of such a list is audited once, against the list; this is how it is also
 * found among the reads of each person on it ({@link AuditLog#readsOfPersonalData}).
 */
public interface PersonalDataListings {

	/**
	 * The lists that showed the data of the person with this account, the newest first,
	 * at most {@code limit}.
	 */
	List<Listing> listingsOf(UUID accountId, int limit);

	/**
	 * A list in the audit log's terms: the object type and id its reads are audited
	 * against, and since when it has shown the person.
	 */
	record Listing(String objectType, String objectId, OffsetDateTime since) {

	}

}
