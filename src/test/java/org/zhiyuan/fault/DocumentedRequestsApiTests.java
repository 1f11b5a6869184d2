package org.zhiyuan.fault;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.zhiyuan.activity.Activities;
import org.zhiyuan.fault.Field.Kind;
import org.zhiyuan.fault.MalformedInputApiTests.Row;
import org.zhiyuan.notification.Notifications;
import org.zhiyuan.organization.Organizations;
import org.zhiyuan.organization.VolunteerImports;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures.Person;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document describes every JSON request body exactly as the server accepts
 * it, so that clients generated from it send what the server takes: the same properties
 * as the {@link MalformedInputApiTests#TABLE malformed-input table} (which is checked
 * against the server), required exactly where the server refuses a missing value, text
 * limited to the length the server keeps, enum values listed (and each one accepted by
 * the server, an unlisted one refused), lists and numbers bounded as the server bounds
 * them, hours as decimal strings. Every mismatch of every operation is listed in one
 * failure.
 */
class DocumentedRequestsApiTests extends ApiTestSupport {

	private static final String SCHEMAS = "#/components/schemas/";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Organizations organizations;

	@Autowired
	Activities activities;

	@Autowired
	Notifications notifications;

	@Autowired
	VolunteerImports imports;

	@Test
	void everyRequestBodyIsDocumentedAsTheServerAcceptsIt() {
		JsonNode docs = this.api.get("/v3/api-docs").json();
		List<String> mismatches = new ArrayList<>();
		for (Row row : MalformedInputApiTests.TABLE) {
			if (!row.hasJsonBody()) {
				continue;
			}
			Mismatches found = new Mismatches(row.endpoint(), mismatches);
			JsonNode operation = docs.path("paths").path(row.pattern()).path(row.method().toLowerCase(Locale.ROOT));
			if (operation.isMissingNode()) {
				found.add("", "the operation is not in the document");
				continue;
			}
			JsonNode body = operation.path("requestBody");
			if (body.path("required").asBoolean(false) == row.bodyOptional()) {
				found.add("", "the request body is documented as " + (row.bodyOptional() ? "required" : "optional"));
			}
			JsonNode schema = body.path("content").path("application/json").path("schema");
			if (schema.isMissingNode()) {
				found.add("", "no application/json request body schema");
				continue;
			}
			compareObject(docs, found, "", resolve(docs, schema), row.documentedFields());
		}
		assertThat(mismatches).as("request schemas of the document that differ from what the server accepts").isEmpty();
	}

	/**
	 * Every value that the document lists for an enumerated field is accepted by the
	 * server (the field is not named in a refusal), and a value it does not list is
	 * refused with a 400 naming the field: an unknown one, and each value that the
	 * refusal offers but the document leaves out (a staff account's role is no
	 * {@code VOLUNTEER}).
	 */
	@Test
	void everyDocumentedEnumValueIsAcceptedAndNoOther() {
		JsonNode docs = this.api.get("/v3/api-docs").json();
		Scene scene = new Scene(this.fixtures, this.api, this.jdbc, this.organizations, this.activities,
				this.notifications, this.imports, this.sentMessages);
		List<String> mismatches = new ArrayList<>();
		for (Row row : MalformedInputApiTests.TABLE) {
			if (!row.hasJsonBody()) {
				continue;
			}
			JsonNode schema = resolve(docs,
					docs.path("paths")
						.path(row.pattern())
						.path(row.method().toLowerCase(Locale.ROOT))
						.path("requestBody")
						.path("content")
						.path("application/json")
						.path("schema"));
			for (Field field : row.shape()) {
				boolean list = field.kind() == Kind.LIST && field.element().kind() == Kind.ENUM;
				if (field.kind() != Kind.ENUM && !list) {
					continue;
				}
				JsonNode property = resolve(docs, schema.path("properties").path(field.name()));
				JsonNode values = list ? resolve(docs, property.path("items")).path("enum") : property.path("enum");
				Set<String> documented = new LinkedHashSet<>();
				values.forEach((value) -> documented.add(value.asString()));
				for (String value : documented) {
					Response response = send(scene, row, field.name(), list ? List.of(value) : value);
					if (refusesNaming(response, field.name())) {
						mismatches.add(row.endpoint() + " " + field.name() + ": the documented value " + value
								+ " is refused: " + Exchange.abbreviate(response.body()));
					}
				}
				Response unknown = send(scene, row, field.name(), list ? List.of("NO_SUCH_VALUE") : "NO_SUCH_VALUE");
				if (!refusesNaming(unknown, field.name())) {
					mismatches.add(row.endpoint() + " " + field.name() + ": NO_SUCH_VALUE is not refused");
					continue;
				}
				// the refusal lists the values the server reads: those the document
				// leaves
				// out must be refused too
				for (String value : allowedIn(unknown, field.name())) {
					if (!documented.contains(value)
							&& !refusesNaming(send(scene, row, field.name(), list ? List.of(value) : value),
									field.name())) {
						mismatches.add(row.endpoint() + " " + field.name() + ": the server accepts " + value
								+ ", which the document does not list");
					}
				}
			}
		}
		assertThat(mismatches).as("enum values of the document that the server does not take as documented").isEmpty();
	}

