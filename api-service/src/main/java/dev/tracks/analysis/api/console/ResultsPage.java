package dev.tracks.analysis.api.console;

import dev.tracks.analysis.api.problem.ApiException;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/**
 * A user's results on a map (the page, server-rendered with the footprint statistics beside the map) and the JSON the
 * page's own script (console/assets/map.js) draws from: the overview (extent, zoom levels, stays), the trips of one
 * zoom inside a view, and the admin-area basemap of a view. Offline: nothing but this service is asked.
 */
@Path(ConsoleSession.PATH + "/results")
@RolesAllowed("${tracks.api.admin-role}")
public class ResultsPage {

    private final UserResults results;
    private final AdminBasemap basemap;

    ResultsPage(UserResults results, AdminBasemap basemap) {
        this.results = results;
        this.basemap = basemap;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@QueryParam("user_id") String userId) {
        String user = userId == null ? "" : userId.trim();
        Map<String, Object> footprint = user.isEmpty() ? Map.of() : results.footprint(user);
        return Pages.results(user, results.users(), FootprintFacts.of(footprint));
    }

    @GET
    @Path("/overview")
    @Produces(MediaType.APPLICATION_JSON)
    public UserResults.Overview overview(@QueryParam("user_id") String userId) {
        return results.overview(user(userId));
    }

    /** The trips at the zoom level asked whose bounding box meets the view (south, west, north, east in degrees). */
    @GET
    @Path("/trips")
    @Produces(MediaType.APPLICATION_JSON)
    public List<UserResults.Trip> trips(@QueryParam("user_id") String userId, @QueryParam("zoom") String zoom,
                                        @QueryParam("south") String south, @QueryParam("west") String west,
                                        @QueryParam("north") String north, @QueryParam("east") String east) {
        double level = number("zoom", zoom, 0, 22);
        if (level != Math.rint(level)) {
            throw ApiException.invalid("zoom", "must be a whole zoom level from 0 to 22, was " + zoom);
        }
        return results.trips(user(userId), (int) level, view(south, west, north, east));
    }

    @GET
    @Path("/basemap")
    @Produces(MediaType.APPLICATION_JSON)
    public AdminBasemap.Basemap basemap(@QueryParam("south") String south, @QueryParam("west") String west,
                                        @QueryParam("north") String north, @QueryParam("east") String east,
                                        @QueryParam("degrees_per_pixel") String degreesPerPixel) {
        return basemap.areas(view(south, west, north, east),
                number("degrees_per_pixel", degreesPerPixel, 1e-9, 360));
    }

    private static UserResults.Extent view(String south, String west, String north, String east) {
        double s = number("south", south, -90, 90);
        double n = number("north", north, -90, 90);
        if (s > n) {
            throw ApiException.invalid("south", "must not be north of north (" + s + " > " + n + ")");
        }
        return new UserResults.Extent(s, number("west", west, -180, 180), n, number("east", east, -180, 180));
    }

    private static String user(String userId) {
        if (userId == null || userId.isBlank()) {
            throw ApiException.invalid("user_id", "required: the user whose results to draw");
        }
        return userId.trim();
    }

    private static double number(String field, String value, double min, double max) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalid(field, "required: a number from " + min + " to " + max);
        }
        try {
            double number = Double.parseDouble(value.trim());
            if (!(number >= min && number <= max)) {
                throw ApiException.invalid(field, "must be from " + min + " to " + max + ", was " + value);
            }
            return number;
        } catch (NumberFormatException e) {
            throw ApiException.invalid(field, "must be a number from " + min + " to " + max + ", was '" + value
                    + "'");
        }
    }
}
