package dev.tracks.analysis.worker.footprint;

import dev.tracks.analysis.skill.Dataset;
import dev.tracks.analysis.worker.skill.CsvExport;
import dev.tracks.analysis.worker.skill.SkillDataset;
import dev.tracks.analysis.worker.store.ResultSink;
import java.util.List;

/** The footprints dataset: one row of mobility measures per user. */
public final class FootprintsTable {

    private static final List<String> COLUMNS = List.of("user_id", "stays", "locations", "distinct_cells",
            "radius_of_gyration_m", "duration_radius_of_gyration_m", "k", "k_radius_of_gyration_m", "random_entropy",
            "uncorrelated_entropy", "jumps", "jump_min_m", "jump_median_m", "jump_p90_m", "jump_max_m",
            "jump_mean_m", "home_lat", "home_lon", "home_from_night", "max_distance_from_home_m");

    public static final SkillDataset DATASET = SkillDataset.perUser(Dataset.FOOTPRINTS, COLUMNS,
            CsvExport.plain("footprints.csv", "footprints", COLUMNS, "user_id"));

    private FootprintsTable() {
    }

    static void write(ResultSink sink, String userId, Footprint footprint, int k) {
        Distribution jumps = footprint.jumpLengthsMeters();
        HomeLocation home = footprint.home();
        DATASET.row(sink, userId, footprint.stayCount(), footprint.locationCount(), footprint.distinctCells(),
                footprint.radiusOfGyrationMeters(), footprint.durationRadiusOfGyrationMeters(), k,
                footprint.kRadiusOfGyrationMeters(), footprint.randomEntropy(), footprint.uncorrelatedEntropy(),
                jumps.count(), jumps.min(), jumps.median(), jumps.p90(), jumps.max(), jumps.mean(),
                home == null ? null : home.lat(), home == null ? null : home.lon(),
                home == null ? null : home.fromNight(), footprint.maxDistanceFromHomeMeters());
    }
}
