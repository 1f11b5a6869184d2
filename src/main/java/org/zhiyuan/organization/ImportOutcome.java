package org.zhiyuan.organization;

/** What became of one row of an import. */
public enum ImportOutcome {

	/** A new volunteer was registered and added to the organization. */
	CREATED,
	/**
	 * The person was already registered; they were added to the organization (or already
	 * in it).
	 */
	LINKED,
	/** Nothing was written for this row; its problems say why. */
	FAILED

}
