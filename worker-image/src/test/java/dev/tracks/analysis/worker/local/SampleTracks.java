package dev.tracks.analysis.worker.local;

import dev.tracks.analysis.worker.track.Fixes;
import dev.tracks.analysis.worker.track.SyntheticTrack;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The bundled sample of the local run and the extra files of its test, made by the project's generator: a few users,
 * each with two days of home, work and errand stays, legs on foot, by bike, car and train, and a night without fixes.
 * CSV with a user column, so that one file holds every user. Deterministic for a seed.
 */
final class SampleTracks {

    /** The bundled sample's seed and first day (see src/main/resources/sample). */
    static final long SAMPLE_SEED = 20_260_302L;
    static final Instant SAMPLE_START = Instant.parse("2026-03-02T06:00:00Z");
    static final int USERS = 3;

    /**
     * The file and, per user, the stays it was generated with and those of them that stay detection can report:
     * all but each day's last, which the night's gap ends (trackintel drops a window that a gap closes).
     */
    record Sample(String csv, Map<String, List<SyntheticTrack.Stay>> stays,
                  Map<String, List<SyntheticTrack.Stay>> reportable, int points) {
    }

    private SampleTracks() {
    }

    /** {@code days} days per user from {@code start}; users are named sample-1, sample-2, ... */
    static Sample generate(long seed, Instant start, int days) {
        StringBuilder csv = new StringBuilder("user_id,tracked_at,latitude,longitude\n");
        Map<String, List<SyntheticTrack.Stay>> stays = new LinkedHashMap<>();
        Map<String, List<SyntheticTrack.Stay>> reportable = new LinkedHashMap<>();
        int points = 0;
        for (int user = 1; user <= USERS; user++) {
            Random random = new Random(seed * 31 + user);
            String id = "sample-" + user;
            // Homes a few kilometres apart around Zurich, so that the users' places differ.
            SyntheticTrack track = SyntheticTrack.startingAt(start, 47.37 + random.nextDouble() * 0.05,
                    8.50 + random.nextDouble() * 0.08, seed + user);
            Set<Integer> beforeGaps = new HashSet<>();
            for (int day = 0; day < days; day++) {
                if (day % 2 == 0) {
                    workday(track, random);
                } else {
                    excursion(track, random);
                }
                // The phone is off at night: a gap that ends the day's last stay.
                beforeGaps.add(track.stays().size() - 1);
                track.gap(Duration.ofHours(10));
            }
            Fixes fixes = track.fixes();
            for (int i = 0; i < fixes.size(); i++) {
                csv.append(id).append(',').append(Instant.ofEpochMilli(fixes.time(i))).append(',')
                        .append(String.format(Locale.ROOT, "%.6f,%.6f", fixes.lat(i), fixes.lon(i))).append('\n');
            }
            stays.put(id, track.stays());
            List<SyntheticTrack.Stay> kept = new ArrayList<>();
            for (int i = 0; i < track.stays().size(); i++) {
                if (!beforeGaps.contains(i)) {
                    kept.add(track.stays().get(i));
                }
            }
            reportable.put(id, kept);
            points += fixes.size();
        }
        return new Sample(csv.toString(), stays, reportable, points);
    }

    /** Home, a walk and a tram ride to work, a bike ride to a café, a drive to the evening's
     * place: four stays. */
    private static void workday(SyntheticTrack track, Random random) {
        double out = random.nextDouble() * 360;
        stay(track, 90);
        move(track, out, 1_200, 5);
        move(track, out + 20, 6_000, 25);
        stay(track, 240);
        move(track, out + 90, 3_000, 15);
        stay(track, 40);
        move(track, random.nextDouble() * 360, 8_000, 50);
        stay(track, 120);
    }

    /** Home, a train ride out and back with a long stay at the far end, a walk and home again: three stays. */
    private static void excursion(SyntheticTrack track, Random random) {
        double out = random.nextDouble() * 360;
        stay(track, 60);
        move(track, out, 40_000, 110);
        stay(track, 180);
        move(track, out + 180, 40_000, 110);
        move(track, out + 90, 1_000, 5);
        stay(track, 90);
    }

    /** Fixes once a minute while staying (as apps save power), scattered by 12 m of noise. */
    private static void stay(SyntheticTrack track, int minutes) {
        track.sampleEvery(Duration.ofMinutes(1)).stay(Duration.ofMinutes(minutes), 12);
    }

    /** Fixes every 10 s while moving. */
    private static void move(SyntheticTrack track, double bearing, double meters, double kmh) {
        track.sampleEvery(Duration.ofSeconds(10)).move(bearing % 360, meters, kmh);
    }
}
