package dev.tracks.analysis.worker.footprint;

import dev.tracks.analysis.skill.Dataset;
import dev.tracks.analysis.worker.skill.CsvExport;
import dev.tracks.analysis.worker.skill.SkillDataset;
import dev.tracks.analysis.worker.store.ResultSink;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The footprints dataset: one row of mobility measures per user. Read for the user's home ({@link #home}). */
public final class FootprintsTable {

    private static final List<String> COLUMNS = List.of("user_id", "stays", "locations", "distinct_cells",
            "radius_of_gyration_m", "duration_radius_of_gyration_m", "k", "k_radius_of_gyration_m", "random_entropy",
            "uncorrelated_entropy", "jumps", "jump_min_m", "jump_median_m", "jump_p90_m", "jump_max_m",
            "jump_mean_m", "home_lat", "home_lon", "home_from_night", "max_distance_from_home_m");

    public static final SkillDataset DATASET = SkillDataset.perUser(Dataset.FOOTPRINTS, COLUMNS,
            CsvExport.plain("footprints.csv", "footprints", COLUMNS, "user_id"));

    /** The position of a user's home, as the skills measuring from home need it. */
    public record StoredHome(double lat, double lon) {
    }

    /**
     * The measures spatial_persona builds on; NaN where the stored measure is null (no stays).
     *
     * @param k the k of the k-radius of gyration
     */
    public record StoredFootprint(int stays, int locations, double radiusOfGyrationMeters, int k,
                                  double kRadiusOfGyrationMeters, double uncorrelatedEntropy) {
    }

    private FootprintsTable() {
    }

    /** The user's footprint; empty when footprint_stats has not run for the user. */
    public static Optional<StoredFootprint> read(Connection db, String userId) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("SELECT stays, locations, radius_of_gyration_m, k,"
                + " k_radius_of_gyration_m, uncorrelated_entropy FROM footprints WHERE user_id = ?")) {
            query.setString(1, userId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(new StoredFootprint(row.getInt(1), row.getInt(2), orNaN(row, 3),
                        row.getInt(4), orNaN(row, 5), orNaN(row, 6))) : Optional.empty();
            }
        }
    }

    private static double orNaN(ResultSet row, int column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? Double.NaN : value;
    }

    /** The user's home; empty when footprint_stats found none (no stays) or has not run for the user. */
    public static Optional<StoredHome> home(Connection db, String userId) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("SELECT home_lat, home_lon FROM footprints"
                + " WHERE user_id = ? AND home_lat IS NOT NULL")) {
            query.setString(1, userId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(new StoredHome(row.getDouble(1), row.getDouble(2))) : Optional.empty();
            }
        }
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
