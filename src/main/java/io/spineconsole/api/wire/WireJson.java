package io.spineconsole.api.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.spineconsole.domain.Coded;
import io.spineconsole.domain.messages.MessageFilter;

import java.io.IOException;

/**
 * The admin API's JSON conventions, shared by the HTTP client and the sandbox server: ISO-8601
 * dates, {@link Coded} enums written as their codes. The server reads strictly (an unknown field
 * is a client mistake); the client reads leniently (a newer server may add fields).
 */
public final class WireJson {
    private WireJson() {
    }

    /**
     * The server's: an unknown member, a body with trailing content, or a value of the wrong JSON
     * type (a number or boolean where text belongs, text or a fraction where a whole number belongs)
     * is refused, not coerced, as openapi.yaml's types say.
     */
    public static ObjectMapper strictMapper() {
        JsonMapper mapper = base().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        return mapper;
    }

    public static ObjectMapper lenientMapper() {
        return base().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    /**
     * The console's client: reads leniently and leaves out of request bodies the members it does not
     * set, since openapi.yaml declares optional request members as absent, not null. Map entries are
     * written as they are: a merge patch's null clears a member.
     */
    public static ObjectMapper clientMapper() {
        return base().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                        JsonInclude.Include.ALWAYS)).build();
    }

    private static JsonMapper.Builder base() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(codedEnums())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .addMixIn(MessageFilter.class, OmitNulls.class);
    }

    /**
     * For types whose members openapi.yaml declares without {@code null} (a message filter: a member
     * it does not set is left out, not written as null), on requests and answers alike.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    private abstract static class OmitNulls {
    }

    private static SimpleModule codedEnums() {
        SimpleModule module = new SimpleModule("coded-enums") {
            @Override
            public void setupModule(SetupContext context) {
                super.setupModule(context);
                context.addDeserializers(new Deserializers.Base() {
                    @Override
                    public JsonDeserializer<?> findEnumDeserializer(Class<?> type, DeserializationConfig config,
                                                                    BeanDescription beanDesc) {
                        return Coded.class.isAssignableFrom(type) ? new CodedDeserializer(type) : null;
                    }
                });
            }
        };
        module.addSerializer(new CodedSerializer());
        return module;
    }

    private static final class CodedSerializer extends StdSerializer<Coded> {
        CodedSerializer() {
            super(Coded.class);
        }

        @Override
        public void serialize(Coded value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(value.code());
        }
    }

    private static final class CodedDeserializer extends StdDeserializer<Object> {
        private final Class<?> type;

        CodedDeserializer(Class<?> type) {
            super(type);
            this.type = type;
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.getValueAsString();
            for (Object constant : type.getEnumConstants()) {
                if (((Coded) constant).code().equals(text)) {
                    return constant;
                }
            }
            JavaType javaType = ctxt.constructType(type);
            return ctxt.handleWeirdStringValue(javaType.getRawClass(), text, "not one of the allowed values");
        }
    }
}
