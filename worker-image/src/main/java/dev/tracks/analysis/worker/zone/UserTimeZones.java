package dev.tracks.analysis.worker.zone;

import dev.tracks.analysis.worker.failure.WorkerFailure;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The zone a user's local days are counted in when the operator sets one ({@code user_time_zones}, migration V28):
 * it wins over the zone at the fixes, e.g. for a user who lives on one side of a zone border and works on the other.
 */
public final class UserTimeZones {

    private UserTimeZones() {
    }

    /** The user's zone, if set; a zone Java does not know fails the run, naming the user and the value. */
    public static Optional<ZoneId> of(Connection db, String userId) throws SQLException {
        try (PreparedStatement select = db.prepareStatement("SELECT zone FROM user_time_zones WHERE user_id = ?")) {
            select.setString(1, userId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                String zone = row.getString(1);
                try {
                    return Optional.of(ZoneId.of(zone));
                } catch (DateTimeException e) {
                    throw WorkerFailure.notRetryable("user_time_zones.zone of user " + userId + ": '" + zone
                            + "' is not an IANA time zone id (e.g. Europe/Zurich)");
                }
            }
        }
    }

    /**
     * How a user's local days are resolved: the user's setting, else the zone at the position, else the task's
     * {@code timeZone} parameter.
     */
    public static Resolver resolver(Connection db, String userId, ZoneId parameter) throws SQLException {
        return new Resolver(of(db, userId).orElse(null), parameter);
    }

    /**
     * The zone of one user's local days at a position; plain Java, for the algorithms and their tests. It remembers
     * the last 0.01-degree cell it looked up, so a caller may ask for every fix (most fixes share their predecessor's
     * cell); one per user and thread.
     */
    public static final class Resolver {

        private final LocalZone setting;
        private final LocalZone parameter;
        private long lastCell = Long.MIN_VALUE;
        private LocalZone lastZone;

        /** @param setting the user's zone, or null */
        public Resolver(ZoneId setting, ZoneId parameter) {
            this.setting = setting == null ? null : new LocalZone(setting, ZoneSource.USER);
            this.parameter = new LocalZone(parameter, ZoneSource.PARAMETER);
        }

        /** The zone at a position; a position outside the coordinate ranges gets the parameter's. */
        public LocalZone at(double lat, double lon) {
            if (setting != null) {
                return setting;
            }
            if (!WorldTimeZones.covers(lat, lon)) {
                return parameter;
            }
            long cell = WorldTimeZones.cell(lat, lon);
            if (cell != lastCell) {
                lastZone = WorldTimeZones.at(lat, lon).map(zone -> new LocalZone(zone, ZoneSource.LOCATION))
                        .orElse(parameter);
                lastCell = cell;
            }
            return lastZone;
        }
    }
}
