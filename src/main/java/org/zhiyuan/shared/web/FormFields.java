package org.zhiyuan.shared.web;

import java.util.List;

import org.zhiyuan.shared.FieldProblem;

import org.springframework.stereotype.Component;

/**
 * Marks a page form's fields with their problems: pages ask
 * {@code ${@formFields.invalid(problems, 'phone')}} for the input's class and show the
 * messages with {@code fragments/forms :: fieldError(problems, 'phone')}. A problem
 * belongs to a field when its path is the field's name or starts with it
 * ({@code guardian.name} belongs to {@code guardian}, {@code positions[0].capacity} to
 * {@code positions}).
 */
@Component("formFields")
public class FormFields {

	/** The message above a refused form: correct the fields marked below. */
	public static final String SUMMARY_KEY = "form.problems";

	/** The class that marks an input with a problem, or an empty text. */
	public String invalid(List<?> problems, String field) {
		return has(problems, field) ? "is-invalid" : "";
	}

	public boolean has(List<?> problems, String field) {
		return !of(problems, field).isEmpty();
	}

	/** The problems of one field, in the order they were found. */
	public List<FieldProblem> of(List<?> problems, String field) {
		if (problems == null || field == null) {
			return List.of();
		}
		return problems.stream()
			.filter(FieldProblem.class::isInstance)
			.map(FieldProblem.class::cast)
			.filter((problem) -> belongs(problem.field(), field))
			.toList();
	}

	private static boolean belongs(String path, String field) {
		return path != null && (path.equals(field) || path.startsWith(field + ".") || path.startsWith(field + "["));
	}

}
