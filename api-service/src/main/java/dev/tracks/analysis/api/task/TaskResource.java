package dev.tracks.analysis.api.task;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracks.analysis.api.mirror.MirroredTask;
import dev.tracks.analysis.api.problem.ApiException;
import dev.tracks.analysis.task.TaskPhase;
import io.agroal.api.AgroalDataSource;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The tasks of the admin API: create, list and read from the status mirror, cancel. */
@Path("/api/admin/analysis/tasks")
@Produces(MediaType.APPLICATION_JSON)
public class TaskResource {

    static final int MAX_LIMIT = 500;
    /** The sort keys, which are also the column names; migration V22 has an index for each (see TaskListing). */
    public static final Set<String> SORTABLE = Set.of("created_at", "updated_at", "priority", "status", "skill_name",
            "id");

    private final TaskService tasks;
    private final AgroalDataSource database;
    private final ObjectMapper json;
    private final LargeCounts largeCounts;
    private final SecurityIdentity caller;

    TaskResource(TaskService tasks, AgroalDataSource database, ObjectMapper json, LargeCounts largeCounts,
                 SecurityIdentity caller) {
        this.tasks = tasks;
        this.database = database;
        this.json = json;
        this.largeCounts = largeCounts;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a task", description = "Validates the skill and its parameters against the catalog,"
            + " refuses a task with nothing to analyze (422 with the count), creates the AnalysisTask.")
    @APIResponse(responseCode = "201", description = "The task, as the mirror recorded it.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TaskView.class)),
            headers = @Header(name = "Location", description = "The task's URL.", required = true,
                    schema = @Schema(type = SchemaType.STRING, format = "uri")))
    @APIResponse(responseCode = "400", description = "Malformed JSON, an unknown field or a value of the wrong type.")
    @APIResponse(responseCode = "415", description = "Not application/json.")
    @APIResponse(responseCode = "422", description = "A value the catalog or the validation refuses, or nothing to"
            + " analyze.")
    @APIResponse(responseCode = "503", description = "Kubernetes or PostgreSQL cannot be reached; nothing was"
            + " created.")
    public Response create(TaskRequest request, UriInfo uri) {
        if (request == null) {
            throw ApiException.badRequest(null, "a JSON body is required");
        }
        MirroredTask row = tasks.create(request, caller.getPrincipal().getName());
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(row.id)).build())
                .entity(TaskView.of(row)).build();
    }

    @GET
    @Operation(summary = "List tasks", description = "From the status mirror, newest first by default; never waits"
            + " on the Kubernetes API. total is exact up to " + TaskListing.TOTAL_CAP + " matching tasks; beyond,"
            + " total_exact is false and total is a lower bound (counting every match of a large history would cost"
            + " each request a scan).")
    @APIResponse(responseCode = "200", description = "A page of tasks. A parameter with an empty value counts as"
            + " absent.")
    @APIResponse(responseCode = "400", description = "A malformed query parameter (not an integer, time or boolean).")
    @APIResponse(responseCode = "422", description = "A value out of range, or an unknown skill, status or sort key.")
    @APIResponse(responseCode = "503", description = "PostgreSQL cannot be reached.")
    public TaskView.Page list(
            @QueryParam("skill_name") @Parameter(allowEmptyValue = true) String skillName,
            @QueryParam("status") @Parameter(allowEmptyValue = true) String status,
            @QueryParam("limit") @DefaultValue("20") @Parameter(allowEmptyValue = true, schema = @Schema(
                    type = SchemaType.INTEGER, minimum = "1", maximum = "" + MAX_LIMIT, defaultValue = "20"))
            String limit,
            @QueryParam("offset") @DefaultValue("0") @Parameter(allowEmptyValue = true, schema = @Schema(
                    type = SchemaType.INTEGER, minimum = "0", maximum = "2147483647", defaultValue = "0"))
            String offset,
            @QueryParam("sort") @DefaultValue("-created_at") @Parameter(allowEmptyValue = true) String sort,
            @QueryParam("created_after") @Parameter(allowEmptyValue = true, schema = @Schema(
                    type = SchemaType.STRING, format = "date-time")) String createdAfter,
            @QueryParam("created_before") @Parameter(allowEmptyValue = true, schema = @Schema(
                    type = SchemaType.STRING, format = "date-time")) String createdBefore,
            @QueryParam("include_deleted") @DefaultValue("true") @Parameter(allowEmptyValue = true, schema = @Schema(
                    type = SchemaType.BOOLEAN, defaultValue = "true")) String includeDeleted) {
        int pageSize = integer("limit", limit, 1, MAX_LIMIT);
        int skip = integer("offset", offset, 0, Integer.MAX_VALUE);
        boolean descending = sort.startsWith("-");
        String column = descending ? sort.substring(1) : sort;
        if (!SORTABLE.contains(column)) {
            throw ApiException.invalid("sort", "must be one of " + new TreeSet<>(SORTABLE) + ", optionally with a"
                    + " leading '-' for descending, got '" + sort + "'");
        }
        TaskListing listing = new TaskListing();
        if (skillName != null) {
            TaskSpecs.skill(skillName, "skill_name");
            listing.skillName(skillName);
        }
        if (status != null) {
            listing.status(status(status));
        }
        if (createdAfter != null) {
            listing.createdAfter(Rfc3339.parse("created_after", createdAfter));
        }
        if (createdBefore != null) {
            listing.createdBefore(Rfc3339.parse("created_before", createdBefore));
        }
        if (!bool("include_deleted", includeDeleted)) {
            listing.liveOnly();
        }
        return listing.page(database, json, largeCounts, column, descending, skip, pageSize);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A task with its progress and ETA")
    @APIResponse(responseCode = "200", description = "The task.")
    @APIResponse(responseCode = "404", description = "No task with this id.")
    @APIResponse(responseCode = "503", description = "PostgreSQL cannot be reached.")
    public TaskView get(@PathParam("id") String id) {
        MirroredTask row = MirroredTask.findById(id(id));
        if (row == null) {
            throw ApiException.notFound("no task with id " + id);
        }
        return TaskView.of(row);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Cancel a task", description = "Sets spec.cancel; 202, also when asked again; 409 when the"
            + " task has already finished.")
    @APIResponse(responseCode = "202", description = "Cancellation requested; the task as it is now.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TaskView.class)))
    @APIResponse(responseCode = "404", description = "No task with this id.")
    @APIResponse(responseCode = "409", description = "The task has already finished or no longer exists.")
    @APIResponse(responseCode = "503", description = "Kubernetes or PostgreSQL cannot be reached; nothing was"
            + " changed.")
    public Response cancel(@PathParam("id") String id) {
        return Response.accepted(TaskView.of(tasks.cancel(id(id)))).build();
    }

    private static long id(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ApiException.notFound("no task with id " + value);
        }
    }

    private static int integer(String name, String value, int min, int max) {
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < min || parsed > max) {
                throw ApiException.invalid(name, "must be between " + min + " and " + max + ", got " + parsed);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name, "must be an integer, got '" + value + "'");
        }
    }

    private static String status(String value) {
        return TaskPhase.fromDisplayName(value).map(TaskPhase::displayName).orElseThrow(() ->
                ApiException.invalid("status", "must be one of " + Arrays.stream(TaskPhase.values())
                        .map(TaskPhase::displayName).toList() + ", got '" + value + "'"));
    }

    /** true or false, nothing else: JAX-RS would read any other word as false. */
    private static boolean bool(String name, String value) {
        if (!value.equals("true") && !value.equals("false")) {
            throw ApiException.badRequest(name, "must be true or false, got '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }
}
