package org.zhiyuan.system;

import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.ModelAndView;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A transaction the database gave up on for another's locks (a lost deadlock: on a Citus
 * cluster simultaneous writes to the directory's copies may deadlock where one PostgreSQL
 * would make one wait; a lock wait H2 broke off) wrote nothing: the answer says so and
 * asks for the request again, instead of a 500.
 */
class BusyProblemUnitTests {

	private final ApiExceptionHandler handler = handler();

	@AfterEach
	void resetLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void aLostDeadlockIsA503WithRetryAfterInTheCallersLanguage() {
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		MockHttpServletResponse response = new MockHttpServletResponse();
		Object answer = this.handler.busy(new PessimisticLockingFailureException("deadlock detected"),
				new MockHttpServletRequest("POST", "/api/v1/organizations"), response);

		assertThat(response.getHeader("Retry-After")).isEqualTo("1");
		assertThat(answer).isInstanceOf(ResponseEntity.class);
		ResponseEntity<?> entity = (ResponseEntity<?>) answer;
		assertThat(entity.getStatusCode().value()).isEqualTo(503);
		assertThat(entity.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		ProblemDetail problem = (ProblemDetail) entity.getBody();
		assertThat(problem.getProperties()).containsEntry("code", "BUSY");
		assertThat(problem.getDetail()).contains("没有保存").doesNotContain("deadlock");
		assertThat(problem.getInstance()).hasToString("/api/v1/organizations");
	}

	@Test
	void aPageSaysTheSameInEnglish() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		MockHttpServletResponse response = new MockHttpServletResponse();
		Object answer = this.handler.busy(new CannotAcquireLockException("Timeout trying to lock table"),
				new MockHttpServletRequest("POST", "/me/profile"), response);

		assertThat(response.getHeader("Retry-After")).isEqualTo("1");
		assertThat(answer).isInstanceOf(ModelAndView.class);
		ModelAndView page = (ModelAndView) answer;
		assertThat(page.getStatus().value()).isEqualTo(503);
		assertThat(page.getModel()).containsEntry("code", "BUSY");
		assertThat((String) page.getModel().get("detail")).contains("nothing was saved")
			.doesNotContain("Timeout trying");
	}

	private static ApiExceptionHandler handler() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("i18n/messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return new ApiExceptionHandler(new Problems(messages), messages);
	}

}
