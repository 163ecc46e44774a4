package dev.tracks.analysis.api.mirror;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import dev.tracks.analysis.task.TaskPhase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One row of the status mirror ({@code analysis_tasks}, created by migration V3): the last known state of one
 * AnalysisTask resource, kept after the resource is gone.
 */
@Entity
@Table(name = "analysis_tasks")
public class MirroredTask extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String namespace;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false, unique = true)
    public UUID uid;

    @Column(name = "resource_version")
    public String resourceVersion;

    public Long generation;

    @Column(name = "skill_name", nullable = false)
    public String skillName;

    @Column(name = "task_type", nullable = false)
    public String taskType;

    @Column(nullable = false)
    @Convert(converter = TaskPhaseColumn.class)
    public TaskPhase status;

    @Column(nullable = false)
    public int priority;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, Object> params;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> scope;

    @Column(name = "progress_percent")
    public Double progressPercent;

    @Column(name = "eta_seconds")
    public Long etaSeconds;

    @Column(name = "points_per_second")
    public Double pointsPerSecond;

    @Column(name = "total_points")
    public Long totalPoints;

    @Column(name = "processed_points")
    public Long processedPoints;

    @Column(name = "failed_points")
    public Long failedPoints;

    public Integer attempts;

    @Column(name = "job_name")
    public String jobName;

    @Column(name = "chain_id")
    public String chainId;

    @Column(name = "start_time")
    public OffsetDateTime startTime;

    @Column(name = "end_time")
    public OffsetDateTime endTime;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "result_summary")
    public Map<String, Object> resultSummary;

    @Column(name = "error_message")
    public String errorMessage;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "depends_on", nullable = false)
    public String[] dependsOn;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "depends_on_task_ids", nullable = false)
    public Long[] dependsOnTaskIds;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "blocks_task_ids", nullable = false)
    public Long[] blocksTaskIds;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "deleted_at")
    public OffsetDateTime deletedAt;
}
