package dev.tracks.analysis.worker.run;

import dev.tracks.analysis.skill.Dataset;
import dev.tracks.analysis.skill.Skill;
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
 * A stand-in skill for the runtime's tests, shaped like stay detection but trivially checkable: windows of the fixes
 * less than five minutes after the window's first fix; the window still open at the end of the data is provisional.
 * It runs under the catalog name of outlier_detection (a skill without dependencies) and writes test_windows.
 */
final class WindowSkill implements StreamSkill<OutlierParameters, WindowSkill.Window> {

    static final long WINDOW_MILLIS = 5 * 60_000;
    static final ResultTable TABLE = new ResultTable("test_windows",
            List.of("user_id", "started_at", "finished_at", "n_points"), "started_at");
    /** Stands in for the catalog dataset of the skill whose name it runs under. */
    static final SkillDataset DATASET = new SkillDataset(Dataset.POINT_FLAGS, TABLE,
            CsvExport.plain("test_windows.csv", "test_windows", TABLE.columns(), "user_id, started_at"));
    static final String CREATE_TABLE = "CREATE TABLE test_windows (user_id text NOT NULL,"
            + " started_at timestamptz NOT NULL, finished_at timestamptz NOT NULL, n_points int NOT NULL)";

    record Window(long start, long end, int fixes) {
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
    public UserAnalysis<Window> open(Connection db, String userId, Instant from, OutlierParameters params) {
        return WindowSkill::analyze;
    }

    static StreamResult<Window> analyze(Fixes fixes, int from) {
        List<Window> finals = new ArrayList<>();
        int anchor = from;
        for (int i = from + 1; i < fixes.size(); i++) {
            if (fixes.time(i) - fixes.time(anchor) >= WINDOW_MILLIS) {
                finals.add(new Window(fixes.time(anchor), fixes.time(i), i - anchor));
                anchor = i;
            }
        }
        List<Window> open = anchor < fixes.size()
                ? List.of(new Window(fixes.time(anchor), fixes.time(fixes.size() - 1), fixes.size() - anchor))
                : List.of();
        return new StreamResult<>(finals, open, anchor, anchor);
    }

    @Override
    public void write(String userId, Window window, ResultSink sink) {
        sink.row(TABLE, userId, Instant.ofEpochMilli(window.start()), Instant.ofEpochMilli(window.end()),
                window.fixes());
    }
}
