package org.zhiyuan.record;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A module's section of a volunteer's records page: a Thymeleaf fragment of the
 * contributing module ({@code template :: fragment}) that reads its {@code model} as the
 * variable {@code part}.
 */
public record RecordsPagePart(String template, String fragment, Map<String, Object> model) {

	public RecordsPagePart {
		model = Collections.unmodifiableMap(new LinkedHashMap<>(model));
	}

}
