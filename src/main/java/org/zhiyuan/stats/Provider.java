package org.zhiyuan.stats;

/**
 * Who provides a record's service, as the rankings count it: the organization of its
 * activity, and the activity's project when it has one. Neither changes once the activity
 * exists, so a record's hours stay with them.
 */
enum Provider {

	ORGANIZATION, PROJECT

}
