package dev.tracks.analysis.worker.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracks.analysis.schema.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A user's local days: the user's own zone first, else the zone at the fix (the real world polygons), else the
 * task's parameter; a zone nobody knows is refused on write and, should one get through, fails the run by name.
 */
class UserTimeZonesTest {

    private static final ZoneId PARAMETER = ZoneOffset.UTC;
    private static DataSource dataSource;

    @BeforeAll
    static void database() throws SQLException {
        dataSource = TestDatabase.migratedDatabase("user_time_zones");
        try (Connection db = dataSource.getConnection(); Statement sql = db.createStatement()) {
            sql.execute("INSERT INTO user_time_zones (user_id, zone) VALUES ('lives-in-geneva', 'Europe/Zurich')");
        }
    }

    @Test
    void theUsersOwnZoneWinsOverThePosition() throws SQLException {
        try (Connection db = dataSource.getConnection()) {
            UserTimeZones.Resolver resolver = UserTimeZones.resolver(db, "lives-in-geneva", PARAMETER);
            // Works across the border, in France.
            assertThat(resolver.at(46.20, 6.05)).isEqualTo(new LocalZone(ZoneId.of("Europe/Zurich"), ZoneSource.USER));
            assertThat(UserTimeZones.of(db, "nobody")).isEmpty();
        }
    }

    @Test
    void withoutOneTheZoneAtTheFixDecidesAcrossTheAntimeridianToo() {
        UserTimeZones.Resolver resolver = new UserTimeZones.Resolver(null, PARAMETER);
        assertThat(resolver.at(47.37, 8.54)).isEqualTo(new LocalZone(ZoneId.of("Europe/Zurich"), ZoneSource.LOCATION));
        assertThat(resolver.at(40.71, -74.00).zone()).isEqualTo(ZoneId.of("America/New_York"));
        // Fiji and Samoa, either side of the antimeridian: local dates a day apart at the same instant.
        LocalZone fiji = resolver.at(-18.14, 178.44);
        LocalZone samoa = resolver.at(-13.83, -171.76);
        assertThat(fiji.zone()).isEqualTo(ZoneId.of("Pacific/Fiji"));
        assertThat(samoa.zone()).isEqualTo(ZoneId.of("Pacific/Apia"));
        Instant noonUtc = Instant.parse("2026-07-01T12:00:00Z");
        assertThat(fiji.date(noonUtc)).isEqualTo(LocalDate.of(2026, 7, 2));
        assertThat(samoa.date(noonUtc)).isEqualTo(LocalDate.of(2026, 7, 2));
        assertThat(resolver.at(0, -150)).as("the open ocean has its nautical zone")
                .isEqualTo(new LocalZone(ZoneId.of("Etc/GMT+10"), ZoneSource.LOCATION));
    }

    /**
     * Geneva and Ferney-Voltaire lie two kilometres apart across the Swiss-French border: each cell keeps its own zone.
     */
    @Test
    void cellsOnEitherSideOfABorderKeepTheirZones() {
        assertThat(WorldTimeZones.at(46.2044, 6.1432)).as("Geneva").contains(ZoneId.of("Europe/Zurich"));
        assertThat(WorldTimeZones.at(46.2558, 6.1081)).as("Ferney-Voltaire").contains(ZoneId.of("Europe/Paris"));
        assertThat(WorldTimeZones.at(46.2830, 6.1620)).as("Versoix").contains(ZoneId.of("Europe/Zurich"));
        assertThat(WorldTimeZones.at(46.2317, 6.1206)).as("Grand-Saconnex").contains(ZoneId.of("Europe/Zurich"));
        assertThat(WorldTimeZones.at(46.2500, 6.1000)).as("Ferney's west").contains(ZoneId.of("Europe/Paris"));
        assertThat(WorldTimeZones.at(46.948, 7.447)).as("Bern").contains(
                ZoneId.of("Europe/Zurich"));
    }

    @Test
    void aPositionNoMapCoversGetsTheParameter() {
        UserTimeZones.Resolver resolver = new UserTimeZones.Resolver(null, ZoneId.of("Asia/Tokyo"));
        assertThat(resolver.at(Double.NaN, 0)).isEqualTo(new LocalZone(ZoneId.of("Asia/Tokyo"),
                ZoneSource.PARAMETER));
        assertThat(resolver.at(91, 0).source()).isEqualTo(ZoneSource.PARAMETER);
    }

    @Test
    void anUnknownZoneIsRefusedOnWriteNamingTheColumn() throws SQLException {
        try (Connection db = dataSource.getConnection(); Statement sql = db.createStatement()) {
            assertThatThrownBy(() -> sql.execute("INSERT INTO user_time_zones (user_id, zone)"
                    + " VALUES ('u', 'Mars/Olympus_Mons')"))
                    .hasMessageContaining("user_time_zones.zone: Mars/Olympus_Mons is not an IANA time zone id");
        }
    }

    @Test
    void anUnknownZoneThatGotThroughFailsTheRunNamingTheUser() throws SQLException {
        try (Connection db = dataSource.getConnection(); Statement sql = db.createStatement()) {
            db.setAutoCommit(false);
            sql.execute("ALTER TABLE user_time_zones DISABLE TRIGGER user_time_zones_check");
            sql.execute("INSERT INTO user_time_zones (user_id, zone) VALUES ('odd', 'Mars/Olympus_Mons')");
            assertThatThrownBy(() -> UserTimeZones.of(db, "odd"))
                    .hasMessage("user_time_zones.zone of user odd: 'Mars/Olympus_Mons' is not an IANA time zone id"
                            + " (e.g. Europe/Zurich)");
            db.rollback();
        }
    }
}