	/**
	 * The row's valid request, on a target of its own, with the field set to the value.
	 */
	/**
	 * The read endpoints of the {@link MalformedInputApiTests#QUERIES query table}
	 * document every query parameter the server reads, required exactly where the server
	 * refuses a missing one; every value a parameter's documented enum lists is answered,
	 * and one it does not list is refused by name.
	 */
	@Test
	void everyReadQueryIsDocumentedAsTheServerTakesIt() {
		JsonNode docs = this.api.get("/v3/api-docs").json();
		Scene scene = new Scene(this.fixtures, this.api, this.jdbc, this.organizations, this.activities,
				this.notifications, this.imports, this.sentMessages);
		String token = scene.token(scene.person(Caller.OPERATOR, Target.none()));
		List<String> mismatches = new ArrayList<>();
		for (MalformedInputApiTests.Query query : MalformedInputApiTests.QUERIES) {
			JsonNode operation = docs.path("paths").path(query.pattern()).path(query.method().toLowerCase(Locale.ROOT));
			if (operation.isMissingNode()) {
				mismatches.add(query.endpoint() + ": the operation is not in the document");
				continue;
			}
			Map<String, JsonNode> documented = new LinkedHashMap<>();
			operation.path("parameters").forEach((parameter) -> {
				if ("query".equals(parameter.path("in").asString())) {
					documented.put(parameter.path("name").asString(), parameter);
				}
			});
			Map<String, String> valid = parametersOf(query.valid());
			Set<String> read = new LinkedHashSet<>(valid.keySet());
			read.addAll(query.refused().keySet());
			for (String name : read) {
				if (!documented.containsKey(name)) {
					mismatches.add(query.endpoint() + " " + name + ": read by the server, not documented");
				}
			}
			documented.forEach((name, parameter) -> {
				boolean required = parameter.path("required").asBoolean(false);
				if (required != query.required().contains(name)) {
					mismatches
						.add(query.endpoint() + " " + name + ": documented as " + (required ? "required" : "optional"));
				}
				JsonNode values = resolve(docs, parameter.path("schema")).path("enum");
				values.forEach((value) -> {
					Map<String, String> with = new LinkedHashMap<>(valid);
					with.put(name, value.asString());
					Response answer = Exchange
						.empty("a documented value", query.method(),
								query.pattern() + "?" + String.join("&",
										with.entrySet().stream().map((e) -> e.getKey() + "=" + e.getValue()).toList()))
						.send(this.port, token);
					if (answer.status() != 200) {
						mismatches.add(query.endpoint() + " " + name + ": the documented value " + value.asString()
								+ " is refused: " + Exchange.abbreviate(answer.body()));
					}
				});
				if (!values.isEmpty()) {
					Map<String, String> with = new LinkedHashMap<>(valid);
					with.put(name, "NO_SUCH_VALUE");
					Response refusal = Exchange
						.empty("an unlisted value", query.method(),
								query.pattern() + "?" + String.join("&",
										with.entrySet().stream().map((e) -> e.getKey() + "=" + e.getValue()).toList()))
						.send(this.port, token);
					if (!refusesNaming(refusal, name)) {
						mismatches.add(query.endpoint() + " " + name + ": NO_SUCH_VALUE is not refused");
					}
				}
			});
		}
		assertThat(mismatches).isEmpty();
	}

	private static Map<String, String> parametersOf(String query) {
		Map<String, String> parameters = new LinkedHashMap<>();
		for (String pair : query.split("&")) {
			int equals = pair.indexOf('=');
			parameters.put(pair.substring(0, equals), pair.substring(equals + 1));
		}
		return parameters;
	}

