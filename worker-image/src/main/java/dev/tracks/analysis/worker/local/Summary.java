package dev.tracks.analysis.worker.local;

import dev.tracks.analysis.skill.Dataset;
import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.skill.SkillCatalog;
import dev.tracks.analysis.task.TaskPhase;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a local run prints at its end: each task's outcome, where the results are and how to query them, and the
 * admin API calls that work while it serves (with the real port and token).
 *
 * @param chainId the chain the run triggered
 * @param status the chain's status (Succeeded or Failed)
 * @param tasks its tasks as last seen
 * @param jdbcUrl the embedded PostgreSQL of this run (its port changes from run to run; the data stay)
 * @param apiRoot e.g. http://localhost:8080
 * @param example a file to show an upload with
 */
record Summary(String chainId, String status, List<TaskState> tasks, DataDirectory data, String jdbcUrl,
               int postgresPort, String apiRoot, String token, Path example) {

    String render() {
        StringBuilder out = new StringBuilder();
        out.append("\nChain ").append(chainId).append(": ").append(status).append('\n');
        for (TaskState task : tasks) {
            out.append(String.format(Locale.ROOT, "  %-20s %-10s %12s points%s%n", task.skill(), task.status().displayName(),
                    task.processedPoints() == null ? "-" : String.format(Locale.ROOT, "%,d", task.processedPoints()),
                    task.errorMessage() == null || task.status() == TaskPhase.SUCCEEDED ? ""
                            : "  " + task.errorMessage()));
        }
        String tables = SkillCatalog.DEFAULT_CHAIN.stream().map(SkillCatalog::definition)
                .flatMap(definition -> definition.writes().stream()).map(Dataset::table).distinct()
                .collect(Collectors.joining(", "));
        out.append("\nResults: PostgreSQL ").append(jdbcUrl).append(" (user ").append(LocalPostgres.USER)
                .append(", password in ").append(data.databasePasswordFile()).append("; data kept in ")
                .append(data.postgres()).append(")\n")
                .append("  tables: track_points (the imported points), ").append(tables).append('\n')
                .append("  PGPASSWORD=\"$(cat '").append(data.databasePasswordFile())
                .append("')\" psql -h localhost -p ").append(postgresPort).append(" -U ").append(LocalPostgres.USER)
                .append(" postgres -c ")
                .append("'SELECT user_id, count(*) AS stays FROM ")
                .append(SkillCatalog.definition(Skill.STAY_DETECTION).writes().get(0).table())
                .append(" GROUP BY user_id'\n");
        String auth = "curl -H 'Authorization: Bearer " + token + "' ";
        String api = apiRoot + "/api/admin/analysis";
        out.append("\nAdmin API: ").append(apiRoot).append(" (token in ").append(data.root()
                        .resolve(DataDirectory.TOKEN_FILE)).append("; OpenAPI at ").append(apiRoot)
                .append("/q/openapi)\n")
                .append("  ").append(auth).append(api).append("/tasks\n")
                .append("  ").append(auth).append(api).append("/chains/").append(chainId).append('\n')
                .append("  ").append(auth).append(api).append("/skills\n")
                .append("  ").append(auth).append("-F file=@").append(example).append(' ').append(api)
                .append("/imports\n")
                .append("  ").append(auth).append("-H 'Content-Type: application/json' -d '{\"task_type\":")
                .append("\"INCREMENTAL\"}' ").append(api).append("/trigger-chain\n")
                .append("\nConsole: ").append(apiRoot).append("/console (log in with the token in ")
                .append(data.root().resolve(DataDirectory.TOKEN_FILE)).append(")\n")
                .append("\nLogs: ").append(data.logs()).append('\n');
        return out.toString();
    }
}
