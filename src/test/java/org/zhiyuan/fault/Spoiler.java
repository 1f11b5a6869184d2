package org.zhiyuan.fault;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import org.zhiyuan.fault.Field.Spoiled;

/**
 * Makes malformed requests out of a valid one: broken and wrongly typed JSON, wrong
 * content types, a body of several megabytes, every field of the body spoiled in turn
 * (see {@link Field#spoiledValues}), path variables that are no ids, and whatever bad
 * queries and headers the endpoint's row names. A seeded {@link Random} picks a bounded
 * sample, so that the same seed always sends the same requests.
 */
final class Spoiler {

	private static final List<String> BROKEN_JSON = List.of("{", "{\"a\":}", "nul", "{'a': 1}", "{\"a\" 1}", "[1,]",
			"{\"a\": 1} trailing", "\uFEFF{\"a\":\"\\x\"}");

	private static final List<String> WRONG_ROOTS = List.of("[]", "[{}]", "\"text\"", "42", "true", "1e309");

	private static final List<String> PATH_VALUES = List.of("not-a-uuid", "12345",
			"00000000-0000-7000-8000-000000000000", encode(Field.SQL), encode(Field.SQL_OR), encode(Field.SCRIPT),
			encode(Field.EMOJI), "%00", "..%2F..%2Fetc", "%2e%2e", "ffffffff-ffff-ffff-ffff-ffffffffffff0");

	private static final int SEVERAL_MEGABYTES = 3 * 1024 * 1024;

	private Spoiler() {
	}

	/** What a malformed request is made from: the endpoint and a valid request to it. */
	record Valid(String method, String pattern, Target target, List<Field> shape, boolean bodyOptional,
			List<String> badQueries, Map<String, String> badHeaders, Function<String, Exchange> request) {

	}

	static List<Exchange> requests(Valid valid, Random random, int limit) {
		List<Exchange> always = new ArrayList<>();
		List<Exchange> pool = new ArrayList<>();
		String path = valid.target().path(valid.pattern());
		if (valid.shape() != null) {
			List<Exchange> broken = new ArrayList<>();
			BROKEN_JSON.forEach((json) -> broken.add(json(valid, path, "broken JSON " + json, json)));
			List<Exchange> roots = new ArrayList<>();
			WRONG_ROOTS.forEach((json) -> roots.add(json(valid, path, "a body of " + json, json)));
			List<Exchange> types = new ArrayList<>();
			String body = Json.write(valid.target().body());
			types.add(raw(valid, path, "JSON sent as text/plain", "text/plain", body));
			types.add(raw(valid, path, "XML", "application/xml", "<request><name>x</name></request>"));
			types.add(raw(valid, path, "a form", "application/x-www-form-urlencoded", "name=x&reason=y"));
			types.add(raw(valid, path, "multipart without a boundary", "multipart/form-data", body));
			always.add(pick(broken, random));
			always.add(pick(roots, random));
			always.add(pick(types, random));
			always.add(json(valid, path, "an unterminated body of several megabytes",
					"{\"x\": \"" + "a".repeat(SEVERAL_MEGABYTES)));
			pool.addAll(broken);
			pool.addAll(roots);
			pool.addAll(types);
			pool.add(json(valid, path, "nesting 100 000 deep", "[".repeat(100_000)));
			pool.add(json(valid, path, "a number of 5 000 digits", "[" + "9".repeat(5000) + "]"));
			boolean anyRequired = valid.shape().stream().anyMatch(Field::mandatory);
			if (!valid.bodyOptional()) {
				pool.add(json(valid, path, "a JSON null", "null"));
				pool.add(json(valid, path, "no body", ""));
			}
			if (anyRequired) {
				pool.add(json(valid, path, "an empty object", "{}"));
				Map<String, Object> nulls = new LinkedHashMap<>();
				valid.shape().forEach((field) -> nulls.put(field.name(), null));
				pool.add(json(valid, path, "null everywhere", Json.write(nulls)));
			}
			for (Field field : valid.shape()) {
				spoil(valid, path, field, List.of(field.name()), valueAt(valid.target().body(), field.name()), pool);
			}
		}
		for (Map.Entry<String, String> variable : valid.target().variables().entrySet()) {
			List<Exchange> spoiled = new ArrayList<>();
			for (String value : PATH_VALUES) {
				Map<String, String> values = new LinkedHashMap<>(valid.target().variables());
				values.put(variable.getKey(), value);
				String badPath = Target.expand(valid.pattern(), values);
				spoiled.add(withBody(valid, badPath, "{" + variable.getKey() + "} = " + value));
			}
			always.add(pick(spoiled, random));
			pool.addAll(spoiled);
		}
		String bare = Target.expand(valid.pattern(), valid.target().variables());
		for (String query : valid.badQueries()) {
			pool.add(withBody(valid, bare + "?" + query, "query " + Exchange.abbreviate(query)));
		}
		valid.badHeaders()
			.forEach((name, value) -> pool
				.add(withBody(valid, path, "header " + name + ": " + value).withHeaders(Map.of(name, value))));
		pool.removeAll(always);
		Collections.shuffle(pool, random);
		List<Exchange> chosen = new ArrayList<>(always);
		pool.stream().limit(Math.max(0, limit - always.size())).forEach(chosen::add);
		return chosen;
	}

