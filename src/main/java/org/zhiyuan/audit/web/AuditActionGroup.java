package org.zhiyuan.audit.web;

import java.util.List;

/** The groups of actions a person filters the audit log page by. */
enum AuditActionGroup {

	SIGN_IN(List.of("account.login"), List.of()),

	PERSONAL_DATA(List.of("personal-data."), List.of()),

	ORGANIZATIONS(List.of("organization."), List.of()),

	ACTIVITIES(List.of("activity.", "project."), List.of()),

	SIGNUPS(List.of("signup."), List.of()),

	ATTENDANCE(List.of("attendance."), List.of()),

	RECORDS(List.of("record."), List.of()),

	CERTIFICATES(List.of("certificate."), List.of()),

	ACCOUNTS(List.of("account.", "volunteer."), List.of("account.login"));

	private final List<String> prefixes;

	private final List<String> excluded;

	AuditActionGroup(List<String> prefixes, List<String> excluded) {
		this.prefixes = prefixes;
		this.excluded = excluded;
	}

	List<String> prefixes() {
		return this.prefixes;
	}

	List<String> excluded() {
		return this.excluded;
	}

	static AuditActionGroup parse(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		for (AuditActionGroup group : values()) {
			if (group.name().equalsIgnoreCase(text.strip())) {
				return group;
			}
		}
		return null;
	}

}
