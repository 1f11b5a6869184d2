package org.zhiyuan.insurance;

import java.util.List;

/**
 * What an Excel sheet of volunteers to insure did, row by row: each row's volunteer
 * number or phone as typed, masked, and its outcome.
 */
public record InsuredImport(int rows, int insured, int alreadyInsured, int refused, List<Row> report) {

	/** One row of the sheet and what became of it. */
	public record Row(int number, String given, String name, Outcome outcome) {

	}

	/** What became of a row. */
	public enum Outcome {

		/** Now insured under the policy. */
		INSURED,

		/** Was insured already: counted once. */
		ALREADY_INSURED,

		/** No volunteer has that number or phone. */
		NOT_FOUND,

		/**
		 * The volunteer is neither a member nor an accepted volunteer of the
		 * organization.
		 */
		NOT_OF_ORGANIZATION,

		/** The row names the same volunteer as an earlier row. */
		DUPLICATE,

		/** Neither a volunteer number nor a phone in the row. */
		EMPTY

	}

}
