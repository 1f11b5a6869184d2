package org.zhiyuan.system;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Text that the platform can keep: a string in a request body with a NUL character (which
 * PostgreSQL cannot store) or half a surrogate pair (which is no character at all, and
 * would be stored as {@code ?}) is refused as malformed, with the field named, before any
 * code sees it. Query and form parameters follow the same rule through
 * {@link SecurityConfiguration#firewall()}.
 */
@Configuration(proxyBeanMethods = false)
class StorableText {

	@Bean
	JacksonModule storableTextModule() {
		return new SimpleModule("storable-text").addDeserializer(String.class, new Deserializer());
	}

	/** Whether every character of the text can be stored and shown as it was sent. */
	static boolean isStorable(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\0') {
				return false;
			}
			if (Character.isHighSurrogate(c)) {
				if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
					return false;
				}
				i++;
			}
			else if (Character.isLowSurrogate(c)) {
				return false;
			}
		}
		return true;
	}

	static final class Deserializer extends StringDeserializer {

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) {
			String text = super.deserialize(parser, context);
			if (text != null && !isStorable(text)) {
				return (String) context.handleWeirdStringValue(String.class, text,
						"a NUL character or an unpaired surrogate");
			}
			return text;
		}

	}

}
