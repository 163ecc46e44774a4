package dev.tracks.analysis.api.chain;

import dev.tracks.analysis.api.mirror.MirroredTask;
import dev.tracks.analysis.api.problem.ApiException;
import dev.tracks.analysis.api.task.TaskRequest;
import dev.tracks.analysis.api.task.TaskService;
import dev.tracks.analysis.api.task.TaskSpecs;
import dev.tracks.analysis.api.task.TaskView;
import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.skill.SkillCatalog;
import dev.tracks.analysis.task.AnalysisTask;
import dev.tracks.analysis.task.AnalysisTaskSpec;
import dev.tracks.analysis.task.TaskLabels;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The analysis chain: its skills as a DAG of AnalysisTasks with dependsOn edges from the catalog. */
@Path("/api/admin/analysis")
@Produces(MediaType.APPLICATION_JSON)
public class ChainResource {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final TaskService tasks;
    private final SecurityIdentity caller;

    ChainResource(TaskService tasks, SecurityIdentity caller) {
        this.tasks = tasks;
        this.caller = caller;
    }

    @POST
    @Path("/trigger-chain")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Trigger the analysis chain", description = "Creates one task per skill (default: the"
            + " default chain; a subset gets its dependencies added), each depending on the tasks of its catalog"
            + " dependencies, all labelled with the chain id. All or nothing.")
    @APIResponse(responseCode = "201", description = "The chain and its tasks.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ChainView.class)),
            headers = @Header(name = "Location", description = "The chain's URL.", required = true,
                    schema = @Schema(type = SchemaType.STRING, format = "uri")))
    @APIResponse(responseCode = "400", description = "Malformed JSON, an unknown field or a value of the wrong type.")
    @APIResponse(responseCode = "415", description = "Not application/json.")
    @APIResponse(responseCode = "422", description = "An unknown skill, or a value the validation refuses.")
    @APIResponse(responseCode = "503", description = "Kubernetes or PostgreSQL cannot be reached; nothing was"
            + " created.")
    public Response trigger(@RequestBody(required = false, description = "Without a body (or with null): the default"
            + " chain.") ChainRequest request, UriInfo uri) {
        ChainRequest chain = request == null ? new ChainRequest(null, null, null, null, null) : request;
        List<Skill> skills = SkillCatalog.inDependencyOrder(SkillCatalog.withDependencies(chosen(chain.skills())));
        Map<String, Map<String, Object>> params = chain.params() == null ? Map.of() : chain.params();
        for (String skill : params.keySet()) {
            Skill named = Skill.fromId(skill).orElseThrow(() -> ApiException.invalid("params." + skill,
                    "unknown skill '" + skill + "'"));
            if (!skills.contains(named)) {
                throw ApiException.invalid("params." + skill, skill + " is not part of this chain");
            }
        }
        String chainId = HexFormat.of().formatHex(RANDOM.generateSeed(4));
        Map<Skill, String> names = new LinkedHashMap<>();
        skills.forEach(skill -> names.put(skill, "chain-" + chainId + "-" + skill.id().replace('_', '-')));
        Map<Skill, Integer> depths = SkillCatalog.waitingDepth(skills);
        List<AnalysisTask> resources = new ArrayList<>();
        for (Skill skill : skills) {
            List<String> dependsOn = SkillCatalog.definition(skill).dependsOn().stream().filter(names::containsKey)
                    .map(names::get).toList();
            TaskRequest taskRequest = new TaskRequest(skill.id(), chain.taskType(), params.get(skill.id()), null,
                    chain.priority(), chain.scope(), null, null, null, null, null, null);
            AnalysisTaskSpec spec = TaskSpecs.spec(taskRequest, dependsOn);
            TaskSpecs.validate("params." + skill.id(), spec);
            resources.add(tasks.newTask(names.get(skill), spec, caller.getPrincipal().getName(),
                    Map.of(TaskLabels.CHAIN, chainId),
                    Map.of(TaskLabels.CHAIN_DEPTH, String.valueOf(depths.get(skill)))));
        }
        List<TaskView> created = tasks.createAll(resources, caller.getPrincipal().getName()).stream()
                .map(TaskView::of).toList();
        return Response.created(uri.getBaseUriBuilder().path("api/admin/analysis/chains").path(chainId).build())
                .entity(ChainView.of(chainId, created)).build();
    }

    @GET
    @Path("/chains/{id}")
    @Operation(summary = "A chain with each task's state")
    @APIResponse(responseCode = "200", description = "The chain.")
    @APIResponse(responseCode = "404", description = "No chain with this id.")
    @APIResponse(responseCode = "503", description = "PostgreSQL cannot be reached.")
    public ChainView get(@PathParam("id") String id) {
        List<MirroredTask> rows = MirroredTask.list("chainId = ?1 order by id", id);
        if (rows.isEmpty()) {
            throw ApiException.notFound("no chain with id " + id);
        }
        return ChainView.of(id, rows.stream().map(TaskView::of).toList());
    }

    private static List<Skill> chosen(List<String> skills) {
        if (skills == null || skills.isEmpty()) {
            return SkillCatalog.DEFAULT_CHAIN;
        }
        List<Skill> chosen = new ArrayList<>();
        for (int i = 0; i < skills.size(); i++) {
            String id = skills.get(i);
            int index = i;
            chosen.add(Skill.fromId(id).orElseThrow(() -> ApiException.invalid("skills[" + index + "]",
                    "unknown skill '" + id + "'")));
        }
        return List.copyOf(Set.copyOf(chosen));
    }
}
