package dev.tracks.analysis.worker.admin;

import dev.tracks.analysis.reference.admin.AdminArea;
import dev.tracks.analysis.worker.geocoding.AdminVisit;
import dev.tracks.analysis.worker.geocoding.AdminVisitsTable.StoredVisit;
import dev.tracks.analysis.worker.skill.UserFixes;
import dev.tracks.analysis.worker.store.FixStream;
import dev.tracks.analysis.worker.track.Fixes;
import java.util.ArrayList;
import java.util.List;

/** Hand-made geocoding runs of one level for the admin skills' unit tests; times in seconds, fix ids = index. */
final class AdminRunsFixture {

    static final long LOAD = 7;

    private final int level;
    private final List<StoredVisit> runs = new ArrayList<>();
    private long nextFixId;

    AdminRunsFixture(int level) {
        this.level = level;
    }

    static AdminArea area(int level, String code) {
        return code == null ? null : new AdminArea(level, code, "XC", "Area " + code);
    }

    /**
     * Adds a run of {@code fixes} fixes in area {@code code} (null: none) from second {@code start} to its last fix
     * at {@code lastFix}, ended at {@code end} (the next run's start, or {@code lastFix} before a gap).
     */
    AdminRunsFixture run(String code, int fixes, long start, long lastFix, long end) {
        runs.add(new StoredVisit(new AdminVisit(level, area(level, code), nextFixId, nextFixId + fixes - 1, fixes,
                start * 1000, lastFix * 1000, end * 1000), LOAD));
        nextFixId += fixes;
        return this;
    }

    List<StoredVisit> stored() {
        return List.copyOf(runs);
    }

    LevelRuns levelRuns() {
        return LevelRuns.of(runs).get(0);
    }

    /** The fixes as a run reads them. */
    static UserFixes userFixes(Fixes all) {
        return () -> new FixStream() {
            private int next;

            @Override
            public int readInto(Fixes fixes, int max) {
                int read = 0;
                while (read < max && next < all.size()) {
                    fixes.add(all, next++);
                    read++;
                }
                return read;
            }

            @Override
            public void close() {
            }
        };
    }
}
