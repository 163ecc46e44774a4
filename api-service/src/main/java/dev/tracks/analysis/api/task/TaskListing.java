package dev.tracks.analysis.api.task;

import dev.tracks.analysis.api.mirror.MirroredTask;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * One {@code GET /tasks} query on the mirror: the filters as SQL over {@code analysis_tasks}, a page in a sort order
 * that some index of V22 serves (or, for a narrow time window, read from the window's index and sorted), and a total
 * that is counted exactly only up to {@link #TOTAL_CAP} matches. An exact
 * count of 60,000 to 1,000,000 matching rows cost 83 to 675 ms a request (docs/benchmarks.md, "Admin API"); counting
 * at most {@code TOTAL_CAP + 1} rows bounds it whatever the filter, and the extra row tells "more than the cap".
 */
final class TaskListing {

    static final int TOTAL_CAP = 10_000;

    /** Each sort key but created_at as an expression of the same order that no index serves (see pageOfWindow). */
    private static final Map<String, String> UNINDEXED = Map.of("updated_at", "(updated_at + interval '0 s')",
            "priority", "(priority + 0)", "status", "(status || '')", "skill_name", "(skill_name || '')",
            "id", "(id + 0)");

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    /** Whether a created_at window (created_after, created_before) is among the filters. */
    private boolean window;

    TaskListing skillName(String skill) {
        return where("skill_name = :skill", "skill", skill);
    }

    TaskListing status(String status) {
        return where("status = :status", "status", status);
    }

    TaskListing createdAfter(OffsetDateTime after) {
        window = true;
        return where("created_at > :after", "after", after);
    }

    TaskListing createdBefore(OffsetDateTime before) {
        window = true;
        return where("created_at < :before", "before", before);
    }

    TaskListing liveOnly() {
        conditions.add("deleted_at IS NULL");
        return this;
    }

    /**
     * The page ordered by {@code column} (one of TaskResource's sort keys, never caller text) with id as the
     * tie-breaker in the same direction, so that one index (column, id) serves both directions; then the total.
     */
    TaskView.Page page(EntityManager entities, LargeCounts large, String column, boolean descending, int offset,
                       int limit) {
        if (window && !column.equals("created_at")) {
            return pageOfWindow(entities, large, column, descending, offset, limit);
        }
        return total(rows(entities, column, descending, offset, limit), () -> count(entities, large), offset, limit);
    }

    /**
     * A created_at window sorted by another key. The rows of a window sit together in created_at order but are
     * spread over the other key's index, so walking that index in order and filtering reads most of the table when
     * the window lies at the far end (created_after a day, sort=updated_at: 869 ms at 1,000,000 rows); the planner
     * does not know that, as it takes columns to be independent. So count first: when at most TOTAL_CAP rows match,
     * sort by an expression of the key, which no index serves, and the planner reads the window from its index and
     * sorts it (9 ms); otherwise the window is wide and the ordered walk soon finds a page.
     */
    private TaskView.Page pageOfWindow(EntityManager entities, LargeCounts large, String column, boolean descending,
                                       int offset, int limit) {
        long counted = count(entities, large);
        String key = counted <= TOTAL_CAP ? UNINDEXED.get(column) : column;
        return total(rows(entities, key, descending, offset, limit), () -> counted, offset, limit);
    }

    private List<TaskView> rows(EntityManager entities, String key, boolean descending, int offset, int limit) {
        String direction = descending ? " DESC" : " ASC";
        Query query = entities.createNativeQuery("SELECT * FROM analysis_tasks" + whereClause() + " ORDER BY "
                + key + direction + ", id" + direction + " OFFSET :offset LIMIT :limit", MirroredTask.class);
        bind(query).setParameter("offset", offset).setParameter("limit", limit);
        @SuppressWarnings("unchecked")
        List<MirroredTask> rows = query.getResultList();
        return rows.stream().map(TaskView::of).toList();
    }

    /** How many rows match, counting at most TOTAL_CAP + 1, unless more than TOTAL_CAP matched a moment ago. */
    private long count(EntityManager entities, LargeCounts large) {
        String filter = whereClause() + parameters;
        if (large.known(filter)) {
            return TOTAL_CAP + 1;
        }
        Query query = entities.createNativeQuery("SELECT count(*) FROM (SELECT 1 FROM analysis_tasks"
                + whereClause() + " LIMIT " + (TOTAL_CAP + 1) + ") AS matching", Long.class);
        long counted = ((Number) bind(query).getSingleResult()).longValue();
        if (counted > TOTAL_CAP) {
            large.remember(filter);
        }
        return counted;
    }

    private static TaskView.Page total(List<TaskView> tasks, LongSupplier count, int offset, int limit) {
        // A short page that is not past the end already says how many match: no count needed.
        if (tasks.size() < limit && (!tasks.isEmpty() || offset == 0)) {
            return new TaskView.Page(tasks, offset + tasks.size(), true, limit, offset);
        }
        long counted = count.getAsLong();
        if (counted <= TOTAL_CAP) {
            return new TaskView.Page(tasks, counted, true, limit, offset);
        }
        // A lower bound, never below what the caller has paged through.
        return new TaskView.Page(tasks, Math.max(TOTAL_CAP, offset + tasks.size()), false, limit, offset);
    }

    private TaskListing where(String condition, String name, Object value) {
        conditions.add(condition);
        parameters.put(name, value);
        return this;
    }

    private String whereClause() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private Query bind(Query query) {
        parameters.forEach(query::setParameter);
        return query;
    }
}
