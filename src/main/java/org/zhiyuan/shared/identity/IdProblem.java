package org.zhiyuan.shared.identity;

/**
 * Why an identity document number was refused. A number with several problems reports
 * only the first of: {@link #REQUIRED}, {@link #FORMAT}, {@link #REGION},
 * {@link #BIRTH_DATE} or {@link #FUTURE_BIRTH_DATE}, {@link #CHECK_DIGIT}.
 */
public enum IdProblem {

	/** No number was given, or only whitespace and dashes. */
	REQUIRED,

	/**
	 * The number does not have the length and characters its document type uses; also
	 * when it holds a control, invisible, full-width or other non-ASCII character.
	 */
	FORMAT,

	/** The check character does not match the rest of the number. */
	CHECK_DIGIT,

	/** The encoded birth date is not a calendar date, or lies before 1900. */
	BIRTH_DATE,

	/** The encoded birth date lies after the day of the check. */
	FUTURE_BIRTH_DATE,

	/** The encoded region is not one the document type can be issued for. */
	REGION

}
