package dev.tracks.analysis.worker.altitude;

import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.worker.skill.SkillDataset;
import dev.tracks.analysis.worker.skill.StreamSkill;
import dev.tracks.analysis.worker.skill.UserAnalysis;
import dev.tracks.analysis.worker.store.ResultSink;
import dev.tracks.analysis.worker.track.Fixes;
import dev.tracks.analysis.worker.track.StreamResult;
import dev.tracks.analysis.worker.trip.TripsTable;
import dev.tracks.analysis.worker.trip.TripsTable.TripSpan;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * altitude_dimension on the runtime: each trip's clean fixes profiled by {@link AltitudeProfiles}. A trip is final
 * once a fix after its end has been read; the trip still open at the end of the data is provisional and profiled
 * again by the next run.
 */
public final class AltitudeSkill implements StreamSkill<AltitudeParams, AltitudeProfile> {

    @Override
    public Skill skill() {
        return Skill.ALTITUDE_DIMENSION;
    }

    @Override
    public Class<AltitudeParams> parameters() {
        return AltitudeParams.class;
    }

    @Override
    public List<SkillDataset> datasets() {
        return List.of(AltitudeProfilesTable.DATASET);
    }

    @Override
    public UserAnalysis<AltitudeProfile> open(Connection db, String userId, Instant from, AltitudeParams params)
            throws SQLException {
        List<TripSpan> trips = TripsTable.spans(db, userId, from);
        return (fixes, fromIndex) -> profile(fixes, fromIndex, trips, params);
    }

    /**
     * The profiles of the trips that start at or after fix {@code from}; the first fix of the open trip is the resume
     * and context index (the first fix at or after a time is never inside a group of equal times).
     */
    static StreamResult<AltitudeProfile> profile(Fixes fixes, int from, List<TripSpan> trips, AltitudeParams params) {
        List<AltitudeProfile> finals = new ArrayList<>();
        List<AltitudeProfile> provisional = new ArrayList<>();
        int resume = fixes.size();
        if (from >= fixes.size()) {
            return new StreamResult<>(finals, provisional, resume, resume);
        }
        long firstTime = fixes.time(from);
        long lastTime = fixes.time(fixes.size() - 1);
        for (TripSpan trip : trips) {
            if (trip.startMillis() < firstTime || trip.startMillis() > lastTime) {
                continue;
            }
            int first = fixes.firstAtOrAfter(from, trip.startMillis());
            int end = fixes.firstAtOrAfter(first, trip.endMillis() + 1);
            if (end == first) {
                continue;
            }
            AltitudeProfile profile = AltitudeProfiles.of(trip.id(), fixes, first, end, params);
            if (trip.endMillis() < lastTime) {
                finals.add(profile);
            } else {
                provisional.add(profile);
                resume = Math.min(resume, first);
            }
        }
        return new StreamResult<>(finals, provisional, resume, resume);
    }

    @Override
    public void write(String userId, AltitudeProfile profile, ResultSink sink) {
        AltitudeProfilesTable.write(sink, userId, profile);
    }
}
