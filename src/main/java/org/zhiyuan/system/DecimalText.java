package org.zhiyuan.system;

import java.math.BigDecimal;
import java.util.regex.Pattern;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Decimals, which are hours here, travel as decimal text with at least two places
 * ({@code "2.50"}), never as JSON numbers, so that no client reads them as floats: every
 * {@link BigDecimal} in a response is written so, and a request's is read only from text
 * such as {@code "2.5"} or {@code "2.50"}; a JSON number or any other text is refused
 * with the field named.
 */
@Configuration(proxyBeanMethods = false)
class DecimalText {

	/** Plain decimal notation: no exponent, no sign but minus, no NaN or infinity. */
	private static final Pattern PLAIN = Pattern.compile("-?[0-9]{1,15}(\\.[0-9]{1,15})?");

	@Bean
	JacksonModule decimalTextModule() {
		return new SimpleModule("decimal-text").addSerializer(BigDecimal.class, new Writer())
			.addDeserializer(BigDecimal.class, new Reader());
	}

	/** The decimal as it is shown: plain, with at least two places. */
	static String format(BigDecimal value) {
		return ((value.scale() < 2) ? value.setScale(2) : value).toPlainString();
	}

	static final class Writer extends StdSerializer<BigDecimal> {

		Writer() {
			super(BigDecimal.class);
		}

		@Override
		public void serialize(BigDecimal value, JsonGenerator generator, SerializationContext context) {
			generator.writeString(format(value));
		}

	}

	static final class Reader extends StdDeserializer<BigDecimal> {

		Reader() {
			super(BigDecimal.class);
		}

		@Override
		public BigDecimal deserialize(JsonParser parser, DeserializationContext context) {
			if (!parser.hasToken(JsonToken.VALUE_STRING)) {
				return (BigDecimal) context.handleUnexpectedToken(BigDecimal.class, parser);
			}
			String text = parser.getString();
			if (!PLAIN.matcher(text).matches()) {
				return (BigDecimal) context.handleWeirdStringValue(BigDecimal.class, text,
						"not a decimal such as \"2.50\"");
			}
			return new BigDecimal(text);
		}

	}

}
