package org.zhiyuan.credit;

/** What moves a volunteer's credit, and by how much each time. */
public enum CreditEventKind {

	/**
	 * A counted service record: one point, up to {@link Credits#SERVICE_LIMIT} in all.
	 */
	SERVICE(1),

	/**
	 * An accepted place at an activity that ended {@link Credits#GRACE_DAYS} days ago or
	 * more, with neither a check-in nor a record.
	 */
	NO_SHOW(-10),

	/** A sign-up cancelled by the volunteer shortly before the activity began. */
	LATE_CANCELLATION(-5),

	/** A complaint about the volunteer that the operators of the region upheld. */
	UPHELD_COMPLAINT(-20);

	private final int points;

	CreditEventKind(int points) {
		this.points = points;
	}

	public int points() {
		return this.points;
	}

}
