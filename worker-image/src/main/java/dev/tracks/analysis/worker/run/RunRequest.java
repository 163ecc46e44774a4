package dev.tracks.analysis.worker.run;

import dev.tracks.analysis.skill.ParamsHash;
import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.task.TaskMode;
import dev.tracks.analysis.worker.failure.WorkerFailure;
import dev.tracks.analysis.worker.store.StagingTables;
import dev.tracks.analysis.worker.store.TableNames;
import dev.tracks.analysis.worker.store.UserScope;
import dev.tracks.analysis.worker.store.Watermarks;
import java.util.Map;
import java.util.UUID;

/**
 * One run of one skill: what the task asks (skill, mode, parameters, scope) and how (batch size, the pod's shard).
 *
 * @param taskUid the AnalysisTask's metadata.uid, recorded with the watermarks; null for command-line runs
 */
public record RunRequest(Skill skill, TaskMode mode, Map<String, Object> params, UserScope scope, int batchSize,
                         UUID taskUid) {

    public RunRequest {
        params = Map.copyOf(params);
        if (batchSize < 1) {
            throw WorkerFailure.notRetryable("batchSize: must be at least 1, got " + batchSize);
        }
    }

    public boolean incremental() {
        return mode == TaskMode.INCREMENTAL;
    }

    /** The hash of the parameters the run computes with, kept with each user's watermark. */
    String paramsHash() {
        return ParamsHash.of(skill, params);
    }

    /** Where results go: the live tables, or the staging copies of a full recompute. */
    TableNames tableNames() {
        return incremental() ? TableNames.LIVE : TableNames.STAGING;
    }

    /** Where watermarks go, as the results do. */
    Watermarks watermarks() {
        return new Watermarks(incremental() ? "skill_watermarks" : StagingTables.WATERMARKS);
    }
}
