package org.zhiyuan.signup;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A module's part of the roster page: a mark (a message key) on the cards of some
 * volunteers, and optionally a panel above the list, a Thymeleaf fragment of the
 * contributing module ({@code template :: fragment}) that reads its {@code model} as the
 * variable {@code part}.
 */
public record RosterPart(Map<UUID, String> marks, String template, String fragment, Map<String, Object> model) {

	public RosterPart {
		marks = Collections.unmodifiableMap(new LinkedHashMap<>(marks));
		model = Collections.unmodifiableMap(new LinkedHashMap<>(model));
	}

	/** The message key that marks the volunteer, or {@code null}. */
	public String markOf(UUID volunteerId) {
		return this.marks.get(volunteerId);
	}

	public boolean hasPanel() {
		return this.template != null && this.fragment != null;
	}

}
