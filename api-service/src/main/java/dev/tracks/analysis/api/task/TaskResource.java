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
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The tasks of the admin API: create, list and read from the status mirror, cancel. */
@Path("/api/admin/analysis/tasks")
@Produces(MediaType.APPLICATION_JSON)
public class TaskResource {

    static final int MAX_LIMIT = 500;
    /** The sort keys, which are also the column names; migration V22 has an index for each (see TaskListing). */
    private static final Set<String> SORTABLE = Set.of("created_at", "updated_at", "priority", "status", "skill_name",
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
    public TaskView.Page list(@QueryParam("skill_name") String skillName, @QueryParam("status") String status,
                              @QueryParam("limit") @DefaultValue("20") String limit,
                              @QueryParam("offset") @DefaultValue("0") String offset,
                              @QueryParam("sort") @DefaultValue("-created_at") String sort,
                              @QueryParam("created_after") String createdAfter,
                              @QueryParam("created_before") String createdBefore,
                              @QueryParam("include_deleted") @DefaultValue("true") String includeDeleted) {
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
            listing.createdAfter(time("created_after", createdAfter));
        }
        if (createdBefore != null) {
            listing.createdBefore(time("created_before", createdBefore));
        }
        if (!bool("include_deleted", includeDeleted)) {
            listing.liveOnly();
        }
        return listing.page(database, json, largeCounts, column, descending, skip, pageSize);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A task with its progress and ETA")
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

    /** RFC 3339 allows four-digit years only; java.time would take +3170843, which PostgreSQL cannot store. */
    private static OffsetDateTime time(String name, String value) {
        OffsetDateTime time;
        try {
            time = OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name, "must be an RFC 3339 time, got '" + value + "'");
        }
        if (time.getYear() < 1 || time.getYear() > 9999) {
            throw ApiException.badRequest(name, "must be an RFC 3339 time with a year from 0001 to 9999, got '"
                    + value + "'");
        }
        return time;
    }
}
