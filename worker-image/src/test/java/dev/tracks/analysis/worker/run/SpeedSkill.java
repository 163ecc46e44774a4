package dev.tracks.analysis.worker.run;

import dev.tracks.analysis.skill.Dataset;
import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.worker.geo.Geodesy;
import dev.tracks.analysis.worker.outlier.OutlierParameters;
import dev.tracks.analysis.worker.skill.CsvExport;
import dev.tracks.analysis.worker.skill.SkillDataset;
import dev.tracks.analysis.worker.skill.StreamSkill;
import dev.tracks.analysis.worker.skill.UserAnalysis;
import dev.tracks.analysis.worker.store.ResultSink;
import dev.tracks.analysis.worker.store.ResultTable;
import dev.tracks.analysis.worker.track.Fixes;
import dev.tracks.analysis.worker.track.StreamResult;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A benchmark skill with one result row per fix, the shape of the per-point skills: the speed from the previous fix
 * (null for a user's first fix and for a fix at the same time as the one before). The last fix of each call is kept
 * as context for the next. Runs under the catalog name of outlier_detection (no dependencies) and writes
 * bench_speeds, keyed by point id like point_flags.
 */
final class SpeedSkill implements StreamSkill<OutlierParameters, SpeedSkill.Speed> {

    static final ResultTable TABLE = new ResultTable("bench_speeds",
            List.of("point_id", "user_id", "recorded_at", "speed_mps"), "recorded_at");
    /** Stands in for the catalog dataset of the skill whose name it runs under. */
    static final SkillDataset DATASET = new SkillDataset(Dataset.POINT_FLAGS, TABLE,
            CsvExport.plain("bench_speeds.csv", "bench_speeds", TABLE.columns(), "point_id"));
    /**
     * Indexed like point_flags: the runtime replaces a user's results by user and time (all of them on the first
     * run), which without the second index is a scan of the whole table per user.
     */
    static final String[] CREATE_TABLE = {"CREATE TABLE bench_speeds (point_id bigint PRIMARY KEY,"
            + " user_id text NOT NULL, recorded_at timestamptz NOT NULL, speed_mps double precision)",
        "CREATE INDEX bench_speeds_user_recorded_at ON bench_speeds (user_id, recorded_at)"};

    record Speed(long pointId, long epochMillis, double metersPerSecond) {
    }

    @Override
    public Skill skill() {
        return Skill.OUTLIER_DETECTION;
    }

    @Override
    public Class<OutlierParameters> parameters() {
        return OutlierParameters.class;
    }

    @Override
    public List<SkillDataset> datasets() {
        return List.of(DATASET);
    }

    @Override
    public UserAnalysis<Speed> open(Connection db, String userId, Instant from, OutlierParameters params) {
        return SpeedSkill::speeds;
    }

    static StreamResult<Speed> speeds(Fixes fixes, int from) {
        List<Speed> speeds = new ArrayList<>(fixes.size() - from);
        for (int i = from; i < fixes.size(); i++) {
            speeds.add(new Speed(fixes.id(i), fixes.time(i), i == 0 ? Double.NaN : speed(fixes, i - 1, i)));
        }
        int last = Math.max(fixes.size() - 1, 0);
        return new StreamResult<>(speeds, List.of(), fixes.size(), last);
    }

    private static double speed(Fixes fixes, int a, int b) {
        long millis = fixes.time(b) - fixes.time(a);
        return millis == 0 ? Double.NaN : Geodesy.distanceMeters(fixes.lat(a), fixes.lon(a), fixes.lat(b),
                fixes.lon(b)) * 1000 / millis;
    }

    @Override
    public void write(String userId, Speed speed, ResultSink sink) {
        sink.row(TABLE, speed.pointId(), userId, Instant.ofEpochMilli(speed.epochMillis()), speed.metersPerSecond());
    }
}
