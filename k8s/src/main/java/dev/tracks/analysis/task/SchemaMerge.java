package dev.tracks.analysis.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.Iterator;
import java.util.Map;

/**
 * Adds to a generated schema what the generator's annotations cannot say (list types, item bounds, formats): the
 * input JSON is merged recursively into the generated schema. The generator's own MergePatchCustomizer replaces
 * nested maps such as {@code properties} whole, which would drop the generated properties.
 *
 * <p>Used only while the CRD is generated; the generator is not on the run-time class path.
 */
public final class SchemaMerge implements SchemaCustomizer.Customizer {

    @Override
    public JSONSchemaProps apply(JSONSchemaProps props, String input, KubernetesSerialization serialization) {
        JsonNode schema = serialization.convertValue(props, JsonNode.class);
        merge((ObjectNode) schema, serialization.unmarshal(input, JsonNode.class));
        return serialization.convertValue(schema, JSONSchemaProps.class);
    }

    private static void merge(ObjectNode target, JsonNode addition) {
        Iterator<Map.Entry<String, JsonNode>> fields = addition.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode existing = target.get(field.getKey());
            if (existing instanceof ObjectNode existingObject && field.getValue().isObject()) {
                merge(existingObject, field.getValue());
            } else {
                target.set(field.getKey(), field.getValue());
            }
        }
    }
}