	private Response send(Scene scene, Row row, String field, Object value) {
		Target target = row.target().apply(scene);
		Person caller = scene.person(row.caller(), target);
		String token = (caller != null) ? scene.token(caller) : null;
		@SuppressWarnings("unchecked")
		Map<String, Object> body = new LinkedHashMap<>((Map<String, Object>) target.body());
		body.put(field, value);
		return Exchange.json(field + " = " + value, row.method(), target.path(row.pattern()), Json.write(body))
			.send(this.port, token);
	}

	/** Whether the answer is a 400 that names the field or one of its elements. */
	private static boolean refusesNaming(Response response, String field) {
		if (response.status() != 400) {
			return false;
		}
		List<String> named = response.json().path("errors").findValuesAsString("field");
		return named.stream().anyMatch((name) -> name.equals(field) || name.startsWith(field + "["));
	}

	/**
	 * The values that the (English) refusal of an unknown value lists for the field ("Not
	 * a valid value; allowed: A, B."), none when it lists none.
	 */
	private static List<String> allowedIn(Response refusal, String field) {
		List<String> allowed = new ArrayList<>();
		for (JsonNode error : refusal.json().path("errors")) {
			String name = error.path("field").asString("");
			String message = error.path("message").asString("");
			int start = message.indexOf("allowed: ");
			if ((name.equals(field) || name.startsWith(field + "[")) && start >= 0) {
				String values = message.substring(start + "allowed: ".length()).replaceAll("\\.$", "");
				for (String value : values.split(",")) {
					allowed.add(value.strip());
				}
			}
		}
		return allowed;
	}

	private void compareObject(JsonNode docs, Mismatches found, String at, JsonNode schema, List<Field> fields) {
		if (!"object".equals(schema.path("type").asString(""))) {
			found.add(at, "is documented as " + describe(schema) + ", not as an object");
		}
		Set<String> documented = new TreeSet<>(schema.path("properties").propertyNames());
		Set<String> expected = new TreeSet<>();
		fields.forEach((field) -> expected.add(field.name()));
		for (String name : documented) {
			if (!expected.contains(name)) {
				found.add(at + name, "is documented but the server takes no such field");
			}
		}
		Set<String> required = new TreeSet<>();
		schema.path("required").forEach((name) -> required.add(name.asString()));
		Set<String> requiredExpected = new TreeSet<>();
		fields.stream().filter(Field::documentedRequired).forEach((field) -> requiredExpected.add(field.name()));
		for (String name : requiredExpected) {
			if (!required.contains(name)) {
				found.add(at + name, "is required by the server but not in the document");
			}
		}
		for (String name : required) {
			if (!requiredExpected.contains(name)) {
				found.add(at + name, "is documented as required but the server does without it");
			}
		}
		for (Field field : fields) {
			JsonNode property = schema.path("properties").path(field.name());
			if (property.isMissingNode()) {
				found.add(at + field.name(), "is taken by the server but not documented");
				continue;
			}
			compareField(docs, found, at + field.name(), resolve(docs, property), field);
		}
	}

	private void compareField(JsonNode docs, Mismatches found, String at, JsonNode schema, Field field) {
		switch (field.kind()) {
			case TEXT, CODE -> {
				expectType(found, at, schema, "string", null);
				expectNumber(found, at, schema, "maxLength", field.max());
				if (field.documentedRequired()) {
					expectNumber(found, at, schema, "minLength", 1);
				}
			}
			case ENUM -> {
				expectType(found, at, schema, "string", null);
				if (!schema.path("enum").isArray() || schema.path("enum").isEmpty()) {
					found.add(at, "has no enum of the values the server accepts");
				}
			}
			case ID -> expectType(found, at, schema, "string", "uuid");
			case FUTURE_TIME, PAST_TIME, NEAR_TIME -> expectType(found, at, schema, "string", "date-time");
			case DATE, PAST_DATE -> expectType(found, at, schema, "string", "date");
			case INTEGER -> {
				expectType(found, at, schema, "integer", null);
				expectNumber(found, at, schema, "minimum", field.min());
				expectNumber(found, at, schema, "maximum", field.max());
			}
			case DECIMAL -> {
				expectType(found, at, schema, "string", "decimal");
				expectPattern(found, at, schema, List.of("2.50", "0", String.valueOf(field.max())),
						(field.min() >= 0) ? List.of("-1", "1.005", "abc") : List.of("1.005", "abc"));
			}
			case COORDINATE -> {
				expectType(found, at, schema, "number", null);
				expectNumber(found, at, schema, "minimum", field.min());
				expectNumber(found, at, schema, "maximum", field.max());
			}
			case NON_NEGATIVE -> {
				expectType(found, at, schema, "number", null);
				expectNumber(found, at, schema, "minimum", 0);
			}
			case FLAG -> expectType(found, at, schema, "boolean", null);
			case PHONE -> {
				expectType(found, at, schema, "string", null);
				expectPattern(found, at, schema, List.of("13900003333", "+8613900003333"),
						List.of("12345", "1390013800012345", "23900003333"));
			}
			case REGION -> {
				expectType(found, at, schema, "string", null);
				expectNumber(found, at, schema, "minLength", 6);
				expectNumber(found, at, schema, "maxLength", 12);
				expectPattern(found, at, schema, List.of(Scene.REGION, Scene.STREET, Scene.COMMUNITY),
						List.of("１１０１０５", "1101050010010", "1101050010", "11010", "abcdef"));
			}
			case OBJECT -> compareObject(docs, found, at + ".", schema, field.fields());
			case LIST -> {
				expectType(found, at, schema, "array", null);
				if (field.min() > 0) {
					expectNumber(found, at, schema, "minItems", field.min());
				}
				expectNumber(found, at, schema, "maxItems", field.max());
				JsonNode items = schema.path("items");
				if (items.isMissingNode()) {
					found.add(at, "has no items schema");
				}
				else {
					compareField(docs, found, at + "[]", resolve(docs, items), field.element());
				}
			}
		}
	}

