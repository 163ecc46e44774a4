package dev.tracks.analysis.api.console;

import dev.tracks.analysis.api.problem.ApiException;
import dev.tracks.analysis.api.task.TaskResource;
import dev.tracks.analysis.api.task.TaskView;
import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.task.TaskPhase;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The console's login and its task pages: the list with the admin API's filters and sorting, a task's page, cancel.
 * Every page but the login needs the admin role, like the admin API (the token comes from the login cookie, see
 * {@link ConsoleSession}); the data comes from the admin API's own operations, called in process.
 */
@Path(ConsoleSession.PATH)
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("${tracks.api.admin-role}")
public class ConsoleResource {

    private final TaskResource tasks;
    private final TaskActivity activity;

    ConsoleResource(TaskResource tasks, TaskActivity activity) {
        this.tasks = tasks;
        this.activity = activity;
    }

    @GET
    public Response home(UriInfo uri) {
        return Response.seeOther(uri.getBaseUriBuilder().path("console/tasks").build()).build();
    }

    @GET
    @Path("/login")
    @PermitAll
    public TemplateInstance loginPage(@QueryParam("expired") @DefaultValue("false") boolean expired) {
        return Pages.login(expired);
    }

    /** Keeps the token in the login cookie; a token that no mechanism accepts comes back to the login page. */
    @POST
    @Path("/login")
    @PermitAll
    public Response login(@FormParam("token") String token, UriInfo uri) {
        if (token == null || token.isBlank()) {
            return Response.seeOther(uri.getBaseUriBuilder().path("console/login").build()).build();
        }
        return Response.seeOther(uri.getBaseUriBuilder().path("console/tasks").build())
                .cookie(ConsoleSession.login(token.trim(), secure(uri))).build();
    }

    @POST
    @Path("/logout")
    @PermitAll
    public Response logout(UriInfo uri) {
        return Response.seeOther(uri.getBaseUriBuilder().path("console/login").build())
                .cookie(ConsoleSession.logout(secure(uri))).build();
    }

    @GET
    @Path("/tasks")
    public TemplateInstance taskList(@BeanParam TaskFilters filters) {
        return Pages.tasks(filters, Arrays.stream(Skill.values()).map(Skill::id).sorted().toList(),
                Arrays.stream(TaskPhase.values()).map(TaskPhase::displayName).toList(),
                TaskResource.SORTABLE.stream().sorted().flatMap(key -> Stream.of("-" + key, key)).toList());
    }

    /** The rows for the filters; a filter the admin API refuses is shown above the table, as it said it. */
    @GET
    @Path("/tasks/rows")
    public TemplateInstance taskRows(@BeanParam TaskFilters filters) {
        try {
            TaskView.Page page = tasks.list(TaskFilters.emptyAsNull(filters.skillName),
                    TaskFilters.emptyAsNull(filters.status), orDefault(filters.limit, "50"),
                    orDefault(filters.offset, "0"), orDefault(filters.sort, "-created_at"),
                    TaskFilters.emptyAsNull(filters.createdAfter), TaskFilters.emptyAsNull(filters.createdBefore),
                    orDefault(filters.includeDeleted, "false"));
            return Pages.taskRows(filters, page.tasks().stream().map(TaskRow::of).toList(), page.total(),
                    page.totalExact(), "");
        } catch (ApiException e) {
            return Pages.taskRows(filters, List.of(), 0, true, e.problem().fieldAndDetail());
        }
    }

    @GET
    @Path("/tasks/{id}")
    public TemplateInstance task(@PathParam("id") String id) {
        TaskView task = tasks.get(id);
        return Pages.task(TaskRow.of(task), task);
    }

    @GET
    @Path("/tasks/{id}/summary")
    public TemplateInstance taskSummary(@PathParam("id") String id) {
        return Pages.taskSummary(TaskRow.of(tasks.get(id)));
    }

    /** Conditions, attempts, events and the worker's last lines: loaded by the task's page, reloaded on changes. */
    @GET
    @Path("/tasks/{id}/activity")
    public TemplateInstance taskActivity(@PathParam("id") String id) {
        return Pages.taskActivity(activity.of(tasks.get(id)));
    }

    /** Cancels through the admin API's operation and shows the task page (htmx swaps its summary in). */
    @POST
    @Path("/tasks/{id}/cancel")
    public TemplateInstance cancel(@PathParam("id") String id) {
        tasks.cancel(id);
        return Pages.taskSummary(TaskRow.of(tasks.get(id)));
    }

    static boolean secure(UriInfo uri) {
        URI request = uri.getRequestUri();
        return "https".equals(request.getScheme());
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }
}
