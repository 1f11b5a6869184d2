package org.zhiyuan.system;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.zhiyuan.shared.FieldProblem;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Builds RFC 9457 problem details in the caller's language: {@code title} from the
 * status, {@code detail} from a message key, plus the stable {@code code} and, for
 * invalid fields, {@code errors: [{"field", "message"}]}.
 */
@Component
class Problems {

	private final MessageSource messages;

	Problems(MessageSource messages) {
		this.messages = messages;
	}

	ProblemDetail build(int status, String code, String messageKey, Object[] args, List<FieldProblem> fields,
			Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setType(URI.create("urn:zhiyuan:problem:" + code.toLowerCase(Locale.ROOT).replace('_', '-')));
		problem.setTitle(message("problem.title." + status, null, locale, reasonOf(status)));
		problem.setDetail(message(messageKey, args, locale, messageKey));
		problem.setProperty("code", code);
		if (fields != null && !fields.isEmpty()) {
			problem.setProperty("errors",
					fields.stream()
						.map((field) -> Map.of("field", field.field(), "message",
								message(field.messageKey(), field.args(), locale, field.messageKey())))
						.toList());
		}
		return problem;
	}

	String message(String key, Object[] args, Locale locale, String fallback) {
		return this.messages.getMessage(key, args, fallback, locale);
	}

	private static String reasonOf(int status) {
		HttpStatus known = HttpStatus.resolve(status);
		return (known != null) ? known.getReasonPhrase() : "Error";
	}

}
