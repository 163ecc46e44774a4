package dev.tracks.analysis.api.console;

import dev.tracks.analysis.api.problem.ApiException;
import dev.tracks.analysis.api.problem.Problem;
import dev.tracks.analysis.api.task.TaskRequest;
import dev.tracks.analysis.api.task.TaskResource;
import dev.tracks.analysis.api.task.TaskService;
import dev.tracks.analysis.api.task.TaskView;
import dev.tracks.analysis.skill.ParamSpec;
import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.skill.SkillCatalog;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Create a task: a form generated from the catalog's parameter specs of the chosen skill (types, defaults, bounds,
 * units, help), posted to the admin API's create operation; its refusal is shown on the field it names.
 */
@Path(ConsoleSession.PATH + "/new")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("${tracks.api.admin-role}")
public class NewTaskPage {

    private static final String DEFAULT_TYPE = "INCREMENTAL";

    private final TaskResource tasks;
    private final TaskService taskService;

    NewTaskPage(TaskResource tasks, TaskService taskService) {
        this.tasks = tasks;
        this.taskService = taskService;
    }

    @GET
    public TemplateInstance form(@QueryParam("skill_name") @DefaultValue("stay_detection") String skillName) {
        Skill skill = skill(skillName);
        return page(skill, DEFAULT_TYPE, Map.of(), TaskForm.fields(specs(skill), Map.of(), null, null), "");
    }

    /** Creates the task; on success the browser goes to its page, else the form comes back with the error. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> form, UriInfo uri) {
        Map<String, String> posted = firstValues(form);
        Skill skill = skill(posted.getOrDefault("skill_name", ""));
        String taskType = posted.getOrDefault("task_type", DEFAULT_TYPE);
        List<ParamSpec> specs = specs(skill);
        TaskRequest request = request(skill, posted);
        try {
            TaskView created = (TaskView) tasks.create(request, uri).getEntity();
            return Response.seeOther(uri.getBaseUriBuilder().path("console/tasks").path(String.valueOf(created.id()))
                    .build()).build();
        } catch (ApiException e) {
            Problem problem = e.problem();
            boolean onAField = problem.field() != null && problem.field().startsWith(TaskForm.PREFIX);
            return Response.status(problem.status()).entity(page(skill, taskType, posted, TaskForm.fields(specs,
                    posted, problem.field(), problem.detail()), onAField ? "" : problem.detail())).build();
        }
    }

    /**
     * The dry run of the form as it stands (htmx sends it on each change): the points the task would analyze, counted
     * as the create operation counts them, or the refusal create would answer.
     */
    @GET
    @Path("/count")
    public TemplateInstance count(@Context UriInfo uri) {
        Map<String, String> entered = firstValues(uri.getQueryParameters());
        try {
            OptionalLong points = taskService.pendingPoints(request(skill(entered.getOrDefault("skill_name", "")),
                    entered));
            return Pages.dryRun(points.isPresent(), points.orElse(0), "");
        } catch (ApiException e) {
            return Pages.dryRun(false, 0, e.problem().fieldAndDetail());
        }
    }

    /**
     * The admin API's request of the form's fields; users separated by commas, none for all; the scope's times as
     * RFC 3339, an empty end open.
     */
    private static TaskRequest request(Skill skill, Map<String, String> entered) {
        String users = entered.getOrDefault("user_ids", "");
        return new TaskRequest(skill.id(), entered.getOrDefault("task_type", DEFAULT_TYPE),
                TaskForm.params(specs(skill), entered), null, null,
                new TaskRequest.ScopeRequest(Arrays.stream(users.split(",")).map(String::trim)
                        .filter(user -> !user.isEmpty()).toList(), TaskFilters.emptyAsNull(entered.get("from")),
                        TaskFilters.emptyAsNull(entered.get("to"))),
                null, null, null, null, null, null);
    }

    private static Map<String, String> firstValues(MultivaluedMap<String, String> form) {
        Map<String, String> values = new HashMap<>();
        form.forEach((name, list) -> values.put(name, list.isEmpty() ? "" : list.get(0)));
        return values;
    }

    /** The form of the skill, with the scope's fields as {@code entered}. */
    private static TemplateInstance page(Skill skill, String taskType, Map<String, String> entered,
                                         List<TaskForm.Field> fields, String error) {
        return Pages.newTask(SkillCatalog.inDependencyOrder(List.of(Skill.values())).stream().map(Skill::id)
                .toList(), skill.id(), taskType, entered.getOrDefault("user_ids", ""),
                entered.getOrDefault("from", ""), entered.getOrDefault("to", ""), fields, error);
    }

    private static Skill skill(String id) {
        return Skill.fromId(id).orElseThrow(() -> ApiException.invalid("skill_name", "unknown skill '" + id + "'"));
    }

    private static List<ParamSpec> specs(Skill skill) {
        return SkillCatalog.definition(skill).params();
    }
}
