-- Where an INCREMENTAL run of a skill over a user's points picks up again (see the worker's StreamResult contract).
-- Results of the skill that start at or after resume_from are provisional: they held at the end of the data seen so
-- far and are replaced by the next run, which re-reads the points from context_from.
ALTER TABLE skill_watermarks
    ADD COLUMN resume_from  timestamptz,
    ADD COLUMN context_from timestamptz,
    ADD CONSTRAINT skill_watermarks_context_before_resume
        CHECK (context_from IS NULL OR resume_from IS NULL OR context_from <= resume_from);
