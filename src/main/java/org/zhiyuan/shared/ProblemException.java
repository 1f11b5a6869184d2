package org.zhiyuan.shared;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A client-facing failure with a stable {@code code}, an HTTP status and a localized
 * message. The web layer renders it as RFC 9457 problem+json (API) or an error page.
 */
public class ProblemException extends RuntimeException {

	private final int status;

	private final String code;

	private final String messageKey;

	private final transient Object[] args;

	private final transient List<FieldProblem> fieldProblems;

	private final transient Map<String, Object> properties = new LinkedHashMap<>();

	public ProblemException(int status, String code, String messageKey, Object... args) {
		this(status, code, messageKey, List.of(), args);
	}

	public ProblemException(int status, String code, String messageKey, List<FieldProblem> fieldProblems,
			Object... args) {
		super(code);
		this.status = status;
		this.code = code;
		this.messageKey = messageKey;
		this.args = args;
		this.fieldProblems = List.copyOf(fieldProblems);
	}

	public static ProblemException notFound(String code, String messageKey, Object... args) {
		return new ProblemException(404, code, messageKey, args);
	}

	public static ProblemException conflict(String code, String messageKey, Object... args) {
		return new ProblemException(409, code, messageKey, args);
	}

	public static ProblemException unprocessable(String code, String messageKey, Object... args) {
		return new ProblemException(422, code, messageKey, args);
	}

	public static ProblemException forbidden(String messageKey, Object... args) {
		return new ProblemException(403, "FORBIDDEN", messageKey, args);
	}

	/** A 400 that reports every invalid field at once. */
	public static ProblemException invalid(List<FieldProblem> fieldProblems) {
		return new ProblemException(400, "VALIDATION_FAILED", "problem.validation", fieldProblems);
	}

	/**
	 * Adds a property that the problem body carries besides {@code code} and
	 * {@code errors}, e.g. the records a new one collides with.
	 */
	public ProblemException with(String name, Object value) {
		this.properties.put(name, value);
		return this;
	}

	public int status() {
		return this.status;
	}

	public String code() {
		return this.code;
	}

	public String messageKey() {
		return this.messageKey;
	}

	public Object[] args() {
		return this.args;
	}

	public List<FieldProblem> fieldProblems() {
		return this.fieldProblems;
	}

	public Map<String, Object> properties() {
		return java.util.Collections.unmodifiableMap(this.properties);
	}

}
