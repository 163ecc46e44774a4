package dev.tracks.analysis.api.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * A JSON value of the wrong type is refused (400 naming the field and the type it needs), not converted: by default
 * Jackson reads {@code {"skill_name": 5}} as "5", {@code {"priority": "5"}} as 5 and 2.5 as 2, so a client's mistake
 * would pass unnoticed and the API would accept what its OpenAPI document says it refuses.
 */
@Singleton
public class StrictScalars implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        // Strings to numbers and booleans, numbers to booleans...
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        // 2.5 to 2: a fraction is not an integer (3.0 is, see WholeIntegers).
        mapper.configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false);
        mapper.registerModule(new SimpleModule("whole-integers").addDeserializer(Integer.class, new WholeIntegers()));
        // ...and numbers or booleans to strings, which that feature leaves alone.
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    }
}
