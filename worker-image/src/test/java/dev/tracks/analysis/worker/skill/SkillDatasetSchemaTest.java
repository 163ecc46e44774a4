package dev.tracks.analysis.worker.skill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracks.analysis.schema.TestDatabase;
import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.worker.store.ResultTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The datasets against the migrated schema (one set of migrations, a real PostgreSQL): every column a skill writes
 * exists in its table, every column the table requires is written, and every CSV export is a valid query of the
 * schema. A migration and a dataset that drift apart fail here, not in a worker's first batch.
 */
class SkillDatasetSchemaTest {

    private static DataSource database;
    private final SkillRegistry registry = SkillRegistry.standard();

    @BeforeAll
    static void migrate() {
        database = TestDatabase.migratedDatabase("skill_dataset_schema");
    }

    @Test
    void everyWrittenColumnExistsAndEveryRequiredColumnIsWritten() throws SQLException {
        try (Connection db = database.getConnection()) {
            for (SkillDataset dataset : datasets()) {
                ResultTable table = dataset.table();
                assertThat(columns(db, table.name(), false)).as(table.name() + "'s columns in the schema")
                        .containsAll(table.columns());
                assertThat(table.columns()).as(table.name() + ": columns without a default that the skill must"
                        + " write").containsAll(columns(db, table.name(), true));
            }
        }
    }

    @Test
    void everyCsvExportIsAValidQueryOfTheSchema() throws SQLException {
        CsvExport.Settings defaults = skill -> SkillParams.resolve(skill, Map.of());
        try (Connection db = database.getConnection(); Statement statement = db.createStatement()) {
            for (SkillDataset dataset : datasets()) {
                try (ResultSet rows = statement.executeQuery(dataset.csv().query(defaults) + " LIMIT 0")) {
                    List<String> header = new ArrayList<>();
                    for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                        header.add(rows.getMetaData().getColumnLabel(i));
                    }
                    assertThat(header).as(dataset.csv().fileName()).containsExactlyElementsOf(dataset.csv().columns()
                            .stream().map(CsvExport.Column::name).toList());
                }
            }
        }
    }

    private List<SkillDataset> datasets() {
        List<SkillDataset> all = new ArrayList<>();
        for (Skill skill : registry.implemented()) {
            all.addAll(registry.get(skill).datasets());
        }
        assertThat(all).isNotEmpty();
        return all;
    }

    /** The table's columns; with {@code requiredOnly}, those that are NOT NULL without a default. */
    private static List<String> columns(Connection db, String table, boolean requiredOnly) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("SELECT column_name FROM information_schema.columns"
                + " WHERE table_schema = current_schema() AND table_name = ?"
                + (requiredOnly ? " AND is_nullable = 'NO' AND column_default IS NULL AND is_identity = 'NO'"
                + " AND is_generated = 'NEVER'" : "") + " ORDER BY ordinal_position")) {
            query.setString(1, table);
            List<String> names = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    names.add(row.getString(1));
                }
            }
            return names;
        }
    }
}
