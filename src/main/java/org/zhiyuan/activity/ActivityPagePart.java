package org.zhiyuan.activity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A module's section of an activity's page: a Thymeleaf fragment of the contributing
 * module ({@code template :: fragment}) that reads its {@code model} as the variable
 * {@code part}.
 */
public record ActivityPagePart(String template, String fragment, Map<String, Object> model) {

	public ActivityPagePart {
		model = Collections.unmodifiableMap(new LinkedHashMap<>(model));
	}

}
