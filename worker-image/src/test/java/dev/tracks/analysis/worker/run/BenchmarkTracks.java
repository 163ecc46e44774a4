package dev.tracks.analysis.worker.run;

import java.io.IOException;
import java.time.Instant;
import java.util.Random;

/**
 * Synthetic phone tracks for the worker benchmark: each user alternates stays (the phone still, fixes scattered by
 * its accuracy, now and then a gap of hours with the phone off) and moves on foot, by bike or by car along a
 * wandering bearing, sampled every 1 to 10 s. Users record at the same time and their rows are emitted as phones
 * upload them, each user's next ten minutes in turn, so one user's points are spread over the table as in
 * production rather than stored in one block. Deterministic for a seed.
 */
final class BenchmarkTracks {

    /** Where the rows go (the database through COPY, or a CSV file). */
    @FunctionalInterface
    interface Rows {
        void row(String userId, long epochMillis, double lat, double lon, double altitude, double accuracy)
                throws IOException;
    }

    static final long START = Instant.parse("2026-03-01T00:00:00Z").toEpochMilli();
    private static final long UPLOAD_WINDOW_MILLIS = 10 * 60_000;
    private static final double METERS_PER_DEGREE = 111_195;
    /** Where users live (the road_overlap benchmark lays street grids around them). */
    static final double[][] CITIES = {{47.37, 8.54}, {46.95, 7.45}, {48.14, 11.58}, {45.46, 9.19}};

    private BenchmarkTracks() {
    }

    /** Emits {@code points} rows of {@code users} users (shares differ by at most one). */
    static void generate(int points, int users, long seed, Rows rows) throws IOException {
        Random seeds = new Random(seed);
        User[] all = new User[users];
        for (int u = 0; u < users; u++) {
            all[u] = new User(String.format("user-%04d", u), points / users + (u < points % users ? 1 : 0),
                    new Random(seeds.nextLong()));
        }
        int unfinished = users;
        for (long windowEnd = START + UPLOAD_WINDOW_MILLIS; unfinished > 0; windowEnd += UPLOAD_WINDOW_MILLIS) {
            for (User user : all) {
                if (user.left > 0) {
                    user.emitUntil(windowEnd, rows);
                    if (user.left == 0) {
                        unfinished--;
                    }
                }
            }
        }
    }

    /** One user's walk through stays and moves. */
    private static final class User {
        private final String id;
        private final Random random;
        private int left;
        private long time;
        private double lat;
        private double lon;
        private boolean moving;
        private long segmentEnd;
        private double speed;
        private double bearing;

        User(String id, int points, Random random) {
            this.id = id;
            this.left = points;
            this.random = random;
            double[] city = CITIES[random.nextInt(CITIES.length)];
            lat = city[0] + (random.nextDouble() - 0.5) * 0.3;
            lon = city[1] + (random.nextDouble() - 0.5) * 0.4;
            time = START + random.nextInt(30 * 60_000);
            moving = true; // so that the first segment is a stay
            segmentEnd = time;
        }

        void emitUntil(long windowEnd, Rows rows) throws IOException {
            while (left > 0 && time < windowEnd) {
                if (time >= segmentEnd) {
                    nextSegment();
                }
                double accuracy = 3 + 25 * Math.pow(random.nextDouble(), 3);
                double noise = accuracy / 2;
                double metersPerDegreeLon = METERS_PER_DEGREE * Math.cos(Math.toRadians(lat));
                rows.row(id, time, round(lat + random.nextGaussian() * noise / METERS_PER_DEGREE, 1e7),
                        round(lon + random.nextGaussian() * noise / metersPerDegreeLon, 1e7),
                        round(420 + random.nextGaussian() * 3, 10), round(accuracy, 10));
                left--;
                long step = 1_000 + random.nextInt(9_001);
                if (moving) {
                    bearing += Math.toRadians(random.nextGaussian() * 10);
                    double meters = speed * step / 1000.0;
                    lat += meters * Math.cos(bearing) / METERS_PER_DEGREE;
                    lon += meters * Math.sin(bearing) / metersPerDegreeLon;
                }
                time += step;
            }
        }

        /** Stays of 5 minutes to 3 hours (one in ten after hours with the phone off); moves of 2 to 45 minutes. */
        private void nextSegment() {
            moving = !moving;
            if (!moving) {
                if (random.nextInt(10) == 0) {
                    time += 3_600_000L + random.nextInt(5 * 3_600_000);
                }
                segmentEnd = time + 300_000 + random.nextInt(175 * 60_000);
                return;
            }
            segmentEnd = time + 120_000 + random.nextInt(43 * 60_000);
            bearing = random.nextDouble() * 2 * Math.PI;
            double mode = random.nextDouble();
            speed = mode < 0.4 ? 1.0 + 0.8 * random.nextDouble()
                    : mode < 0.6 ? 3 + 4 * random.nextDouble()
                    : 8 + 17 * random.nextDouble();
        }

        private static double round(double value, double scale) {
            return Math.round(value * scale) / scale;
        }
    }
}
