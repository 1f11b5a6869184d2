package org.zhiyuan.shared.web;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.PersonMatch;
import org.zhiyuan.shared.PersonQuery;
import org.zhiyuan.shared.ProblemException;

/**
 * A people picker's answer when the browser runs no script: the picker then shows a plain
 * box ({@value #PARAMETER}) for a name or phone, and the form is sent with what was typed
 * instead of a chosen person. The same search as the picker's list decides: the form goes
 * ahead only when exactly one person matches; otherwise the field says why, so that
 * nobody is ever chosen by guess.
 */
public final class TypedPerson {

	/** The form field of the picker's script-less box. */
	public static final String PARAMETER = "personText";

	private TypedPerson() {
	}

	/**
	 * The person the form is about.
	 * @param chosen the person picked with the picker, {@code null} when none was
	 * @param typed what was typed in the script-less box, may be {@code null}
	 * @param field the form field to report a problem on
	 * @param search the picker's own search, over the people the form may name
	 * @return the chosen person, else the one person who matches what was typed;
	 * {@code null} when neither was given (the caller decides whether that is allowed)
	 * @throws ProblemException a field problem when nobody or several people match
	 */
	public static UUID resolve(UUID chosen, String typed, String field, Function<String, List<PersonMatch>> search) {
		if (chosen != null) {
			return chosen;
		}
		if (typed == null || typed.isBlank()) {
			return null;
		}
		if (PersonQuery.of(typed) == null) {
			throw ProblemException.invalid(List.of(new FieldProblem(field, "picker.typed.short")));
		}
		List<PersonMatch> matches = search.apply(typed);
		if (matches.size() == 1) {
			return matches.get(0).volunteerId();
		}
		if (matches.isEmpty()) {
			throw ProblemException.invalid(List.of(new FieldProblem(field, "picker.typed.none", typed.strip())));
		}
		throw ProblemException.invalid(List.of(new FieldProblem(field, "picker.typed.several",
				(matches.size() >= PersonMatch.MAX) ? PersonMatch.MAX + "+" : String.valueOf(matches.size()))));
	}

}
