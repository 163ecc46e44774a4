package dev.tracks.analysis.worker.completion;

import dev.tracks.analysis.worker.track.Fixes;
import dev.tracks.analysis.worker.track.SyntheticTrack;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Generated days with recording gaps in which the user moved: what trajectory_completion fills. */
public final class GappedTrack {

    private GappedTrack() {
    }

    /**
     * Days that start where the last ended: a stay of 20 min, 6 km north at 40 km/h, 6 km east at 60 km/h, 1 km east
     * at 5 km/h, a stay of 20 min, a night of 10 h; fixes every 5 s, and in each leg a stretch of them dropped (from
     * 280 m to 1.4 km of the north leg, 170 s of the east leg, 100 s of the walk): three gaps a day in which the user
     * moved, the first of each day from (lat, lon) on its meridian.
     */
    public static Fixes days(Instant start, double lat, double lon, int days, long seed) {
        SyntheticTrack track = SyntheticTrack.startingAt(start, lat, lon, seed).sampleEvery(Duration.ofSeconds(5));
        List<int[]> dropped = new ArrayList<>();
        for (int day = 0; day < days; day++) {
            track.stay(Duration.ofMinutes(20), 8);
            int north = track.fixes().size();
            track.move(0, 6_000, 40);
            int east = track.fixes().size();
            track.move(90, 6_000, 60);
            int walk = track.fixes().size();
            track.move(90, 1_000, 5).stay(Duration.ofMinutes(20), 8).gap(Duration.ofHours(10));
            dropped.add(new int[] {north + 5, north + 25});
            dropped.add(new int[] {east + 10, east + 44});
            dropped.add(new int[] {walk + 20, walk + 40});
        }
        Fixes all = track.fixes();
        Fixes kept = new Fixes();
        for (int i = 0; i < all.size(); i++) {
            int index = i;
            if (dropped.stream().noneMatch(range -> index >= range[0] && index < range[1])) {
                kept.add(all, i);
            }
        }
        return kept;
    }
}
