package dev.tracks.analysis.api.console;

import dev.tracks.analysis.api.task.TaskView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.util.List;

/** The console's templates (src/main/resources/templates/console), checked against these parameters at build time. */
@CheckedTemplate(basePath = "console")
final class Pages {

    private Pages() {
    }

    static native TemplateInstance login(boolean expired);

    static native TemplateInstance tasks(TaskFilters filters, List<String> skills, List<String> statuses,
                                         List<String> sortKeys);

    /** The table's rows alone: what the page loads, and reloads when the mirror changed or a filter did. */
    static native TemplateInstance taskRows(TaskFilters filters, List<TaskRow> rows, long total, boolean totalExact,
                                            String error);

    static native TemplateInstance task(TaskRow row, TaskView task);

    /** A task's live state: loaded by its page and reloaded on each change. */
    static native TemplateInstance taskSummary(TaskRow row);

    /** A task's conditions, attempts, events and log lines: loaded by its page and reloaded on each change. */
    static native TemplateInstance taskActivity(TaskActivity.Activity activity);

    static native TemplateInstance chain(String chainId, List<String> recentChains, List<String> skills,
                                         String error);

    /** The DAG with the states of one chain run: loaded by the chain page and reloaded on each change. */
    static native TemplateInstance chainGraph(String chainId, String chainStatus, String chainPhase,
                                              ChainGraph graph, List<TaskRow> rows);

    /** A user's results: the map (drawn by console/assets/map.js) and the footprint statistics beside it. */
    static native TemplateInstance results(String user, List<String> users, List<Fact> footprint);

    static native TemplateInstance imports(List<String> formats, List<TaskRow> recent, String error);

    static native TemplateInstance importTask(TaskRow row, TaskView task);

    /** An import's report as far as its task wrote it: loaded by the import's page and reloaded on each change. */
    static native TemplateInstance importReport(TaskRow row, ImportReport report);

    /** The create form's dry run: the points counted (when counted before a run), or the refusal. */
    static native TemplateInstance dryRun(boolean counted, long points, String refusal);

    static native TemplateInstance newTask(List<String> skills, String skill, String taskType, String users,
                                           String from, String to, List<TaskForm.Field> fields, String error);
}
