package dev.tracks.analysis.reference.osm;

import dev.tracks.analysis.reference.BadReferenceFile;
import dev.tracks.analysis.reference.LoadOutcome;
import dev.tracks.analysis.reference.ReferenceKind;
import dev.tracks.analysis.reference.ReferenceLoads;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Loads the roads, rails and stations of an OpenStreetMap {@code .osm.pbf} extract into osm_ways and osm_stations as a
 * new active osm load (see {@link ReferenceLoads}; what is kept: {@link OsmOptions}, {@link OsmTagRules},
 * {@link OsmPbfReader}). An extract with no road, rail or station at all is refused: it is more likely the wrong file
 * than a network to analyse against.
 */
public final class OsmPbfLoad {

    /** The attribution the ODbL asks for, kept with a load when none is given. */
    public static final String ATTRIBUTION = "© OpenStreetMap contributors, ODbL";

    private OsmPbfLoad() {
    }

    /** {@code attribution} null or blank keeps {@link #ATTRIBUTION}. */
    public static LoadOutcome load(Connection db, Path file, OsmOptions options, String attribution)
            throws SQLException, IOException {
        return ReferenceLoads.load(db, ReferenceKind.OSM, file, options.asMap(),
                attribution == null || attribution.isBlank() ? ATTRIBUTION : attribution,
                (connection, loadId) -> write(connection, loadId, file, options));
    }

    private static int write(Connection db, long loadId, Path file, OsmOptions options)
            throws SQLException, IOException {
        try (OsmRows rows = new OsmRows(db, loadId)) {
            OsmPbfReader.Counts counts = OsmPbfReader.read(file, options, rows);
            if (counts.ways() == 0 && counts.stations() == 0) {
                throw new BadReferenceFile("file", "no road or rail way and no station in the extract (of the"
                        + " classes kept: highway=" + String.join("|", options.roadClasses().stream().sorted()
                        .toList()) + ", railway=" + String.join("|", options.railClasses().stream().sorted()
                        .toList()) + ")");
            }
            return rows.rows();
        }
    }
}
