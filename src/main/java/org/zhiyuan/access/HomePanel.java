package org.zhiyuan.access;

import java.util.Map;

/**
 * A panel of the home page: a Thymeleaf fragment of the contributing module
 * ({@code template :: fragment}), which reads its {@code model} as the variable
 * {@code panel} (its values may be null); where it goes ({@link Section}) and its place
 * there.
 */
public record HomePanel(String template, String fragment, Map<String, Object> model, Section section, int order) {

	public HomePanel {
		model = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(model));
	}

	/** Where a panel goes on the page. */
	public enum Section {

		/** The signed-in person's own: shown first, before the platform's figures. */
		MINE,

		/** The platform's, for everyone: after the figures. */
		PLATFORM

	}

}
