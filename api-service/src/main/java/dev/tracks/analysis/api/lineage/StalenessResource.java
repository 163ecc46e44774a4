package dev.tracks.analysis.api.lineage;

import dev.tracks.analysis.api.problem.ApiException;
import dev.tracks.analysis.skill.Skill;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Which users' results are stale: built on results of another skill that changed since (late points, a rerun with
 * other parameters, a full recompute). The next incremental run of the skill recomputes them.
 */
@Path("/api/admin/analysis/staleness")
@Produces(MediaType.APPLICATION_JSON)
public class StalenessResource {

    static final int MAX_LIMIT = 500;

    /** The skills with stale users, in dependency order. */
    public record Summary(List<SkillStaleness> skills,
                          @Schema(description = "Stale (skill, user) pairs over all skills.") long staleResults) {
    }

    /** One skill's stale users, counted. */
    public record SkillStaleness(String skillName, long staleUsers,
                                 @Schema(description = "When the oldest of them became stale.")
                                 OffsetDateTime oldestInvalidatedAt) {
    }

    /** One stale user of a skill and what made them stale. */
    public record StaleUser(String userId,
                            @Schema(description = "When the results they were built on last changed.")
                            OffsetDateTime invalidatedAt,
                            @Schema(description = "The upstream skill whose results for the user changed, or"
                                    + " user_time_zones when the user's time zone did, or reference_loads when a new"
                                    + " reference load became active.")
                            String causeSkill,
                            @Schema(description = "Why they changed.",
                                    enumeration = {"late_points", "parameters_changed", "full_recompute",
                                            "inputs_changed", "time_zone_changed", "reference_changed"})
                            String reason,
                            @Schema(description = "The AnalysisTask whose run changed them; null for a command-line"
                                    + " run.", nullable = true)
                            UUID taskUid) {
    }

    /** A page of a skill's stale users, by user id. */
    public record StaleUsers(String skillName, List<StaleUser> users,
                             @Schema(description = "The number of stale users of the skill (exact).") long total,
                             int limit, int offset) {
    }

    private final StaleResults staleResults;

    StalenessResource(StaleResults staleResults) {
        this.staleResults = staleResults;
    }

    @GET
    @Operation(summary = "Stale users per skill", description = "For each skill with stale results, how many users"
            + " have them: results built on another skill's results for the user that changed since. The skill's"
            + " next incremental run recomputes them.")
    @APIResponse(responseCode = "200", description = "The skills with stale users.")
    @APIResponse(responseCode = "503", description = "PostgreSQL cannot be reached.")
    public Summary summary() {
        return staleResults.summary();
    }

    @GET
    @Path("/{skill}")
    @Operation(summary = "A skill's stale users", description = "Paged by user id, with what made each stale.")
    @APIResponse(responseCode = "200", description = "A page of the skill's stale users.")
    @APIResponse(responseCode = "400", description = "limit or offset is not an integer.")
    @APIResponse(responseCode = "404", description = "No such skill in the catalog.")
    @APIResponse(responseCode = "422", description = "limit or offset out of range.")
    @APIResponse(responseCode = "503", description = "PostgreSQL cannot be reached.")
    public StaleUsers users(
            @PathParam("skill") String skill,
            @QueryParam("limit") @DefaultValue("20") @Parameter(allowEmptyValue = true, schema = @Schema(
                    type = SchemaType.INTEGER, minimum = "1", maximum = "" + MAX_LIMIT, defaultValue = "20"))
            String limit,
            @QueryParam("offset") @DefaultValue("0") @Parameter(allowEmptyValue = true, schema = @Schema(
                    type = SchemaType.INTEGER, minimum = "0", maximum = "2147483647", defaultValue = "0"))
            String offset) {
        Skill known = Skill.fromId(skill).orElseThrow(() -> ApiException.notFound("no skill '" + skill + "' in the"
                + " catalog (GET /api/admin/analysis/skills lists them)"));
        return staleResults.users(known, integer("limit", limit, 1, MAX_LIMIT),
                integer("offset", offset, 0, Integer.MAX_VALUE));
    }

    private static int integer(String name, String value, int min, int max) {
        int parsed;
        try {
            parsed = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name, "must be an integer, got '" + value + "'");
        }
        if (parsed < min || parsed > max) {
            throw ApiException.invalid(name, "must be between " + min + " and " + max + ", got " + parsed);
        }
        return parsed;
    }
}