	/**
	 * A request the endpoint must refuse with a 400 that names {@code field}: one field
	 * of the valid body given a value of another JSON type, or a required field left out
	 * or null.
	 */
	record Named(Exchange request, String field) {

	}

	/**
	 * Every field of the valid body, and of its objects and first list elements, in turn
	 * given each {@link Field#wronglyTyped value of another JSON type}; and every
	 * required field that is no list element left out and set to null.
	 */
	static List<Named> wronglyTypedOrMissing(Valid valid) {
		List<Named> out = new ArrayList<>();
		if (valid.shape() != null) {
			String path = valid.target().path(valid.pattern());
			for (Field field : valid.shape()) {
				wronglyTypedOrMissing(valid, path, field, List.of(field.name()),
						valueAt(valid.target().body(), field.name()), out);
			}
		}
		return out;
	}

	private static void wronglyTypedOrMissing(Valid valid, String path, Field field, List<Object> at, Object value,
			List<Named> out) {
		String name = render(at);
		boolean element = at.get(at.size() - 1) instanceof Integer;
		if (field.mandatory() && !element) {
			out.add(new Named(body(valid, path, name + " missing", with(valid.target().body(), at, null, true)), name));
			out.add(new Named(body(valid, path, name + " null", with(valid.target().body(), at, null, false)), name));
		}
		for (Spoiled wrong : field.wronglyTyped(value)) {
			out.add(new Named(body(valid, path, name + ": " + wrong.what(),
					with(valid.target().body(), at, wrong.value(), false)), name));
		}
		if (field.kind() == Field.Kind.OBJECT) {
			for (Field nested : field.fields()) {
				List<Object> deeper = new ArrayList<>(at);
				deeper.add(nested.name());
				wronglyTypedOrMissing(valid, path, nested, deeper, valueAt(value, nested.name()), out);
			}
		}
		if (field.kind() == Field.Kind.LIST) {
			Object first = (value instanceof List<?> list && !list.isEmpty()) ? list.get(0) : null;
			List<Object> deeper = new ArrayList<>(at);
			deeper.add(0);
			wronglyTypedOrMissing(valid, path, field.element(), deeper, first, out);
		}
	}

