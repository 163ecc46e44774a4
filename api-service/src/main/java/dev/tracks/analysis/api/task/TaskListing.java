package dev.tracks.analysis.api.task;

import dev.tracks.analysis.api.mirror.MirroredTask;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code GET /tasks} query on the mirror: the filters as SQL over {@code analysis_tasks}, a page in a sort order
 * that some index of V22 serves, and a total that is counted exactly only up to {@link #TOTAL_CAP} matches. An exact
 * count of 60,000 to 1,000,000 matching rows cost 83 to 675 ms a request (docs/benchmarks.md, "Admin API"); counting
 * at most {@code TOTAL_CAP + 1} rows bounds it whatever the filter, and the extra row tells "more than the cap".
 */
final class TaskListing {

    static final int TOTAL_CAP = 10_000;

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    TaskListing skillName(String skill) {
        return where("skill_name = :skill", "skill", skill);
    }

    TaskListing status(String status) {
        return where("status = :status", "status", status);
    }

    TaskListing createdAfter(OffsetDateTime after) {
        return where("created_at > :after", "after", after);
    }

    TaskListing createdBefore(OffsetDateTime before) {
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
    TaskView.Page page(EntityManager entities, String column, boolean descending, int offset, int limit) {
        String direction = descending ? " DESC" : " ASC";
        Query pageQuery = entities.createNativeQuery("SELECT * FROM analysis_tasks" + whereClause() + " ORDER BY "
                + column + direction + ", id" + direction + " OFFSET :offset LIMIT :limit", MirroredTask.class);
        bind(pageQuery).setParameter("offset", offset).setParameter("limit", limit);
        @SuppressWarnings("unchecked")
        List<MirroredTask> rows = pageQuery.getResultList();
        List<TaskView> tasks = rows.stream().map(TaskView::of).toList();
        // A short page that is not past the end already says how many match: no count needed.
        if (tasks.size() < limit && (!tasks.isEmpty() || offset == 0)) {
            return new TaskView.Page(tasks, offset + tasks.size(), true, limit, offset);
        }
        Query countQuery = entities.createNativeQuery("SELECT count(*) FROM (SELECT 1 FROM analysis_tasks"
                + whereClause() + " LIMIT " + (TOTAL_CAP + 1) + ") AS matching", Long.class);
        long counted = ((Number) bind(countQuery).getSingleResult()).longValue();
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
