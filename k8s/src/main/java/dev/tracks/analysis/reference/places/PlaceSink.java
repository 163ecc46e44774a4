package dev.tracks.analysis.reference.places;

import java.sql.SQLException;

/** Where parsed places go, one by one in file order (a load writes each into its batch). */
@FunctionalInterface
public interface PlaceSink {
    void accept(int index, Place place) throws SQLException;
}
