package dev.tracks.analysis.worker.evaluation;

import dev.tracks.analysis.worker.mode.ModeInterval;
import dev.tracks.analysis.worker.mode.MovementSegment;
import dev.tracks.analysis.worker.mode.TransportMode;
import dev.tracks.analysis.worker.mode.TransportModeParams;
import dev.tracks.analysis.worker.outlier.OutlierDetection;
import dev.tracks.analysis.worker.outlier.OutlierFlag;
import dev.tracks.analysis.worker.outlier.OutlierParameters;
import dev.tracks.analysis.worker.skill.SkillParams;
import dev.tracks.analysis.worker.stay.Stay;
import dev.tracks.analysis.worker.stay.StayDetection;
import dev.tracks.analysis.worker.stay.StayParameters;
import dev.tracks.analysis.worker.track.Fixes;
import dev.tracks.analysis.worker.track.StreamResult;
import dev.tracks.analysis.worker.trip.StayInterval;
import dev.tracks.analysis.worker.trip.Trip;
import dev.tracks.analysis.worker.trip.TripConstruction;
import dev.tracks.analysis.worker.trip.TripParams;
import dev.tracks.analysis.worker.trip.Tripleg;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The skill chain of one user's whole track in one call each, with the catalog defaults, as the runtime chains them:
 * outlier_detection flags fixes, the flagged ones are dropped (downstream skills read clean fixes only),
 * stay_detection and transport_mode run over the clean fixes, and trip_construction over the clean fixes with those
 * stays and segments. Each step's finals and provisionals together are its result over the whole track.
 */
public final class AnalysisChain {

    /** Everything the chain produced for one user. */
    public record Result(Fixes fixes, List<OutlierFlag> flags, Fixes clean, List<Stay> stays,
            List<MovementSegment> segments, List<Tripleg> triplegs, List<Trip> trips) {
    }

    private AnalysisChain() {
    }

    public static Result run(Fixes fixes) {
        return run(fixes, SkillParams.defaults(StayParameters.class));
    }

    static Result run(Fixes fixes, StayParameters stayParameters) {
        List<OutlierFlag> flags = whole(OutlierDetection.detectOutliers(fixes, 0, SkillParams.defaults(OutlierParameters.class)));
        Fixes clean = withoutFlagged(fixes, flags);
        List<Stay> stays = whole(StayDetection.detectStays(clean, 0, stayParameters));
        List<MovementSegment> segments = whole(TransportMode.segments(clean, 0, SkillParams.defaults(TransportModeParams.class)));
        List<StayInterval> stayIntervals = stays.stream()
                .map(stay -> new StayInterval(stay.firstFixId(), stay.startMillis(), stay.endMillis())).toList();
        List<ModeInterval> modes = segments.stream().map(ModeInterval::of).toList();
        TripConstruction.Result trips = TripConstruction.construct(clean, 0, stayIntervals, modes,
                SkillParams.defaults(TripParams.class));
        return new Result(fixes, flags, clean, stays, segments, whole(trips.triplegs()), whole(trips.trips()));
    }

    /** The fixes that carry no flag, in their order, with their ids. */
    static Fixes withoutFlagged(Fixes fixes, List<OutlierFlag> flags) {
        Set<Long> flagged = new HashSet<>();
        for (OutlierFlag flag : flags) {
            flagged.add(flag.fixId());
        }
        Fixes clean = new Fixes(fixes.size());
        for (int i = 0; i < fixes.size(); i++) {
            if (!flagged.contains(fixes.id(i))) {
                clean.add(fixes, i);
            }
        }
        return clean;
    }

    /** Finals and provisionals of a call over a whole track: the results of that track. */
    static <R> List<R> whole(StreamResult<R> result) {
        List<R> all = new ArrayList<>(result.finals());
        all.addAll(result.provisional());
        return all;
    }
}
