package dev.tracks.analysis.api.skill;

import dev.tracks.analysis.skill.Dataset;
import dev.tracks.analysis.skill.ParamSpec;
import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.skill.SkillCatalog;
import dev.tracks.analysis.skill.SkillDefinition;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The skill catalog, in dependency order: what each skill does, needs, writes and how it is tuned. */
@Path("/api/admin/analysis/skills")
@Produces(MediaType.APPLICATION_JSON)
public class SkillResource {

    /**
     * One skill of the catalog.
     *
     * @param implemented false for the skills this release's worker does not implement yet (their tasks fail with
     *     "not implemented")
     */
    public record SkillView(String name, String category, String description, String reference,
                            List<DependencyView> dependsOn, List<String> reads, List<String> writes,
                            List<ParamSpec> parameters, boolean inDefaultChain, boolean implemented) {
    }

    /** A dependency and why it exists. */
    public record DependencyView(String skill, String reason) {
    }

    @GET
    @Operation(summary = "The skill catalog", description = "Names, categories, descriptions, parameters with"
            + " defaults and bounds, and dependencies with their reasons, in dependency order.")
    @APIResponse(responseCode = "200", description = "The catalog.")
    public List<SkillView> list() {
        return SkillCatalog.inDependencyOrder(List.of(Skill.values())).stream().map(SkillResource::view).toList();
    }

    private static SkillView view(Skill skill) {
        SkillDefinition definition = SkillCatalog.definition(skill);
        return new SkillView(skill.id(), skill.category().id(), definition.description(), definition.reference(),
                definition.dependencies().stream().map(d -> new DependencyView(d.skill().id(), d.reason())).toList(),
                definition.reads().stream().map(Dataset::table).toList(),
                definition.writes().stream().map(Dataset::table).toList(), definition.params(),
                SkillCatalog.DEFAULT_CHAIN.contains(skill), !SkillCatalog.NOT_YET_IMPLEMENTED.contains(skill));
    }
}
