package dev.tracks.analysis.api.console;

import dev.tracks.analysis.api.chain.ChainRequest;
import dev.tracks.analysis.api.chain.ChainResource;
import dev.tracks.analysis.api.chain.ChainView;
import dev.tracks.analysis.api.mirror.MirroredTask;
import dev.tracks.analysis.api.problem.ApiException;
import dev.tracks.analysis.api.task.TaskRequest;
import dev.tracks.analysis.api.task.TaskResource;
import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.skill.SkillCatalog;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
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
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The chain: the skill DAG of the catalog drawn as SVG with each skill's state in one chain run (live: the graph is
 * reloaded on each change event), a form to trigger a chain and a button to cancel one, through the admin API's
 * operations (POST /trigger-chain, GET /chains/{id}, DELETE /tasks/{id} for each unfinished task of the chain).
 */
@Path(ConsoleSession.PATH + "/chain")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("${tracks.api.admin-role}")
public class ChainPage {

    private static final int RECENT_CHAINS = 10;

    private final ChainResource chains;
    private final TaskResource tasks;

    ChainPage(ChainResource chains, TaskResource tasks) {
        this.chains = chains;
        this.tasks = tasks;
    }

    /** The chain given, else the newest one, with a picker of the recent ones. */
    @GET
    public TemplateInstance page(@QueryParam("chain_id") String chainId) {
        return page(chainId, "");
    }

    private static TemplateInstance page(String chainId, String error) {
        List<String> recent = recentChains();
        String shown = chainId != null && !chainId.isEmpty() ? chainId : recent.isEmpty() ? "" : recent.get(0);
        return Pages.chain(shown, recent, SkillCatalog.inDependencyOrder(List.of(Skill.values())).stream()
                .map(Skill::id).toList(), error);
    }

    @GET
    @Path("/graph")
    public TemplateInstance graph(@QueryParam("chain_id") String chainId) {
        if (chainId == null || chainId.isEmpty()) {
            return Pages.chainGraph("", "", "", ChainGraph.of(SkillCatalog.DEFAULT_CHAIN, Map.of()), List.of());
        }
        ChainView chain = chains.get(chainId);
        List<TaskRow> rows = chain.tasks().stream().map(TaskRow::of).toList();
        Map<Skill, TaskRow> bySkill = rows.stream().collect(Collectors.toMap(row -> Skill.fromId(row.skillName())
                .orElseThrow(), Function.identity(), (first, second) -> second));
        Set<Skill> skills = new HashSet<>(SkillCatalog.DEFAULT_CHAIN);
        skills.addAll(bySkill.keySet());
        return Pages.chainGraph(chainId, chain.status(), chain.status().toLowerCase(Locale.ROOT),
                ChainGraph.of(skills, bySkill), rows);
    }

    /**
     * Triggers a chain of the skills chosen (none: the default chain; the API adds their dependencies) for the users
     * given (comma-separated, none for all) and the time range given (RFC 3339, either end open); a refusal of the
     * admin API is shown on the page.
     */
    @POST
    public Response trigger(@FormParam("task_type") String taskType, @FormParam("skills") List<String> skills,
                            @FormParam("user_ids") String userIds, @FormParam("from") String from,
                            @FormParam("to") String to, UriInfo uri) {
        List<String> users = userIds == null ? List.of() : Arrays.stream(userIds.split(",")).map(String::trim)
                .filter(user -> !user.isEmpty()).toList();
        try {
            ChainView chain = (ChainView) chains.trigger(new ChainRequest(taskType,
                    new TaskRequest.ScopeRequest(users, TaskFilters.emptyAsNull(from), TaskFilters.emptyAsNull(to)),
                    skills, null, null), uri).getEntity();
            return Response.seeOther(uri.getBaseUriBuilder().path("console/chain")
                    .queryParam("chain_id", chain.chainId()).build()).build();
        } catch (ApiException e) {
            return Response.status(e.problem().status()).entity(page("", e.problem().detail())).build();
        }
    }

    /** Cancels every task of the chain that has not finished yet. */
    @POST
    @Path("/{id}/cancel")
    public Response cancel(@PathParam("id") String chainId, UriInfo uri) {
        chains.get(chainId).tasks().stream().map(TaskRow::of).filter(TaskRow::cancellable)
                .forEach(task -> cancelUnlessFinished(task.id()));
        return Response.seeOther(uri.getBaseUriBuilder().path("console/chain").queryParam("chain_id", chainId)
                .build()).build();
    }

    /** A task that finished since the page was read answers 409: there is nothing left to cancel. */
    private void cancelUnlessFinished(long id) {
        try {
            tasks.cancel(String.valueOf(id));
        } catch (ApiException e) {
            if (e.problem().status() != Response.Status.CONFLICT.getStatusCode()) {
                throw e;
            }
        }
    }

    private static List<String> recentChains() {
        return MirroredTask.getEntityManager().createQuery("select t.chainId from MirroredTask t where t.chainId is"
                + " not null group by t.chainId order by max(t.id) desc", String.class).setMaxResults(RECENT_CHAINS)
                .getResultList();
    }
}
