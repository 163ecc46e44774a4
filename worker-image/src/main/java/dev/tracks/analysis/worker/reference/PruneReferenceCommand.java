package dev.tracks.analysis.worker.reference;

import dev.tracks.analysis.reference.ReferenceLoad;
import dev.tracks.analysis.reference.ReferenceLoads;
import dev.tracks.analysis.worker.failure.WorkerFailure;
import dev.tracks.analysis.worker.store.DatabaseOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code reference prune}: deletes the loads replaced longer ago than the grace period (see ReferenceLoads#prune). */
@Command(name = "prune", description = "Deletes loads that are not active and were replaced more than --grace ago.")
final class PruneReferenceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOptions database;

    @Option(names = "--grace", defaultValue = "P1D", description = "How long a replaced load is kept for tasks that"
            + " may still read it, as an ISO-8601 duration (default ${DEFAULT-VALUE}; PT0S prunes every inactive"
            + " load).")
    Duration grace;

    @Override
    public Integer call() {
        return ReferenceCommand.execute(spec, database, (db, out) -> {
            if (grace.isNegative()) {
                throw WorkerFailure.notRetryable("--grace: must not be negative, got " + grace);
            }
            List<ReferenceLoad> pruned = ReferenceLoads.prune(db, grace);
            if (pruned.isEmpty()) {
                out.println("nothing to prune (the active loads and loads replaced less than " + grace
                        + " ago are kept)");
            }
            for (ReferenceLoad load : pruned) {
                out.printf("pruned %s load %d (%s, %,d rows, replaced %s)%n", load.kind().id(), load.id(),
                        load.sourceFile(), load.rowCount(), load.deactivatedAt());
            }
        });
    }
}
