package dev.tracks.analysis.api.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;

/**
 * An Integer field takes a JSON number without a fraction, also when written with one: 3.0 is 3 (as JSON Schema's
 * integer has it, and so the OpenAPI document), 2.5 is refused, not truncated to 2 as Jackson would.
 */
final class WholeIntegers extends StdDeserializer<Integer> {

    private final NumberDeserializers.IntegerDeserializer standard =
            new NumberDeserializers.IntegerDeserializer(Integer.class, null);

    WholeIntegers() {
        super(Integer.class);
    }

    @Override
    public Integer deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_NUMBER_FLOAT) {
            return standard.deserialize(parser, context);
        }
        try {
            return parser.getDecimalValue().intValueExact();
        } catch (ArithmeticException notWhole) {
            return (Integer) context.handleUnexpectedToken(Integer.class, parser);
        }
    }
}
