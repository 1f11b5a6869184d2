package org.zhiyuan.stats;

/**
 * Age bands of volunteers, by the age they reach in the year a figure is counted for (the
 * year of the period's end, this year when it has none): under 18, 18 to 35 (youth, as
 * the youth development plan counts it), 36 to 45, 46 to 59 and 60 or older;
 * {@code UNKNOWN} when no birth date is held.
 */
public enum AgeBand {

	UNDER_18(0, 17), AGE_18_35(18, 35), AGE_36_45(36, 45), AGE_46_59(46, 59), AGE_60_PLUS(60, Integer.MAX_VALUE),
	UNKNOWN(-1, -1);

	private final int from;

	private final int to;

	AgeBand(int from, int to) {
		this.from = from;
		this.to = to;
	}

	/** The band of someone born in {@code birthYear} in the year {@code year}. */
	static AgeBand of(int birthYear, int year) {
		int age = year - birthYear;
		for (AgeBand band : values()) {
			if (band != UNKNOWN && age >= band.from && age <= band.to) {
				return band;
			}
		}
		return (age < 0) ? UNDER_18 : UNKNOWN;
	}

}
