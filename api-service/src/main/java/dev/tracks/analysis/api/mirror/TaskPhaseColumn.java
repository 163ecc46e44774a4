package dev.tracks.analysis.api.mirror;

import dev.tracks.analysis.task.TaskPhase;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * {@code analysis_tasks.status} holds a phase by its name on the wire ({@code Running}), which its CHECK constraint
 * lists (migration V3) and the admin API shows; {@code @Enumerated(STRING)} would write the constant's name
 * ({@code RUNNING}) instead.
 */
@Converter
public class TaskPhaseColumn implements AttributeConverter<TaskPhase, String> {

    @Override
    public String convertToDatabaseColumn(TaskPhase phase) {
        return phase == null ? null : phase.displayName();
    }

    @Override
    public TaskPhase convertToEntityAttribute(String column) {
        return column == null ? null : TaskPhase.of(column);
    }
}
