package org.zhiyuan.volunteer.web;

import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.swagger.v3.oas.annotations.Operation;
import org.zhiyuan.volunteer.VolunteerProperties;
import org.zhiyuan.volunteer.VolunteerRegistration;

import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a registration must accept, in the caller's language: the privacy policy and the
 * volunteer oath, each with the version that {@code consents} in a registration names.
 */
@RestController
class ConsentController {

	private static final int POLICY_PARAGRAPHS = 5;

	private final VolunteerRegistration registration;

	private final MessageSource messages;

	ConsentController(VolunteerRegistration registration, MessageSource messages) {
		this.registration = registration;
		this.messages = messages;
	}

	@GetMapping("/api/v1/consents")
	@Operation(operationId = "getConsents", summary = "The privacy policy and oath a registration must accept")
	ConsentsResponse consents(Locale locale) {
		VolunteerProperties terms = this.registration.terms();
		String policy = IntStream.rangeClosed(1, POLICY_PARAGRAPHS)
			.mapToObj((n) -> this.messages.getMessage("privacy.p" + n, null, locale))
			.collect(Collectors.joining("\n"));
		return new ConsentsResponse(
				new Consent(terms.privacyPolicyVersion(), this.messages.getMessage("privacy.title", null, locale),
						policy),
				new Consent(terms.oathVersion(), this.messages.getMessage("field.consents.oath", null, locale),
						this.messages.getMessage("oath.text", null, locale)));
	}

	/** The two texts a registration accepts. */
	record ConsentsResponse(Consent privacyPolicy, Consent oath) {

	}

	/** One text to accept, with its version. */
	record Consent(String version, String title, String text) {

	}

}
