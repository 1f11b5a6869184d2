package org.zhiyuan.stats;

/**
 * The keys a rollup row counts under: the total ({@value #ALL}), or one gender, birth
 * year, volunteer category or service field ({@value #UNKNOWN} where the volunteer's
 * gender or birth date is not held); registered volunteers also by gender and birth year
 * together ({@link #genderYear}), for the age pyramid.
 */
enum Dim {

	TOTAL, GENDER, BIRTH_YEAR, CATEGORY, FIELD, GENDER_YEAR;

	/**
	 * The key of {@link #TOTAL}, and the field of a volunteer's service in every field.
	 */
	static final String ALL = "*";

	static final String UNKNOWN = "UNKNOWN";

	/** The key of {@link #GENDER_YEAR}: {@code MALE:1990}. */
	static String genderYear(String gender, String birthYear) {
		return gender + ":" + birthYear;
	}

}
