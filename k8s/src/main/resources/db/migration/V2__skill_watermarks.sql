-- How far each skill has analyzed each user's points. An INCREMENTAL run starts after the watermark; it is advanced in
-- the same transaction as the results of each batch, so a killed worker resumes exactly there.
CREATE TABLE skill_watermarks (
    -- A skill name of the catalog (dev.tracks.analysis.skill.Skill); not a database enum, so that adding a skill needs
    -- no migration here.
    skill_name       text        NOT NULL,
    user_id          text        NOT NULL,
    -- The recorded_at of the last analyzed point.
    last_recorded_at timestamptz NOT NULL,
    -- The highest track_points.id analyzed: a point with a higher id but an earlier recorded_at arrived late.
    last_point_id    bigint      NOT NULL,
    analyzed_points  bigint      NOT NULL DEFAULT 0 CHECK (analyzed_points >= 0),
    -- metadata.uid of the AnalysisTask whose run advanced the watermark last.
    task_uid         uuid,
    updated_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (skill_name, user_id)
);
