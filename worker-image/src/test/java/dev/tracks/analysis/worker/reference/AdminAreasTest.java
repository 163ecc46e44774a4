package dev.tracks.analysis.worker.reference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracks.analysis.reference.ReferenceFiles;
import dev.tracks.analysis.reference.admin.AdminArea;
import dev.tracks.analysis.reference.admin.AdminAreaLoad;
import dev.tracks.analysis.reference.admin.AdminOptions;
import dev.tracks.analysis.schema.TestDatabase;
import dev.tracks.analysis.worker.reference.admin.AdminAreas;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Point in polygon over generated adjacent squares at two levels, loaded into a real PostgreSQL and read back. */
class AdminAreasTest {

    private static final AdminArea COUNTRY = new AdminArea(0, "AA", "AA", "Aland");
    private static final AdminArea WEST = new AdminArea(1, "AA-W", "AAA", "West");
    private static final AdminArea EAST = new AdminArea(1, "AA-E", "AA", "East");

    private static AdminAreas areas;

    @BeforeAll
    static void load(@TempDir Path directory) throws Exception {
        DataSource dataSource = TestDatabase.migratedDatabase("reference_admin_areas");
        Path file = ReferenceFiles.write(directory, "areas.geojson", ReferenceFiles.adminAreas());
        AdminOptions byProperty = new AdminOptions("iso_3166_2", "name", List.of("iso_a2", "adm0_a3"), 1,
                "admin_level");
        try (Connection db = dataSource.getConnection()) {
            assertThat(AdminAreaLoad.load(db, file, byProperty, "generated").load().rowCount()).isEqualTo(3);
            areas = ReferenceData.requireAdmin(db);
        }
    }

    @Test
    void aPointInsideEachSquareIsInItsStateAndTheCountry() {
        assertThat(areas.size()).isEqualTo(3);
        assertThat(areas.containing(0.7, 0.5)).containsExactly(COUNTRY, WEST);
        assertThat(areas.containing(0.7, 1.5)).containsExactly(COUNTRY, EAST);
    }

    @Test
    void aPointOnTheSharedEdgeIsInBothStatesSoNoPointFallsBetweenThem() {
        assertThat(areas.containing(0.5, 1.0)).containsExactly(COUNTRY, EAST, WEST);
    }

    @Test
    void aPointInAHoleOrOutsideEveryAreaIsInNone() {
        assertThat(areas.containing(0.3, 0.3)).isEmpty();
        assertThat(areas.containing(-1, -1)).isEmpty();
        assertThat(areas.containing(0.5, 3.0)).isEmpty();
    }

    @Test
    void everyPolygonOfAMultiPolygonCounts() {
        assertThat(areas.containing(5.5, 5.5)).containsExactly(EAST);
    }
}
