package org.zhiyuan.fault;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.zhiyuan.support.Fixtures.Person;

/**
 * What a request acts on: the values of its path variables, a valid query and body, and
 * who plays which part when that is not the scene's usual cast (the applicant of a
 * pending organization is its admin, the volunteer of a fresh sign-up is
 * {@link Caller#VOLUNTEER}, and so on).
 */
final class Target {

	private final Map<String, String> variables = new LinkedHashMap<>();

	private final Map<Caller, Person> people = new EnumMap<>(Caller.class);

	private final Set<Caller> newcomers = EnumSet.noneOf(Caller.class);

	private Object body;

	private String query = "";

	private final Map<String, String> headers = new LinkedHashMap<>();

	private Target() {
	}

	static Target none() {
		return new Target();
	}

	static Target of(String variable, Object value) {
		return new Target().and(variable, value);
	}

	Target and(String variable, Object value) {
		this.variables.put(variable, String.valueOf(value));
		return this;
	}

	Target body(Object validBody) {
		this.body = validBody;
		return this;
	}

	Target query(String validQuery) {
		this.query = validQuery;
		return this;
	}

	/** A header the valid request carries (an Idempotency-Key an endpoint requires). */
	Target header(String name, String value) {
		this.headers.put(name, value);
		return this;
	}

	Map<String, String> headers() {
		return this.headers;
	}

	Target playing(Caller caller, Person person) {
		this.people.put(caller, person);
		return this;
	}

	/**
	 * Every signed-in part is played by someone new, for calls that change the caller's
	 * own account (a password, a deregistration).
	 */
	Target playedByNewcomers() {
		this.newcomers.addAll(Caller.SIGNED_IN);
		return this;
	}

	boolean playedByNewcomer(Caller caller) {
		return this.newcomers.contains(caller);
	}

	Optional<Person> person(Caller caller) {
		return Optional.ofNullable(this.people.get(caller));
	}

	Object body() {
		return this.body;
	}

	Map<String, String> variables() {
		return this.variables;
	}

	/** The path pattern with this target's values, and its query. */
	String path(String pattern) {
		return expand(pattern, this.variables) + (this.query.isEmpty() ? "" : "?" + this.query);
	}

	static String expand(String pattern, Map<String, String> values) {
		String path = pattern;
		for (Map.Entry<String, String> value : values.entrySet()) {
			path = path.replace("{" + value.getKey() + "}", value.getValue());
		}
		if (path.contains("{")) {
			throw new IllegalStateException("No value for a variable of " + pattern + ": " + values.keySet());
		}
		return path;
	}

}
