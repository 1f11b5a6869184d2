package org.zhiyuan.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.ProblemException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.exc.MismatchedInputException;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure into a clear answer: problem+json under {@code /api}, the error
 * page elsewhere. A client's mistake is a 4xx with a stable {@code code}; only the
 * platform's own faults are 500s, and those are logged without request data.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	private final Problems problems;

	private final MessageSource messages;

	ApiExceptionHandler(Problems problems, MessageSource messages) {
		this.problems = problems;
		this.messages = messages;
	}

	@ExceptionHandler(ProblemException.class)
	Object problem(ProblemException ex, HttpServletRequest request) {
		Object answer = respond(request, ex.status(), ex.code(), ex.messageKey(), ex.args(), ex.fieldProblems());
		if (answer instanceof ResponseEntity<?> entity && entity.getBody() instanceof ProblemDetail problem) {
			ex.properties().forEach(problem::setProperty);
		}
		return answer;
	}

	@ExceptionHandler(BindException.class)
	Object invalidBody(BindException ex, HttpServletRequest request) {
		Locale locale = LocaleContextHolder.getLocale();
		List<FieldProblem> fields = new ArrayList<>();
		for (FieldError error : ex.getBindingResult().getFieldErrors()) {
			fields.add(new FieldProblem(error.getField(), "validation.raw", this.messages.getMessage(error, locale)));
		}
		ex.getBindingResult()
			.getGlobalErrors()
			.forEach((error) -> fields.add(new FieldProblem(error.getObjectName(), "validation.raw",
					this.messages.getMessage(error, locale))));
		return respond(request, 400, "VALIDATION_FAILED", "problem.validation", null, fields);
	}

	@ExceptionHandler(HandlerMethodValidationException.class)
	Object invalidParameters(HandlerMethodValidationException ex, HttpServletRequest request) {
		Locale locale = LocaleContextHolder.getLocale();
		List<FieldProblem> fields = new ArrayList<>();
		ex.getParameterValidationResults().forEach((result) -> {
			String name = (result.getMethodParameter().getParameterName() != null)
					? result.getMethodParameter().getParameterName() : "parameter";
			result.getResolvableErrors()
				.forEach((error) -> fields
					.add(new FieldProblem(name, "validation.raw", this.messages.getMessage(error, locale))));
		});
		return respond(request, 400, "VALIDATION_FAILED", "problem.validation", null, fields);
	}

	/**
	 * A body that is no JSON is malformed; a value of the wrong type in well-formed JSON
	 * (a number for text, text for a number or flag, a fraction for a whole number) is an
	 * invalid field, named by its path and told what type it must be.
	 */
	@ExceptionHandler(HttpMessageNotReadableException.class)
	Object unreadable(HttpMessageNotReadableException ex, HttpServletRequest request) {
		Throwable cause = ex.getCause();
		if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
			String field = pathOf(jackson);
			if (jackson instanceof MismatchedInputException mismatch) {
				return respond(request, 400, "VALIDATION_FAILED", "problem.validation", null,
						List.of(TypeProblems.of(field, mismatch.getTargetType())));
			}
			if (jackson instanceof InputCoercionException outOfRange) {
				return respond(request, 400, "VALIDATION_FAILED", "problem.validation", null,
						List.of(TypeProblems.of(field, outOfRange.getTargetType())));
			}
			return respond(request, 400, "MALFORMED_REQUEST", "problem.malformed", null,
					List.of(new FieldProblem(field, "validation.unreadableValue")));
		}
		return respond(request, 400, "MALFORMED_REQUEST", "problem.malformed", null, null);
	}

	/**
	 * A query or form the server cannot read (bytes that are no UTF-8), or values the
	 * firewall refuses when they are read.
	 */
	@ExceptionHandler({ InvalidParameterException.class, RequestRejectedException.class })
	Object unreadableParameters(RuntimeException ex, HttpServletRequest request) {
		return respond(request, 400, "MALFORMED_REQUEST", "problem.malformed", null, null);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	Object typeMismatch(MethodArgumentTypeMismatchException ex, HttpServletRequest request) {
		return respond(request, 400, "VALIDATION_FAILED", "problem.validation", null,
				List.of(new FieldProblem(ex.getName(), "validation.unreadableValue")));
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	Object missingParameter(MissingServletRequestParameterException ex, HttpServletRequest request) {
		return respond(request, 400, "VALIDATION_FAILED", "problem.validation", null,
				List.of(new FieldProblem(ex.getParameterName(), "validation.required")));
	}

	@ExceptionHandler(MissingRequestHeaderException.class)
	Object missingHeader(MissingRequestHeaderException ex, HttpServletRequest request) {
		return respond(request, 400, "VALIDATION_FAILED", "problem.validation", null,
				List.of(new FieldProblem(ex.getHeaderName(), "validation.required")));
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	Object methodNotAllowed(HttpRequestMethodNotSupportedException ex, HttpServletRequest request) {
		return respond(request, 405, "METHOD_NOT_ALLOWED", "problem.methodNotAllowed", new Object[] { ex.getMethod() },
				null);
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	Object unsupportedMediaType(HttpMediaTypeNotSupportedException ex, HttpServletRequest request) {
		return respond(request, 415, "UNSUPPORTED_MEDIA_TYPE", "problem.unsupportedMediaType", null, null);
	}

	@ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
	ResponseEntity<Void> notAcceptable() {
		return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE).build();
	}

	@ExceptionHandler(NoResourceFoundException.class)
	Object notFound(NoResourceFoundException ex, HttpServletRequest request) {
		return respond(request, 404, "NOT_FOUND", "problem.notFound", null, null);
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	Object tooLarge(MaxUploadSizeExceededException ex, HttpServletRequest request) {
		return respond(request, 413, "PAYLOAD_TOO_LARGE", "problem.tooLarge", null, null);
	}

	@ExceptionHandler(MultipartException.class)
	Object badMultipart(MultipartException ex, HttpServletRequest request) {
		return respond(request, 400, "MALFORMED_REQUEST", "problem.malformed", null, null);
	}

	@ExceptionHandler(AccessDeniedException.class)
	Object accessDenied(AccessDeniedException ex, HttpServletRequest request) {
		return respond(request, 403, "FORBIDDEN", "problem.forbidden", null, null);
	}

	@ExceptionHandler(AuthenticationException.class)
	Object unauthenticated(AuthenticationException ex, HttpServletRequest request) {
		return respond(request, 401, "UNAUTHORIZED", "problem.unauthorized", null, null);
	}

	/**
	 * A transaction the database gave up on for the locks of another (a deadlock, or a
	 * wait it broke off): nothing of it was written, and the same request sent again a
	 * moment later will most likely pass. Not a fault of the platform's nor a mistake of
	 * the client's: 503 with {@code Retry-After}.
	 */
	@ExceptionHandler(PessimisticLockingFailureException.class)
	Object busy(PessimisticLockingFailureException ex, HttpServletRequest request, HttpServletResponse response) {
		log.warn("A transaction gave way to another on {} {}: {}", request.getMethod(), request.getRequestURI(),
				ex.getClass().getName());
		response.setHeader(HttpHeaders.RETRY_AFTER, "1");
		return respond(request, 503, "BUSY", "problem.busy", null, null);
	}

	@ExceptionHandler(Exception.class)
	Object unexpected(Exception ex, HttpServletRequest request) {
		// Only the exception's type and stack: messages of driver exceptions can quote
		// request data.
		log.error("Unexpected failure on {} {}: {}", request.getMethod(), request.getRequestURI(),
				ex.getClass().getName(), withoutMessage(ex));
		return respond(request, 500, "INTERNAL_ERROR", "problem.internal", null, null);
	}

	private Object respond(HttpServletRequest request, int status, String code, String key, Object[] args,
			List<FieldProblem> fields) {
		if (isApi(request)) {
			ProblemDetail problem = this.problems.build(status, code, key, args, fields,
					LocaleContextHolder.getLocale());
			problem.setInstance(java.net.URI.create(request.getRequestURI()));
			return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
		ModelAndView page = new ModelAndView("error");
		page.setStatus(HttpStatus.valueOf(status));
		page.addObject("status", status);
		page.addObject("code", code);
		page.addObject("detail", this.problems.message(key, args, LocaleContextHolder.getLocale(), key));
		page.addObject("fieldMessages", (fields != null) ? fields.stream()
			.map((f) -> this.problems.message(f.messageKey(), f.args(), LocaleContextHolder.getLocale(), f.field()))
			.toList() : List.of());
		return page;
	}

	static boolean isApi(HttpServletRequest request) {
		if (request.getRequestURI() == null) {
			return false;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith("/api/") || path.equals("/api");
	}

	private static String pathOf(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static Throwable withoutMessage(Throwable ex) {
		Throwable copy = new Throwable(ex.getClass().getName());
		copy.setStackTrace(ex.getStackTrace());
		return copy;
	}

}
