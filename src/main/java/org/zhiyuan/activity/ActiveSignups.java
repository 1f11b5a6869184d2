package org.zhiyuan.activity;

import java.util.UUID;

/**
 * Whether volunteers have signed up for a position and still hold or wait for a place
 * (pending, accepted or waiting), kept by the module that holds the sign-ups: such a
 * position's requirements may then only be loosened. Without such a bean a position
 * counts as signed up for once a place of it is taken.
 */
public interface ActiveSignups {

	boolean existFor(UUID positionId);

}