	private static void expectType(Mismatches found, String at, JsonNode schema, String type, String format) {
		String documented = schema.path("type").asString("");
		if (!type.equals(documented)) {
			found.add(at, "is documented as " + describe(schema) + ", not as " + type);
		}
		if (format != null && !format.equals(schema.path("format").asString(""))) {
			found.add(at,
					"is documented in the format '" + schema.path("format").asString("") + "', not '" + format + "'");
		}
	}

	private static void expectNumber(Mismatches found, String at, JsonNode schema, String keyword, long expected) {
		JsonNode value = schema.path(keyword);
		if (!value.isNumber()) {
			found.add(at, "has no " + keyword + " (the server's is " + expected + ")");
		}
		else if (value.decimalValue().compareTo(java.math.BigDecimal.valueOf(expected)) != 0) {
			found.add(at, "has " + keyword + " " + value.asString() + " but the server's is " + expected);
		}
	}

	private static void expectPattern(Mismatches found, String at, JsonNode schema, List<String> valid,
			List<String> invalid) {
		String pattern = schema.path("pattern").asString("");
		if (pattern.isEmpty()) {
			found.add(at, "has no pattern");
			return;
		}
		Pattern compiled = Pattern.compile(pattern);
		valid.stream()
			.filter((value) -> !compiled.matcher(value).find())
			.forEach((value) -> found.add(at, "has a pattern " + pattern + " that refuses the valid " + value));
		invalid.stream()
			.filter((value) -> compiled.matcher(value).find())
			.forEach((value) -> found.add(at, "has a pattern " + pattern + " that takes the invalid " + value));
	}

	private static String describe(JsonNode schema) {
		return schema.path("type").asString("no type")
				+ (schema.has("format") ? " (" + schema.path("format").asString() + ")" : "");
	}

	/**
	 * The schema itself: a {@code $ref} followed to its component, a lone {@code allOf}
	 * member or one with only sibling keywords merged, as springdoc writes a described
	 * reference.
	 */
	private static JsonNode resolve(JsonNode docs, JsonNode schema) {
		JsonNode current = schema;
		Set<String> seen = new LinkedHashSet<>();
		while (current.has("$ref") && seen.add(current.path("$ref").asString())) {
			String ref = current.path("$ref").asString();
			JsonNode target = docs.path("components").path("schemas").path(ref.substring(SCHEMAS.length()));
			if (current.size() == 1) {
				current = target;
			}
			else {
				// sibling keywords next to the $ref (OpenAPI 3.1) refine the component
				tools.jackson.databind.node.ObjectNode merged = ((tools.jackson.databind.node.ObjectNode) target)
					.deepCopy();
				current.properties().forEach((entry) -> {
					if (!entry.getKey().equals("$ref")) {
						merged.set(entry.getKey(), entry.getValue());
					}
				});
				current = merged;
			}
		}
		if (current.has("allOf") && current.path("allOf").size() == 1) {
			return resolve(docs, current.path("allOf").get(0));
		}
		return current;
	}

	/** The mismatches found, each naming the operation and the field. */
	private record Mismatches(String operation, List<String> into) {

		void add(String field, String what) {
			this.into.add(this.operation + " " + (field.isEmpty() ? "body" : field) + ": " + what);
		}

	}

}
