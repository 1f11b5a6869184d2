package org.zhiyuan.system;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.cfg.MutableCoercionConfig;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Request bodies are read by their JSON types and nothing else: a number or a flag is no
 * text, text is no number or flag, a number is no flag, a fraction is no whole number, a
 * number is no enum value, no id and no time, and a missing or null primitive is no zero.
 * A value of the wrong type is refused with its field named (see
 * {@link ApiExceptionHandler}), never read as something it was not sent as. Hours, which
 * travel as decimal text, are read by {@link DecimalText}.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

	@Bean
	JsonMapperBuilderCustomizer strictScalars() {
		return (builder) -> builder.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
			// no digits taken for a time stamp, no 30th of February rolled over
			.defaultLeniency(false)
			.withCoercionConfig(LogicalType.Textual, StrictJson::refuseScalars)
			.withCoercionConfig(LogicalType.OtherScalar,
					(config) -> refuseScalars(config).setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Enum, StrictJson::refuseScalars)
			.withCoercionConfig(LogicalType.DateTime, StrictJson::refuseScalars);
	}

	/** Times are ISO-8601 text; no number is taken for seconds since 1970. */
	@Bean
	JacksonModule timesAsText() {
		return new SimpleModule("times-as-text")
			.addDeserializer(OffsetDateTime.class,
					new TextOnly<>(OffsetDateTime.class, InstantDeserializer.OFFSET_DATE_TIME))
			.addDeserializer(ZonedDateTime.class,
					new TextOnly<>(ZonedDateTime.class, InstantDeserializer.ZONED_DATE_TIME))
			.addDeserializer(Instant.class, new TextOnly<>(Instant.class, InstantDeserializer.INSTANT));
	}

	private static MutableCoercionConfig refuseScalars(MutableCoercionConfig config) {
		return config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
			.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
			.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
	}

	/** A value read only from JSON text, by the given reader. */
	static final class TextOnly<T> extends StdDeserializer<T> {

		private final ValueDeserializer<?> reader;

		TextOnly(Class<T> type, ValueDeserializer<?> reader) {
			super(type);
			this.reader = reader;
		}

		@Override
		public ValueDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
			ValueDeserializer<?> contextual = this.reader.createContextual(context, property);
			@SuppressWarnings("unchecked")
			Class<T> type = (Class<T>) handledType();
			return (contextual == this.reader) ? this : new TextOnly<>(type, contextual);
		}

		@Override
		@SuppressWarnings("unchecked")
		public T deserialize(JsonParser parser, DeserializationContext context) {
			if (!parser.hasToken(JsonToken.VALUE_STRING)) {
				return (T) context.handleUnexpectedToken(handledType(), parser);
			}
			return (T) this.reader.deserialize(parser, context);
		}

	}

}
