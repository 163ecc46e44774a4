package dev.tracks.analysis.worker.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracks.analysis.schema.TestDatabase;
import dev.tracks.analysis.worker.track.Fixes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Remembered fixes are exactly what the database gives for every range, with and without flagged fixes. */
class RememberedFixesTest {

    private static final Instant T0 = Instant.parse("2026-04-01T08:00:00Z");
    private static DataSource dataSource;

    @BeforeAll
    static void fixes() throws SQLException {
        dataSource = TestDatabase.migratedDatabase("remembered_fixes");
        try (Connection db = dataSource.getConnection(); Statement sql = db.createStatement()) {
            // ada: 601 fixes 10 s apart, two of them at the same time, every 50th synthetic, every 7th flagged (twice, some).
            sql.execute("INSERT INTO track_points (user_id, recorded_at, lat, lon, altitude_m, is_synthetic)"
                    + " SELECT 'ada', timestamptz '" + T0 + "' + CASE WHEN i = 301 THEN 300 ELSE i END * 10"
                    + " * interval '1 second', 47 + i * 1e-5, 8, CASE WHEN i % 3 = 0 THEN NULL ELSE i END,"
                    + " i % 50 = 0 FROM generate_series(0, 600) i");
            sql.execute("INSERT INTO point_flags SELECT id, user_id, recorded_at, 'SPEED' FROM track_points"
                    + " WHERE id % 7 = 0");
            sql.execute("INSERT INTO point_flags SELECT id, user_id, recorded_at, 'DRIFT' FROM track_points"
                    + " WHERE id % 14 = 0");
            // bob: a time finer than a millisecond, which fixes in memory cannot hold.
            sql.execute("INSERT INTO track_points (user_id, recorded_at, lat, lon) VALUES"
                    + " ('bob', timestamptz '" + T0 + "' + interval '1.0005 seconds', 47, 8),"
                    + " ('bob', timestamptz '" + T0 + "' + interval '2 seconds', 47, 8)");
        }
    }

    @Test
    void everyRangeGivesWhatTheDatabaseGives() throws SQLException {
        Instant middle = T0.plusSeconds(3000);
        List<TimeRange> ranges = List.of(TimeRange.ALL, TimeRange.ALL.startingAt(middle), TimeRange.ALL.after(middle),
                TimeRange.ALL.endingAt(middle), TimeRange.ALL.endingBefore(middle),
                TimeRange.ALL.after(T0.plusSeconds(1000)).endingAt(T0.plusSeconds(2000)),
                TimeRange.ALL.startingAt(middle.plusNanos(500_000)), TimeRange.ALL.endingAt(middle.minusNanos(1_000)),
                TimeRange.ALL.startingAt(T0.plusSeconds(90_000)));
        RememberedFixes remembered = new RememberedFixes(10_000);
        try (Connection db = connection()) {
            for (TimeRange range : ranges) {
                for (boolean cleanOnly : new boolean[] {false, true}) {
                    List<String> expected = read(FixSource.DATABASE, db, "ada", range, cleanOnly);
                    assertThat(read(remembered, db, "ada", range, cleanOnly)).as(range + ", clean " + cleanOnly)
                            .isEqualTo(expected);
                }
            }
            assertThat(read(remembered, db, "ada", TimeRange.ALL, false)).hasSize(601 - 13);
        }
    }

    @Test
    void usersBeyondTheBudgetOrWithFinerTimesAreReadFromTheDatabase() throws SQLException {
        RememberedFixes none = new RememberedFixes(0);
        RememberedFixes some = new RememberedFixes(10_000);
        try (Connection db = connection()) {
            assertThat(none.open(db, "ada", TimeRange.ALL, false, 100)).isInstanceOf(PointReader.class);
            assertThat(some.open(db, "bob", TimeRange.ALL, false, 100)).isInstanceOf(PointReader.class);
            assertThat(read(some, db, "bob", TimeRange.ALL.after(T0.plusSeconds(1)), false))
                    .isEqualTo(read(FixSource.DATABASE, db, "bob", TimeRange.ALL.after(T0.plusSeconds(1)), false))
                    .hasSize(2);
            assertThat(some.open(db, "ada", TimeRange.ALL, false, 100)).isNotInstanceOf(PointReader.class);
        }
    }

    private static Connection connection() throws SQLException {
        Connection db = dataSource.getConnection();
        db.setAutoCommit(false);
        return db;
    }

    /** Read in small portions, as a run reads its batches. */
    private static List<String> read(FixSource source, Connection db, String user, TimeRange range, boolean clean)
            throws SQLException {
        List<String> rows = new ArrayList<>();
        try (FixStream stream = source.open(db, user, range, clean, 64)) {
            Fixes fixes = new Fixes();
            while (stream.readInto(fixes, 37) > 0) {
                for (int i = 0; i < fixes.size(); i++) {
                    rows.add(fixes.id(i) + "@" + fixes.time(i) + ":" + fixes.lat(i) + "," + fixes.lon(i) + ","
                            + fixes.altitude(i) + "," + fixes.accuracy(i));
                }
                fixes = new Fixes();
            }
        }
        return rows;
    }
}
