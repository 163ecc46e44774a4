package dev.tracks.analysis.worker.annotation;

import dev.tracks.analysis.worker.location.FreqLocationIdentifier;
import dev.tracks.analysis.worker.location.FreqPreFilter;
import dev.tracks.analysis.worker.location.Location;
import dev.tracks.analysis.worker.location.LocationResult;
import dev.tracks.analysis.worker.location.LocationRole;
import dev.tracks.analysis.worker.location.LocationsTable.StoredLocation;
import dev.tracks.analysis.worker.stay.StoredStay;
import dev.tracks.analysis.worker.zone.UserTimeZones;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The roles of one user's locations by three methods:
 * <ul>
 *   <li>FREQ: trackintel {@code location_identifier(method="FREQ")}, exactly as stay_stats labels its locations
 *       ({@link FreqLocationIdentifier}, ties to the lower location id); scored by summed stay time;</li>
 *   <li>OSNA: trackintel {@code location_identifier(method="OSNA")} ({@link OsnaMethod}), on the same pre-filtered
 *       stays;</li>
 *   <li>NIGHT: scikit-mobility {@code home_location}: the location with the most stay time in the local nights
 *       22:00-07:00 ({@link NightWindow}) is home, or, when no stay touches a night, the one with the most stay time
 *       (skmob: the most visited overall); ties to the lower location id; skmob has no pre-filter and no work.</li>
 * </ul>
 * The pre-filter (trackintel {@code pre_filter_locations} with its defaults, or none) decides which users and
 * locations FREQ and OSNA may label. Each home or work label carries its margin over the runner-up in the method's
 * score ({@link RoleView#won}): FREQ's home is measured against the best other eligible location, its work against
 * the best eligible location after home and work.
 */
final class RoleIdentification {

    private RoleIdentification() {
    }

    /**
     * @param stays all of the user's stays (trackintel's user filter counts them all, located or not)
     * @param locations the user's locations in id order
     * @param located the stays of each location ({@link LocatedStays#byLocation})
     */
    static List<LocationRoles> identify(List<StoredStay> stays, List<StoredLocation> locations,
                                        List<List<StoredStay>> located, UserTimeZones.Resolver zones,
                                        FreqPreFilter filter) {
        int n = locations.size();
        List<Location> summaries = new ArrayList<>(n);
        List<List<ZonedStay>> members = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<ZonedStay> zoned = new ArrayList<>(located.get(i).size());
            for (StoredStay stay : located.get(i)) {
                zoned.add(new ZonedStay(stay.startMillis(), stay.endMillis(), zones.at(stay.lat(), stay.lon())
                        .zone()));
            }
            members.add(zoned);
            summaries.add(summary(locations.get(i), zoned));
        }
        boolean userPasses = filter.passesUser(stays, n);
        boolean[] eligible = new boolean[n];
        for (int i = 0; i < n; i++) {
            eligible[i] = userPasses && filter.passes(summaries.get(i));
        }
        RoleView[] freq = freq(stays, summaries, eligible, filter);
        OsnaMethod.Scores[] osnaScores = new OsnaMethod.Scores[n];
        long[] night = new long[n];
        for (int i = 0; i < n; i++) {
            osnaScores[i] = eligible[i] ? OsnaMethod.score(members.get(i)) : OsnaMethod.Scores.NONE;
            night[i] = members.get(i).stream().mapToLong(NightWindow::millisIn).sum();
        }
        RoleView[] osna = OsnaMethod.label(osnaScores);
        RoleView[] nightRoles = nightHome(summaries, night);
        List<LocationRoles> roles = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            roles.add(new LocationRoles(summaries.get(i).locationId(), summaries.get(i).totalDwellMillis(),
                    osnaScores[i].home(), osnaScores[i].work(), night[i], freq[i], osna[i], nightRoles[i]));
        }
        return roles;
    }

    /** The location as trackintel's filter and FREQ see it: visits, summed time, first start and last end. */
    private static Location summary(StoredLocation location, List<ZonedStay> stays) {
        long dwell = stays.stream().mapToLong(ZonedStay::durationMillis).sum();
        long first = stays.stream().mapToLong(ZonedStay::startMillis).min().orElse(0);
        long last = stays.stream().mapToLong(ZonedStay::endMillis).max().orElse(0);
        return new Location(location.locationId(), location.lat(), location.lon(), stays.size(), dwell, first, last,
                LocationRole.OTHER);
    }

    private static RoleView[] freq(List<StoredStay> stays, List<Location> summaries, boolean[] eligible,
                                   FreqPreFilter filter) {
        List<Location> labelled = FreqLocationIdentifier.identify(stays, new LocationResult(summaries, List.of()),
                filter).locations();
        int n = summaries.size();
        RoleView[] views = new RoleView[n];
        for (int i = 0; i < n; i++) {
            LocationRole role = labelled.get(i).role();
            if (role == LocationRole.OTHER) {
                views[i] = RoleView.OTHER;
                continue;
            }
            double runnerUp = 0;
            for (int j = 0; j < n; j++) {
                boolean rival = eligible[j] && j != i && (role == LocationRole.HOME
                        || labelled.get(j).role() == LocationRole.OTHER);
                if (rival) {
                    runnerUp = Math.max(runnerUp, summaries.get(j).totalDwellMillis());
                }
            }
            views[i] = RoleView.won(role, summaries.get(i).totalDwellMillis(), runnerUp);
        }
        return views;
    }

    private static RoleView[] nightHome(List<Location> summaries, long[] night) {
        int n = summaries.size();
        boolean anyNight = false;
        for (long millis : night) {
            anyNight |= millis > 0;
        }
        long[] score = new long[n];
        int winner = -1;
        for (int i = 0; i < n; i++) {
            score[i] = anyNight ? night[i] : summaries.get(i).totalDwellMillis();
            if (winner < 0 || score[i] > score[winner]) {
                winner = i;
            }
        }
        RoleView[] views = new RoleView[n];
        Arrays.fill(views, RoleView.OTHER);
        if (winner >= 0) {
            long runnerUp = 0;
            for (int i = 0; i < n; i++) {
                runnerUp = i == winner ? runnerUp : Math.max(runnerUp, score[i]);
            }
            views[winner] = RoleView.won(LocationRole.HOME, score[winner], runnerUp);
        }
        return views;
    }
}
