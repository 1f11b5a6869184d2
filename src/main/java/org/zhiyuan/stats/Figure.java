package org.zhiyuan.stats;

/**
 * The figures the rollups keep, each in its table: registered volunteers and active
 * organizations (today), activities by month of start, hours and records by month, and
 * active volunteers by month, quarter, year and all time.
 */
enum Figure {

	REGISTERED("stat_registered", "volunteers", false), ORGANIZATIONS("stat_organizations", "organizations", false),
	ACTIVITIES("stat_activities", "activities", true), HOURS("stat_service", "hours", true),
	RECORDS("stat_service", "records", true), ACTIVE("stat_active", "volunteers", true);

	private final String table;

	private final String column;

	private final boolean periodic;

	Figure(String table, String column, boolean periodic) {
		this.table = table;
		this.column = column;
		this.periodic = periodic;
	}

	String table() {
		return this.table;
	}

	String column() {
		return this.column;
	}

	boolean periodic() {
		return this.periodic;
	}

	/** Whether a region's figure is the sum of its sub-regions' and its own facts'. */
	boolean additive() {
		return this != ACTIVE;
	}

}
