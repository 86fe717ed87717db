package io.freightgate.api;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.freightgate.kernel.LoadId;
import io.freightgate.kernel.Money;
import io.freightgate.kernel.PaymentAttemptId;
import io.freightgate.kernel.PaymentRefundId;
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.kernel.TenantId;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.jackson.TypeNameResolver;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.media.UUIDSchema;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.Ordered;

/**
 * swagger-core's model resolver as the wire needs it. The API is written by the application's Jackson 3 mapper with
 * snake_case names; swagger-core introspects with its own Jackson 2 mapper, so it gets the same naming strategy here
 * (a copy: the mapper that writes the document itself keeps its names). Nested request and response records are named
 * after their enclosing type ({@code PaymentRequestsController.CreateRequest} is {@code PaymentRequestsCreateRequest},
 * not the {@code CreateRequest} of the webhook endpoints). {@link Money}, {@link TenantId} and the typed ids are
 * described as {@link JsonConfiguration} writes them.
 *
 * <p>Ordered first among the model converters, so springdoc registers it before its own (unwrapping
 * {@code ResponseEntity}, polymorphism) and they delegate to it.
 */
final class WireModelResolver extends ModelResolver implements Ordered {

    static final String MONEY = "Money";

    /** Typed ids: on the wire the UUID they wrap, described exactly as a plain {@code UUID} field was. */
    private static final Set<Class<?>> TYPED_IDS =
            Set.of(PaymentRequestId.class, PaymentAttemptId.class, PaymentRefundId.class, LoadId.class);

    WireModelResolver(ObjectMapper documentMapper) {
        super(documentMapper.copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE), new NestedNames());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Schema resolve(AnnotatedType annotated, ModelConverterContext context, Iterator<ModelConverter> chain) {
        JavaType type = _mapper.constructType(annotated.getType());
        if (type.getRawClass() == TenantId.class) {
            return new UUIDSchema().description("An organization's id");
        }
        if (TYPED_IDS.contains(type.getRawClass())) {
            return new UUIDSchema();
        }
        if (type.getRawClass() == Money.class) {
            if (!context.getDefinedModels().containsKey(MONEY)) {
                context.defineModel(MONEY, money());
            }
            return new Schema<>().$ref(Components.SCHEMAS + MONEY);
        }
        return super.resolve(annotated, context, chain);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema money() {
        Schema schema = new ObjectSchema()
                .name(MONEY)
                .description("An exact amount: minor units of the currency (cents for EUR), the ISO 4217 currency code"
                        + " and, in responses, the amount formatted for display.")
                .addProperty("minor", new IntegerSchema().format("int64").example(125000))
                .addProperty("currency", new StringSchema().pattern("[A-Z]{3}").example("EUR"))
                .addProperty("formatted", new StringSchema().readOnly(true).example("1250.00 EUR"));
        schema.setRequired(List.of("minor", "currency"));
        schema.setExample(Map.of("minor", 125000, "currency", "EUR", "formatted", "1250.00 EUR"));
        return schema;
    }

    /** Where schemas live in the document. */
    static final class Components {
        static final String SCHEMAS = "#/components/schemas/";

        private Components() {}
    }

    /** Nested types are named after their enclosing types, without a {@code Controller} suffix. */
    static final class NestedNames extends TypeNameResolver {

        @Override
        protected String getNameOfClass(Class<?> type) {
            var annotation = type.getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
            if ((annotation != null && !annotation.name().isEmpty()) || type.getEnclosingClass() == null) {
                return super.getNameOfClass(type);
            }
            var name = new StringBuilder(type.getSimpleName());
            for (Class<?> enclosing = type.getEnclosingClass();
                    enclosing != null;
                    enclosing = enclosing.getEnclosingClass()) {
                String simple = enclosing.getSimpleName();
                name.insert(
                        0,
                        simple.endsWith("Controller")
                                ? simple.substring(0, simple.length() - "Controller".length())
                                : simple);
            }
            return name.toString();
        }
    }
}
