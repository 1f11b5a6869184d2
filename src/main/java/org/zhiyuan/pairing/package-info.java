/**
 * Long-term pairing (结对): a volunteer or a team paired with a person of a key group
 * (elderly living alone, left-behind children, people with disabilities, families in
 * hardship), whose data is sealed, masked and read only by those the pairing concerns;
 * the visit plan, visits checked in at the person's address, missed visits flagged, every
 * change of volunteer kept, and the continuity of each person's volunteers.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "region", "access", "audit",
		"privacy", "volunteer", "organization", "notification" })
package org.zhiyuan.pairing;
