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
    public Response trigger(ChainRequest request, UriInfo uri) {
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
        List<AnalysisTask> resources = new ArrayList<>();
        for (Skill skill : skills) {
            List<String> dependsOn = SkillCatalog.definition(skill).dependsOn().stream().filter(names::containsKey)
                    .map(names::get).toList();
            TaskRequest taskRequest = new TaskRequest(skill.id(), chain.taskType(), params.get(skill.id()), null,
                    chain.priority(), chain.scope(), null, null, null, null, null, null);
            AnalysisTaskSpec spec = TaskSpecs.spec(taskRequest, dependsOn);
            TaskSpecs.validate("params." + skill.id(), spec);
            resources.add(tasks.newTask(names.get(skill), spec, caller.getPrincipal().getName(),
                    Map.of(TaskLabels.CHAIN, chainId)));
        }
        List<TaskView> created = tasks.createAll(resources, caller.getPrincipal().getName()).stream()
                .map(TaskView::of).toList();
        return Response.created(uri.getBaseUriBuilder().path("api/admin/analysis/chains").path(chainId).build())
                .entity(ChainView.of(chainId, created)).build();
    }

    @GET
    @Path("/chains/{id}")
    @Operation(summary = "A chain with each task's state")
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
