package dev.tracks.analysis.api.console;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The task list's query as the console's filter form posts it: the same parameters, names and defaults as
 * {@code GET /api/admin/analysis/tasks}, which checks them. An empty field counts as absent there too.
 */
public class TaskFilters {

    @QueryParam("skill_name")
    public String skillName;

    @QueryParam("status")
    public String status;

    @QueryParam("limit")
    @DefaultValue("50")
    public String limit;

    @QueryParam("offset")
    @DefaultValue("0")
    public String offset;

    @QueryParam("sort")
    @DefaultValue("-created_at")
    public String sort;

    @QueryParam("created_after")
    public String createdAfter;

    @QueryParam("created_before")
    public String createdBefore;

    @QueryParam("include_deleted")
    @DefaultValue("false")
    public String includeDeleted;

    /** The offset of the next page, given the current one's size. */
    public int nextOffset() {
        return parse(offset) + limitValue();
    }

    public int limitValue() {
        return parse(limit);
    }

    /** These filters at another offset, as a URL's query string. */
    public String query(int atOffset) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("skill_name", skillName);
        values.put("status", status);
        values.put("limit", limit);
        values.put("offset", String.valueOf(atOffset));
        values.put("sort", sort);
        values.put("created_after", createdAfter);
        values.put("created_before", createdBefore);
        values.put("include_deleted", includeDeleted);
        return values.entrySet().stream().filter(entry -> entry.getValue() != null && !entry.getValue().isEmpty())
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    public int previousOffset() {
        return Math.max(0, parse(offset) - parse(limit));
    }

    public boolean hasPrevious() {
        return parse(offset) > 0;
    }

    private static int parse(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static String emptyAsNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
