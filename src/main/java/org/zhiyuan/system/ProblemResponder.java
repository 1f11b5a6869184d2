package org.zhiyuan.system;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Writes problem+json outside Spring MVC: for the security filters (401, 403) and the
 * error endpoint. The language comes from the request, as it would inside MVC.
 */
@Component
class ProblemResponder {

	private final Problems problems;

	private final LocaleResolver localeResolver;

	private final JsonMapper json;

	ProblemResponder(Problems problems, LocaleResolver localeResolver) {
		this.problems = problems;
		this.localeResolver = localeResolver;
		this.json = JsonMapper.builder().build();
	}

	AuthenticationEntryPoint unauthorized() {
		return (request, response, ex) -> write(request, response, 401, "UNAUTHORIZED", messageKeyFor(ex));
	}

	AccessDeniedHandler forbidden() {
		return (request, response, ex) -> write(request, response, 403, "FORBIDDEN", "problem.forbidden");
	}

	void write(HttpServletRequest request, HttpServletResponse response, int status, String code, String key)
			throws IOException {
		if (status == 401) {
			response.setHeader("WWW-Authenticate", "Bearer");
		}
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getOutputStream().write(json(request, status, code, key).getBytes(StandardCharsets.UTF_8));
	}

	/** The problem as JSON text, in the request's language. */
	String json(HttpServletRequest request, int status, String code, String key) {
		ProblemDetail problem = this.problems.build(status, code, key, null, List.of(),
				this.localeResolver.resolveLocale(request));
		java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
		body.put("type", problem.getType().toString());
		body.put("title", problem.getTitle());
		body.put("status", problem.getStatus());
		body.put("detail", problem.getDetail());
		instanceOf(request).ifPresent((instance) -> body.put("instance", instance));
		if (problem.getProperties() != null) {
			body.putAll(problem.getProperties());
		}
		return this.json.writeValueAsString(body);
	}

	/**
	 * The request's path, when it has one that is a valid URI: a request the server
	 * refused may have neither.
	 */
	private static java.util.Optional<String> instanceOf(HttpServletRequest request) {
		try {
			return java.util.Optional.ofNullable(request.getRequestURI()).map((uri) -> URI.create(uri).toString());
		}
		catch (IllegalArgumentException ex) {
			return java.util.Optional.empty();
		}
	}

	private static String messageKeyFor(AuthenticationException ex) {
		return (ex != null && ex.getClass().getSimpleName().contains("Token")) ? "problem.invalidToken"
				: "problem.unauthorized";
	}

}
