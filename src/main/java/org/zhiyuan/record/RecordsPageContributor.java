package org.zhiyuan.record;

import java.util.Optional;
import java.util.UUID;

/**
 * What another module adds to a volunteer's own records page without the record module
 * depending on it: training records, for instance, which are shown beside the service
 * records but never counted in service hours. Every bean of this type is asked when a
 * volunteer opens their records.
 *
 * @see RecordsPagePart
 */
public interface RecordsPageContributor {

	/**
	 * @param volunteerId the volunteer whose page it is, already resolved from the
	 * signed-in actor
	 * @return the module's section, or empty when it has nothing to show
	 */
	Optional<RecordsPagePart> partFor(UUID volunteerId);

}
