package org.zhiyuan.points;

/** What changed a lot of points. */
public enum PointEntryKind {

	/** Points issued for a counted service record (positive). */
	ISSUE,

	/** A record's hours went down: the points they had brought, taken back. */
	CORRECTION,

	/** Points owed by an earlier correction, taken from a new lot. */
	SETTLEMENT,

	/** Points paid for a reward. */
	SPEND,

	/** Points of a cancelled redemption, back into the lots they came from. */
	REFUND,

	/** What was left of a lot when it expired. */
	EXPIRY

}
