package dev.tracks.analysis.reference.osm;

/**
 * A railway station, halt or tram stop of an OSM load (a row of osm_stations).
 *
 * @param kind station, halt or tram_stop
 * @param name the name=* tag, empty when none
 */
public record OsmStation(long nodeId, String kind, String name, double lat, double lon) {
}
