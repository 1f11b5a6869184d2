package org.zhiyuan.access;

import java.util.Optional;

/**
 * Where a person lives on the platform, for modules that order what they show by nearness
 * without reading another module's tables: the volunteer module answers for volunteers.
 */
public interface HomeRegions {

	/** The region code the actor registered in, if they are a volunteer. */
	Optional<String> homeRegionOf(Actor actor);

}
