package org.zhiyuan.access;

import java.io.Serializable;

/**
 * A role held within a scope: a region code for operators and auditors, an organization
 * id for organization admins, the empty string for volunteers and residents.
 */
public record Grant(Role role, String scope) implements Serializable {

	public static Grant volunteer() {
		return new Grant(Role.VOLUNTEER, "");
	}

	public static Grant resident() {
		return new Grant(Role.RESIDENT, "");
	}

	public static Grant operatorOf(String regionCode) {
		return new Grant(Role.OPERATOR, regionCode);
	}

	public static Grant auditorOf(String regionCode) {
		return new Grant(Role.AUDITOR, regionCode);
	}

	public static Grant adminOf(java.util.UUID organizationId) {
		return new Grant(Role.ORG_ADMIN, organizationId.toString());
	}

}
