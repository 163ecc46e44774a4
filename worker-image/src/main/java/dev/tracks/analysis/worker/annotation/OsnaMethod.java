package dev.tracks.analysis.worker.annotation;

import dev.tracks.analysis.worker.location.LocationRole;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * trackintel {@code osna_method} ({@code analysis/location_identification.py}, after Efstathiades et al. 2015), on
 * the stays that passed the pre-filter:
 * <ul>
 *   <li>a stay's frame is that of its mid time ({@code started_at + duration / 2}) in local time: Saturday and Sunday
 *       are left out; on weekdays rest is 02:00-08:00, work 08:00-19:00, leisure 19:00-02:00;</li>
 *   <li>a location's home score is its rest time x 0.739 plus its leisure time x 0.358, its work score its work
 *       time;</li>
 *   <li>among the locations with a weekday stay, in the order of their ids, the first with the highest home score
 *       is home and the first with the highest work score is work (pandas {@code idxmax} on the location-sorted
 *       pivot, missing scores as 0), each only if it has a stay in that frame;</li>
 *   <li>when one location wins both, it is home, and work goes to the first with the highest work score once that
 *       location's work is removed (again only if that one has a work stay).</li>
 * </ul>
 */
final class OsnaMethod {

    static final double REST_WEIGHT = 0.739;
    static final double LEISURE_WEIGHT = 0.358;
    private static final int START_REST = 2;
    private static final int START_WORK = 8;
    private static final int START_LEISURE = 19;

    /**
     * A location's OSNA scores.
     *
     * @param inHome whether a stay falls in rest or leisure; {@code inWork} likewise for work
     */
    record Scores(double home, double work, boolean inHome, boolean inWork) {

        static final Scores NONE = new Scores(0, 0, false, false);

        boolean onWeekdays() {
            return inHome || inWork;
        }
    }

    private OsnaMethod() {
    }

    static Scores score(List<ZonedStay> stays) {
        double home = 0;
        double work = 0;
        boolean inHome = false;
        boolean inWork = false;
        for (ZonedStay stay : stays) {
            long duration = stay.durationMillis();
            ZonedDateTime mid = Instant.ofEpochMilli(stay.startMillis() + duration / 2).atZone(stay.zone());
            if (mid.getDayOfWeek() == DayOfWeek.SATURDAY || mid.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            int hour = mid.getHour();
            if (hour >= START_WORK && hour < START_LEISURE) {
                work += duration;
                inWork = true;
            } else {
                home += duration * (hour >= START_REST && hour < START_WORK ? REST_WEIGHT : LEISURE_WEIGHT);
                inHome = true;
            }
        }
        return new Scores(home, work, inHome, inWork);
    }

    /** The role of each location, indexed like {@code scores} (in location id order; ineligible: {@link Scores#NONE}). */
    static RoleView[] label(Scores[] scores) {
        RoleView[] roles = new RoleView[scores.length];
        Arrays.fill(roles, RoleView.OTHER);
        double[] home = new double[scores.length];
        double[] work = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            home[i] = scores[i].home();
            work[i] = scores[i].work();
        }
        int homeWinner = firstMax(scores, home);
        boolean hasHome = homeWinner >= 0 && scores[homeWinner].inHome();
        int workWinner = firstMax(scores, work);
        boolean hasWork = workWinner >= 0 && scores[workWinner].inWork();
        if (hasHome && hasWork && workWinner == homeWinner) {
            // trackintel sets the home location's work to NaT and takes the maximum again, missing as 0.
            work[homeWinner] = 0;
            workWinner = firstMax(scores, work);
            hasWork = workWinner != homeWinner && scores[workWinner].inWork();
        }
        if (hasWork) {
            roles[workWinner] = RoleView.won(LocationRole.WORK, work[workWinner], runnerUp(scores, work,
                    workWinner));
        }
        if (hasHome) {
            roles[homeWinner] = RoleView.won(LocationRole.HOME, home[homeWinner], runnerUp(scores, home,
                    homeWinner));
        }
        return roles;
    }

    /** The first location with a weekday stay holding the highest value, or -1. */
    private static int firstMax(Scores[] scores, double[] values) {
        int best = -1;
        for (int i = 0; i < values.length; i++) {
            if (scores[i].onWeekdays() && (best < 0 || values[i] > values[best])) {
                best = i;
            }
        }
        return best;
    }

    private static double runnerUp(Scores[] scores, double[] values, int winner) {
        double best = 0;
        for (int i = 0; i < values.length; i++) {
            if (i != winner && scores[i].onWeekdays()) {
                best = Math.max(best, values[i]);
            }
        }
        return best;
    }
}
