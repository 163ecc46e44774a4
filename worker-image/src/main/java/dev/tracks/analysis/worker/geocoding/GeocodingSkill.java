package dev.tracks.analysis.worker.geocoding;

import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.worker.failure.WorkerFailure;
import dev.tracks.analysis.worker.reference.ReferenceData;
import dev.tracks.analysis.worker.reference.admin.AdminAreas;
import dev.tracks.analysis.worker.skill.SkillDataset;
import dev.tracks.analysis.worker.skill.StreamSkill;
import dev.tracks.analysis.worker.skill.UserAnalysis;
import dev.tracks.analysis.worker.store.ResultSink;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * geocoding on the runtime: {@link AdminRuns} over each user's clean fixes into admin_visits. The active admin load
 * is resolved and read once per task ({@link #forTask}), so every user of a task is geocoded against one version,
 * whose id each row records; no admin data loaded fails the task as not retryable (see {@link ReferenceData}).
 * Defaults: maxAdminLevel 1, cellResolution 9, maxGapSeconds 900. Its context index equals its resume index, so each
 * call starts with the fix to analyze first; one {@link AdminRuns} per user goes on with its walk from batch to batch.
 */
public final class GeocodingSkill implements StreamSkill<GeocodingParams, AdminVisit> {

    /** The task's areas; null in the registry's instance, which only makes task instances. */
    private final CellAreas areas;

    public GeocodingSkill() {
        this(null);
    }

    private GeocodingSkill(CellAreas areas) {
        this.areas = areas;
    }

    @Override
    public Skill skill() {
        return Skill.GEOCODING;
    }

    @Override
    public Class<GeocodingParams> parameters() {
        return GeocodingParams.class;
    }

    @Override
    public List<SkillDataset> datasets() {
        return List.of(AdminVisitsTable.DATASET);
    }

    @Override
    public StreamSkill<GeocodingParams, AdminVisit> forTask(Connection db, GeocodingParams params)
            throws SQLException {
        AdminAreas admin = ReferenceData.requireAdmin(db);
        int[] levels = admin.levels().stream().filter(level -> level <= params.maxAdminLevel())
                .mapToInt(Integer::intValue).toArray();
        if (levels.length == 0) {
            throw WorkerFailure.notRetryable("maxAdminLevel: the active admin load (id " + admin.loadId()
                    + ") has no areas at levels 0 to " + params.maxAdminLevel() + ", only at levels " + admin.levels()
                    + ": raise maxAdminLevel or load areas of those levels");
        }
        return new GeocodingSkill(new CellAreas(admin, levels, params.cellResolution()));
    }

    @Override
    public UserAnalysis<AdminVisit> open(Connection db, String userId, Instant from, GeocodingParams params) {
        if (areas == null) {
            throw new IllegalStateException("geocoding analyses users of a task: open them on forTask's skill");
        }
        AdminRuns runs = new AdminRuns(areas, params.maxGapMillis());
        return (fixes, fromIndex) -> {
            if (fromIndex != 0) {
                throw new IllegalStateException("geocoding resumes at its context index, got from " + fromIndex);
            }
            return runs.analyze(fixes);
        };
    }

    @Override
    public void write(String userId, AdminVisit visit, ResultSink sink) {
        AdminVisitsTable.write(sink, userId, visit, areas.loadId());
    }
}