	/** The field's spoiled values, then those of its fields or elements. */
	private static void spoil(Valid valid, String path, Field field, List<Object> at, Object value,
			List<Exchange> out) {
		String name = render(at);
		boolean element = at.get(at.size() - 1) instanceof Integer;
		if (field.mandatory() && !element) {
			out.add(body(valid, path, name + " missing", with(valid.target().body(), at, null, true)));
			out.add(body(valid, path, name + " null", with(valid.target().body(), at, null, false)));
		}
		for (Spoiled spoiled : field.spoiledValues(value)) {
			out.add(body(valid, path, name + ": " + spoiled.what(),
					with(valid.target().body(), at, spoiled.value(), false)));
		}
		if (field.kind() == Field.Kind.OBJECT) {
			for (Field nested : field.fields()) {
				List<Object> deeper = new ArrayList<>(at);
				deeper.add(nested.name());
				spoil(valid, path, nested, deeper, valueAt(value, nested.name()), out);
			}
		}
		if (field.kind() == Field.Kind.LIST) {
			Object first = (value instanceof List<?> list && !list.isEmpty()) ? list.get(0) : "x";
			if (field.min() > 0) {
				out.add(body(valid, path, name + ": no elements", with(valid.target().body(), at, List.of(), false)));
			}
			if (field.min() > 1) {
				out.add(body(valid, path, name + ": too few elements",
						with(valid.target().body(), at, Collections.nCopies((int) field.min() - 1, first), false)));
			}
			out.add(body(valid, path, name + ": too many elements",
					with(valid.target().body(), at, Collections.nCopies((int) field.max() + 1, first), false)));
			List<Object> deeper = new ArrayList<>(at);
			deeper.add(0);
			spoil(valid, path, field.element(), deeper, first, out);
		}
	}

	private static Object valueAt(Object tree, String name) {
		return (tree instanceof Map<?, ?> map) ? map.get(name) : null;
	}

	/** A deep copy of the body with the value at the path set, or removed. */
	@SuppressWarnings("unchecked")
	static Object with(Object body, List<Object> path, Object value, boolean remove) {
		Object copy = copy(body);
		Object parent = copy;
		for (int i = 0; i < path.size() - 1; i++) {
			Object child = get(parent, path.get(i));
			if (!(child instanceof Map) && !(child instanceof List)) {
				child = (path.get(i + 1) instanceof Integer) ? new ArrayList<>() : new LinkedHashMap<>();
				put(parent, path.get(i), child);
			}
			parent = child;
		}
		Object last = path.get(path.size() - 1);
		if (remove) {
			if (parent instanceof Map<?, ?> map) {
				((Map<Object, Object>) map).remove(last);
			}
		}
		else {
			put(parent, last, value);
		}
		return copy;
	}

	private static Object copy(Object value) {
		if (value instanceof Map<?, ?> map) {
			Map<Object, Object> copy = new LinkedHashMap<>();
			map.forEach((key, item) -> copy.put(key, copy(item)));
			return copy;
		}
		if (value instanceof List<?> list) {
			List<Object> copy = new ArrayList<>();
			list.forEach((item) -> copy.add(copy(item)));
			return copy;
		}
		return value;
	}

	private static Object get(Object container, Object key) {
		if (container instanceof Map<?, ?> map) {
			return map.get(key);
		}
		List<?> list = (List<?>) container;
		int index = (Integer) key;
		return (index < list.size()) ? list.get(index) : null;
	}

	@SuppressWarnings("unchecked")
	private static void put(Object container, Object key, Object value) {
		if (container instanceof Map<?, ?> map) {
			((Map<Object, Object>) map).put(key, value);
			return;
		}
		List<Object> list = (List<Object>) container;
		int index = (Integer) key;
		if (index < list.size()) {
			list.set(index, value);
		}
		else {
			list.add(value);
		}
	}

	private static String render(List<Object> path) {
		StringBuilder out = new StringBuilder();
		for (Object part : path) {
			if (part instanceof Integer index) {
				out.append('[').append(index).append(']');
			}
			else {
				out.append(out.isEmpty() ? "" : ".").append(part);
			}
		}
		return out.toString();
	}

	private static Exchange body(Valid valid, String path, String description, Object body) {
		return json(valid, path, description, Json.write(body));
	}

	private static Exchange json(Valid valid, String path, String description, String json) {
		return Exchange.json(description, valid.method(), path, json);
	}

	private static Exchange raw(Valid valid, String path, String description, String contentType, String body) {
		return new Exchange(description, valid.method(), path, contentType, body.getBytes(StandardCharsets.UTF_8),
				Map.of());
	}

	/** The request with its valid body, if it has one. */
	private static Exchange withBody(Valid valid, String path, String description) {
		Exchange request = valid.request().apply(path);
		return new Exchange(description, request.method(), path, request.contentType(), request.body(),
				request.headers());
	}

	private static <T> T pick(List<T> choices, Random random) {
		return choices.get(random.nextInt(choices.size()));
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
