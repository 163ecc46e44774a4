package dev.tracks.analysis.api.openapi;

import dev.tracks.analysis.api.problem.Problem;
import dev.tracks.analysis.api.reference.ReferenceLoadView;
import dev.tracks.analysis.reference.LoadOutcome;
import dev.tracks.analysis.reference.ReferenceKind;
import dev.tracks.analysis.task.KubernetesQuantity;
import dev.tracks.analysis.task.TaskMode;
import dev.tracks.analysis.task.TaskPhase;
import io.fabric8.kubernetes.api.model.Quantity;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * What the OpenAPI document says of every admin operation alike, in one place rather than on each resource: the
 * bearer token it needs (401 without one, 403 without the admin role), and that every error answers
 * application/problem+json with the {@link Problem} schema. Operation-specific statuses are annotated on the
 * resources with their descriptions only; this filter gives them the problem content. An optional JSON body may
 * also be null, which JAX-RS reads as no body, and so may an optional property of a request, which Jackson reads
 * as left out. Values that are an enum's names on the wire are listed from the enum itself.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class AdminApiDocument implements OASFilter {

    /** The name Quarkus gives the scheme of {@code quarkus.smallrye-openapi.security-scheme}. */
    private static final String SECURITY_SCHEME = "SecurityScheme";
    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

    /**
     * Properties that may be null in types outside this module, which carry no OpenAPI annotations: the catalog's
     * parameter specification (a parameter without default, bounds or unit).
     */
    private static final Map<String, List<String>> NULLABLE_ELSEWHERE = Map.of(
            "ParamSpec", List.of("default_value", "min", "max", "unit"));

    /** Properties whose values are an enum's names on the wire; their Java type is String. */
    private static final Map<String, List<String>> ENUMERATED = Map.of(
            "TaskView.status", Arrays.stream(TaskPhase.values()).map(TaskPhase::displayName).toList(),
            "TaskView.task_type", modes(),
            "TaskRequest.task_type", modes(),
            "ChainRequest.task_type", modes(),
            "ReferenceLoadView.kind", Arrays.stream(ReferenceKind.values()).map(ReferenceKind::id).toList(),
            "ReferenceLoadView.status", Arrays.stream(LoadOutcome.Status.values()).map(ReferenceLoadView::status)
                    .toList());

    @Override
    public void filterOpenAPI(OpenAPI api) {
        api.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.getOperations().values().forEach(AdminApiDocument::admin);
            }
        });
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        Schema quantity = schemas.get(Quantity.class.getName()); // named so by mp.openapi.schema.<class>
        if (quantity != null) {
            // The grammar the validation and the CRD check, from the one place that writes it.
            quantity.pattern(KubernetesQuantity.PATTERN).maxLength(KubernetesQuantity.MAX_LENGTH);
        }
        NULLABLE_ELSEWHERE.forEach((name, properties) -> {
            if (schemas.get(name) != null) {
                properties.forEach(property -> nullable(schemas.get(name).getProperties().get(property)));
            }
        });
        ENUMERATED.forEach((property, values) -> {
            String[] schemaAndProperty = property.split("\\.");
            Schema schema = schemas.get(schemaAndProperty[0]);
            if (schema != null && schema.getProperties().get(schemaAndProperty[1]) != null) {
                schema.getProperties().get(schemaAndProperty[1]).enumeration(new ArrayList<Object>(values));
            }
        });
        // After the enumerations, which then take null too.
        requestSchemas(api).forEach(name -> optionalMayBeNull(schemas.get(name)));
    }

    /** The component schemas of request bodies, and those they refer to. */
    private static Set<String> requestSchemas(OpenAPI api) {
        Set<String> names = new TreeSet<>();
        api.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation -> {
            if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                operation.getRequestBody().getContent().getMediaTypes().values()
                        .forEach(media -> referenced(media.getSchema(), api, names));
            }
        }));
        return names;
    }

    private static List<String> modes() {
        return Arrays.stream(TaskMode.values()).map(Enum::name).toList();
    }

    private static void admin(Operation operation) {
        nullWhenOptional(operation.getRequestBody());
        operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(SECURITY_SCHEME));
        if (!operation.getResponses().hasAPIResponse("401")) {
            operation.getResponses().addAPIResponse("401", OASFactory.createAPIResponse()
                    .description("No valid bearer token (WWW-Authenticate: Bearer)."));
        }
        if (!operation.getResponses().hasAPIResponse("403")) {
            operation.getResponses().addAPIResponse("403", OASFactory.createAPIResponse()
                    .description("The caller lacks the admin role."));
        }
        operation.getResponses().getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                problem(response);
            }
        });
    }

    /** The component schemas a schema refers to, directly or through its properties and items. */
    private static void referenced(Schema schema, OpenAPI api, Set<String> names) {
        if (schema == null) {
            return;
        }
        if (schema.getRef() != null) {
            String name = schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1);
            if (names.add(name)) {
                referenced(api.getComponents().getSchemas().get(name), api, names);
            }
            return;
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(property -> referenced(property, api, names));
        }
        if (schema.getAnyOf() != null) {
            schema.getAnyOf().forEach(alternative -> referenced(alternative, api, names));
        }
        referenced(schema.getItems(), api, names);
        referenced(schema.getAdditionalPropertiesSchema(), api, names);
    }

    /** Jackson reads a null for an optional field as the field left out; the request schemas say so. */
    private static void optionalMayBeNull(Schema schema) {
        if (schema == null || schema.getProperties() == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        for (Map.Entry<String, Schema> property : new ArrayList<>(schema.getProperties().entrySet())) {
            if (required.contains(property.getKey())) {
                continue;
            }
            if (property.getValue().getRef() != null) {
                schema.addProperty(property.getKey(), OASFactory.createSchema().anyOf(List.of(property.getValue(),
                        OASFactory.createSchema().addType(Schema.SchemaType.NULL))));
            } else {
                nullable(property.getValue());
            }
        }
    }

    /** JAX-RS reads a JSON null as it reads no body at all: an optional body may be null. */
    private static void nullWhenOptional(RequestBody body) {
        if (body == null || Boolean.TRUE.equals(body.getRequired()) || body.getContent() == null) {
            return;
        }
        MediaType json = body.getContent().getMediaType("application/json");
        if (json != null && json.getSchema() != null) {
            json.schema(OASFactory.createSchema().anyOf(List.of(json.getSchema(),
                    OASFactory.createSchema().addType(Schema.SchemaType.NULL))));
        }
    }

    private static void problem(APIResponse response) {
        response.content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA))));
    }

    private static void nullable(Schema property) {
        if (property != null && property.getType() != null && !property.getType().contains(Schema.SchemaType.NULL)) {
            property.addType(Schema.SchemaType.NULL);
            if (property.getEnumeration() != null) {
                property.addEnumeration(null);
            }
        }
    }
}
