package org.zhiyuan.signup;

import java.util.UUID;

/**
 * How many services a volunteer has done, for positions that ask for experience; kept by
 * the module that holds service records.
 */
public interface ServiceHistory {

	/** The volunteer's counted service records. */
	int countedServices(UUID volunteerId);

}
