package dev.tracks.analysis.worker.mode;

import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.worker.skill.SkillParams;
import dev.tracks.analysis.worker.skill.StreamSkill;
import dev.tracks.analysis.worker.skill.UserAnalysis;
import dev.tracks.analysis.worker.store.ResultSink;
import dev.tracks.analysis.worker.store.ResultTable;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** transport_mode on the runtime: {@link TransportMode} over each user's clean fixes into movement_segments. */
public final class TransportModeSkill implements StreamSkill<MovementSegment> {

    static final ResultTable SEGMENTS = new ResultTable("movement_segments", List.of("user_id", "started_at",
            "finished_at", "first_point_id", "last_point_id", "n_points", "length_m", "median_speed_kmh",
            "p95_speed_kmh", "mode_coarse", "mode"), "started_at");

    @Override
    public Skill skill() {
        return Skill.TRANSPORT_MODE;
    }

    @Override
    public List<ResultTable> tables() {
        return List.of(SEGMENTS);
    }

    @Override
    public UserAnalysis<MovementSegment> open(Connection db, String userId, Instant from, SkillParams params) {
        TransportModeParams modeParams = new TransportModeParams(params.number("slowMaxKmh"),
                params.number("motorizedMaxKmh"), params.integer("minSegmentSeconds"));
        return (fixes, fromIndex) -> TransportMode.segments(fixes, fromIndex, modeParams);
    }

    @Override
    public void write(String userId, MovementSegment segment, ResultSink sink) {
        sink.row(SEGMENTS, userId, Instant.ofEpochMilli(segment.startMillis()),
                Instant.ofEpochMilli(segment.endMillis()), segment.firstFixId(), segment.lastFixId(),
                segment.fixCount(), segment.lengthMeters(), segment.medianSpeedKmh(), segment.p95SpeedKmh(),
                label(segment.coarse()), label(segment.fine()));
    }

    /** The stored label of a mode: trackintel's lower-case names. */
    public static String label(Enum<?> mode) {
        return mode.name().toLowerCase(Locale.ROOT);
    }
}
