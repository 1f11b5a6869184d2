package org.zhiyuan.system;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /v3/api-docs}, shown by Swagger UI at
 * {@code /swagger-ui.html}.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static {
		// as DecimalText writes and reads them
		SpringDocUtils.getConfig()
			.replaceWithSchema(BigDecimal.class,
					new StringSchema().format("decimal").pattern("^-?[0-9]+(\\.[0-9]+)?$").example("2.50"));
	}

	@Bean
	OpenAPI zhiyuanOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Zhiyuan 志愿 API")
				.version("v1")
				.description("Volunteer service information system. Errors are RFC 9457 problem+json with a stable"
						+ " 'code'; messages follow Accept-Language (zh-CN default, en). Sign in with POST"
						+ " /api/v1/auth/token and send 'Authorization: Bearer <token>'.")
				.license(new License().name("Apache License 2.0")
					// an SPDX identifier, which OpenAPI 3.1 allows only without a url
					.identifier("Apache-2.0")))
			// relative, never taken from the request's Host header: a client sets the
			// installation's address itself, and Swagger UI calls the one it was loaded
			// from
			.servers(List.of(new Server().url("/").description("This installation")))
			.components(new Components().addSecuritySchemes("bearer",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
			.addSecurityItem(new SecurityRequirement().addList("bearer"));
	}

	/**
	 * The limits that a request record's component declares in {@code @Schema} and
	 * {@code @ArraySchema} are the server's, those its service checks; they win over a
	 * looser {@code @Size} guard beside them, which only bounds the input before the
	 * service reports every bad field in its own words, and which swagger would otherwise
	 * apply last.
	 */
	@Bean
	ModelConverter declaredLimitsWin() {
		return new ModelConverter() {

			@Override
			public Schema<?> resolve(AnnotatedType type, ModelConverterContext context,
					Iterator<ModelConverter> chain) {
				Schema<?> resolved = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
				Class<?> raw = (type.getType() != null) ? Json.mapper().constructType(type.getType()).getRawClass()
						: null;
				if (resolved != null && raw != null && raw.isRecord()) {
					Schema<?> model = resolved;
					if (resolved.get$ref() != null) {
						String ref = resolved.get$ref();
						model = context.getDefinedModels().get(ref.substring(ref.lastIndexOf('/') + 1));
					}
					if (model != null && model.getProperties() != null) {
						applyDeclaredLimits(raw, model);
					}
				}
				return resolved;
			}

		};
	}

	private static void applyDeclaredLimits(Class<?> record, Schema<?> model) {
		for (RecordComponent component : record.getRecordComponents()) {
			Schema<?> property = model.getProperties().get(component.getName());
			java.lang.reflect.Field field;
			try {
				field = record.getDeclaredField(component.getName());
			}
			catch (NoSuchFieldException ex) {
				continue;
			}
			if (property == null) {
				continue;
			}
			io.swagger.v3.oas.annotations.media.Schema declared = field
				.getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
			if (declared != null) {
				applyLengths(declared, property);
			}
			io.swagger.v3.oas.annotations.media.ArraySchema array = field
				.getAnnotation(io.swagger.v3.oas.annotations.media.ArraySchema.class);
			if (array != null) {
				if (array.maxItems() != Integer.MIN_VALUE) {
					property.setMaxItems(array.maxItems());
				}
				if (array.minItems() != Integer.MAX_VALUE) {
					property.setMinItems(array.minItems());
				}
				if (property.getItems() != null) {
					applyLengths(array.schema(), property.getItems());
				}
			}
		}
	}

	private static void applyLengths(io.swagger.v3.oas.annotations.media.Schema declared, Schema<?> property) {
		if (declared.maxLength() != Integer.MAX_VALUE) {
			property.setMaxLength(declared.maxLength());
		}
		if (declared.minLength() > 0) {
			property.setMinLength(declared.minLength());
		}
	}

	/**
	 * Every operation gets a stable, meaningful operationId and the tag of its module, so
	 * that generated clients keep their method names from build to build: an id given in
	 * {@code @Operation} stays; otherwise the handler's name is prefixed with its
	 * controller's subject ({@code ActivityController.publish} →
	 * {@code activityPublish}), never numbered by scan order. The tag is the module's
	 * package ({@code org.zhiyuan.activity.web} → {@code activity}).
	 */
	@Bean
	OperationCustomizer stableOperationIds() {
		return (operation, handler) -> {
			io.swagger.v3.oas.annotations.Operation declared = handler
				.getMethodAnnotation(io.swagger.v3.oas.annotations.Operation.class);
			if (declared == null || declared.operationId().isBlank()) {
				operation.setOperationId(operationIdOf(handler.getBeanType(), handler.getMethod().getName()));
			}
			operation.setTags(List.of(moduleOf(handler.getBeanType())));
			return operation;
		};
	}

	/**
	 * Operations that anonymous callers may use (the security configuration's public
	 * patterns) declare no security, instead of inheriting the document's bearer
	 * requirement.
	 */
	@Bean
	OpenApiCustomizer anonymousOperations() {
		return (openApi) -> {
			if (openApi.getPaths() == null) {
				return;
			}
			openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
				if (SecurityConfiguration.isAnonymousApi(HttpMethod.valueOf(method.name()), path)) {
					operation.setSecurity(List.of());
				}
			}));
		};
	}

	/**
	 * Every operation declares its error answers as RFC 9457 problem+json with the
	 * platform's {@code code} and {@code errors[]}: 400 for a bad request, 401 and 403
	 * when it needs a signed-in caller, 404 when it names an object in its path, 503
	 * {@code BUSY} with {@code Retry-After} (a write, or a read that writes its audit
	 * entry, met another at the same rows), and the same shape for any other error; and
	 * the {@code Accept-Language} header that chooses the messages' language.
	 */
	@Bean
	OpenApiCustomizer problemAnswers() {
		return (openApi) -> {
			// here and not on the bean: springdoc keeps only the schemas it found itself
			Components components = (openApi.getComponents() != null) ? openApi.getComponents() : new Components();
			openApi.setComponents(components.addSchemas("Problem", problemSchema())
				.addSchemas("FieldError", fieldErrorSchema())
				.addResponses("Busy", busyResponse()));
			if (openApi.getPaths() == null) {
				return;
			}
			openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
				ApiResponses responses = (operation.getResponses() != null) ? operation.getResponses()
						: new ApiResponses();
				problemBodies(responses);
				boolean anonymous = SecurityConfiguration.isAnonymousApi(HttpMethod.valueOf(method.name()), path);
				addProblem(responses, "400", "The request is invalid: every bad field is in errors[]");
				if (!anonymous) {
					addProblem(responses, "401", "No valid bearer token");
					addProblem(responses, "403", "The caller may not act on this object");
				}
				if (path.contains("{")) {
					addProblem(responses, "404", "No such object");
				}
				if (!responses.containsKey("503")) {
					responses.addApiResponse("503", new ApiResponse().$ref("#/components/responses/Busy"));
				}
				addProblem(responses, "default", "Any other error, with a stable code");
				operation.setResponses(responses);
				boolean declared = operation.getParameters() != null && operation.getParameters()
					.stream()
					.anyMatch((parameter) -> "Accept-Language".equalsIgnoreCase(parameter.getName()));
				if (!declared) {
					operation.addParametersItem(new HeaderParameter().name("Accept-Language")
						.description("Language of messages: zh-CN (default) or en")
						.required(false)
						.schema(new StringSchema()._default("zh-CN").example("en")));
				}
			}));
		};
	}

	/**
	 * An error declared with {@code @ApiResponse} keeps its description; its body is a
	 * problem, not the operation's answer that springdoc puts there.
	 */
	private static void problemBodies(ApiResponses responses) {
		responses.forEach((code, response) -> {
			// also one without a body: an operation that answers 204 declares its errors
			// so
			if ((code.startsWith("4") || code.startsWith("5")) && (response.getContent() == null
					|| !response.getContent().containsKey("application/problem+json"))) {
				response.setContent(new Content().addMediaType("application/problem+json",
						new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
			}
		});
	}

	/**
	 * 503 {@code BUSY}: a transaction that lost a deadlock or a lock wait to another one,
	 * of which nothing was written; sent again after {@code Retry-After} seconds it is
	 * done (a write with the same {@code Idempotency-Key}, once). Declared once among the
	 * components, named by every operation.
	 */
	private static ApiResponse busyResponse() {
		return new ApiResponse()
			.description("BUSY: the request met another at the same rows and nothing of it was written; send it"
					+ " again after Retry-After seconds")
			.content(new Content().addMediaType("application/problem+json",
					new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))))
			.addHeaderObject("Retry-After", new Header().description("Seconds to wait before sending the request again")
				.schema(new IntegerSchema()));
	}

	private static void addProblem(ApiResponses responses, String status, String description) {
		if (!responses.containsKey(status)) {
			responses.addApiResponse(status,
					new ApiResponse().description(description)
						.content(new Content().addMediaType("application/problem+json",
								new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")))));
		}
	}

	private static Schema<?> problemSchema() {
		return new ObjectSchema().description("RFC 9457 problem details with the platform's stable code")
			.addProperty("type", new StringSchema())
			.addProperty("title", new StringSchema())
			.addProperty("status", new IntegerSchema())
			.addProperty("detail", new StringSchema())
			.addProperty("instance", new StringSchema())
			.addProperty("code", new StringSchema().description("Stable upper-snake-case reason, e.g. ACTIVITY_FULL"))
			.addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/FieldError")))
			.required(List.of("status", "code"));
	}

	private static Schema<?> fieldErrorSchema() {
		return new ObjectSchema().addProperty("field", new StringSchema())
			.addProperty("message", new StringSchema())
			.required(List.of("field", "message"));
	}

	static String operationIdOf(Class<?> controller, String method) {
		String subject = controller.getSimpleName().replaceAll("(Page)?Controller$", "");
		String prefix = subject.isEmpty() ? "" : Character.toLowerCase(subject.charAt(0)) + subject.substring(1);
		return prefix.isEmpty() ? method : prefix + Character.toUpperCase(method.charAt(0)) + method.substring(1);
	}

	static String moduleOf(Class<?> controller) {
		String name = controller.getPackageName();
		String base = "org.zhiyuan.";
		if (!name.startsWith(base)) {
			return "platform";
		}
		String module = name.substring(base.length());
		int dot = module.indexOf('.');
		return ((dot < 0) ? module : module.substring(0, dot)).toLowerCase(Locale.ROOT);
	}

}
