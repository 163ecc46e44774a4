package dev.tracks.analysis.worker.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracks.analysis.schema.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Rows written by the sink read back exactly, in the binary format and in the text format it falls back to. */
class ResultSinkTest {

    private static final ResultTable EVERY_TYPE = ResultTable.perUser("every_type", List.of("user_id", "b", "i8",
            "i4", "i2", "f8", "f4", "t", "v", "ts", "tz", "d", "u", "ids"));
    private static final ResultTable OTHER_TYPES = ResultTable.perUser("other_types", List.of("user_id", "amount",
            "doc"));
    private static DataSource dataSource;

    @BeforeAll
    static void tables() throws SQLException {
        dataSource = TestDatabase.migratedDatabase("result_sink");
        try (Connection db = dataSource.getConnection(); Statement ddl = db.createStatement()) {
            ddl.execute("CREATE TABLE every_type (user_id text, b boolean, i8 bigint, i4 integer, i2 smallint,"
                    + " f8 double precision, f4 real, t text, v varchar(20), ts timestamp, tz timestamptz, d date,"
                    + " u uuid, ids bigint[])");
            ddl.execute("CREATE TABLE other_types (user_id text, amount numeric, doc jsonb)");
        }
    }

    @Test
    void everyResultColumnTypeRoundTripsInTheBinaryFormat() throws SQLException {
        UUID uuid = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
        Instant time = Instant.parse("2026-03-01T12:34:56.789012Z");
        Instant before2000 = Instant.parse("1969-07-20T20:17:40Z");
        try (Connection db = dataSource.getConnection()) {
            db.setAutoCommit(false);
            ResultSink sink = new ResultSink(TableNames.LIVE);
            sink.row(EVERY_TYPE, "ünïcode\ttab\nline\\", true, Long.MIN_VALUE, Integer.MAX_VALUE, (short) -7, 1.5e-300,
                    2.5f, "text", "varchar", time, before2000, LocalDate.of(1999, 12, 31), uuid,
                    Arrays.asList(1L, null, Long.MAX_VALUE));
            sink.row(EVERY_TYPE, "nulls", null, null, null, null, Double.NaN, null, null, null, null, null, null,
                    null, List.of());
            sink.flush(db);
            db.commit();
        }
        assertThat(rows("SELECT user_id, b, i8, i4, i2, f8, f4, t, v, ts::text, (tz AT TIME ZONE 'UTC')::text, d::text, u::text, ids::text"
                + " FROM every_type ORDER BY user_id DESC")).containsExactly(
                List.of("ünïcode\ttab\nline\\", "t", String.valueOf(Long.MIN_VALUE),
                        String.valueOf(Integer.MAX_VALUE), "-7", "1.5e-300", "2.5", "text", "varchar",
                        "2026-03-01 12:34:56.789012", "1969-07-20 20:17:40", "1999-12-31", uuid.toString(),
                        "{1,NULL," + Long.MAX_VALUE + "}"),
                Arrays.asList("nulls", null, null, null, null, null, null, null, null, null, null, null, null, "{}"));
    }

    @Test
    void tablesWithOtherTypesAreWrittenAsText() throws SQLException {
        try (Connection db = dataSource.getConnection()) {
            db.setAutoCommit(false);
            ResultSink sink = new ResultSink(TableNames.LIVE);
            sink.row(OTHER_TYPES, "ada", "12.50", "{\"k\": \"tab\\there\"}");
            sink.flush(db);
            db.commit();
        }
        assertThat(rows("SELECT user_id, amount, doc->>'k' FROM other_types"))
                .containsExactly(List.of("ada", "12.50", "tab\there"));
    }

    @Test
    void aValueOfTheWrongTypeNamesTheColumn() throws SQLException {
        try (Connection db = dataSource.getConnection()) {
            db.setAutoCommit(false);
            ResultSink sink = new ResultSink(TableNames.LIVE);
            sink.row(EVERY_TYPE, "ada", true, 1.5, 1, (short) 1, 1.0, 1.0f, "t", "v", Instant.EPOCH, Instant.EPOCH,
                    LocalDate.EPOCH, UUID.randomUUID(), List.of());
            assertThatThrownBy(() -> sink.flush(db)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("every_type.i8: expected an integer, got Double 1.5");
            db.rollback();
        }
    }

    private static List<List<String>> rows(String sql) throws SQLException {
        try (Connection db = dataSource.getConnection(); Statement query = db.createStatement();
             ResultSet row = query.executeQuery(sql)) {
            int columns = row.getMetaData().getColumnCount();
            List<List<String>> rows = new ArrayList<>();
            while (row.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(row.getString(i));
                }
                rows.add(values);
            }
            return rows;
        }
    }
}
