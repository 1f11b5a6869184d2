package org.zhiyuan.shared.identity;

import java.time.LocalDate;

/**
 * The result of checking an identity document number.
 *
 * @param normalized the number without spaces and dashes, ASCII letters in upper case and
 * every other character kept; never {@code null}, and returned for invalid numbers too so
 * that a form can show what was checked
 * @param problem why the number was refused, or {@code null} when it is valid
 * @param birthDate the birth date the number encodes; {@code null} when the number is
 * invalid or its document type does not encode one
 * @param gender the gender the number encodes; {@code null} when the number is invalid or
 * its document type does not encode one
 */
public record IdCheck(String normalized, IdProblem problem, LocalDate birthDate, Gender gender) {

	public boolean valid() {
		return this.problem == null;
	}

	static IdCheck refused(String normalized, IdProblem problem) {
		return new IdCheck(normalized, problem, null, null);
	}

	static IdCheck accepted(String normalized) {
		return new IdCheck(normalized, null, null, null);
	}

}
