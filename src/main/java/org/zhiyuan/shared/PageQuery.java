package org.zhiyuan.shared;

import java.util.ArrayList;
import java.util.List;

/**
 * The requested page of a list: {@code page} counts from 0, {@code size} is 1 to
 * {@value #MAX_SIZE}; out-of-range values are a 400, never silently corrected.
 */
public record PageQuery(int page, int size) {

	public static final int MAX_SIZE = 200;

	public static final int DEFAULT_SIZE = 20;

	public static PageQuery of(Integer page, Integer size) {
		int p = (page != null) ? page : 0;
		int s = (size != null) ? size : DEFAULT_SIZE;
		List<FieldProblem> problems = new ArrayList<>();
		if (p < 0) {
			problems.add(new FieldProblem("page", "validation.page.min"));
		}
		if (s < 1 || s > MAX_SIZE) {
			problems.add(new FieldProblem("size", "validation.size.range", MAX_SIZE));
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		return new PageQuery(p, s);
	}

	public long offset() {
		return (long) this.page * this.size;
	}

}
