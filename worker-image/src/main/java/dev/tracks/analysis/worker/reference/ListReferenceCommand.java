package dev.tracks.analysis.worker.reference;

import dev.tracks.analysis.reference.ReferenceLoad;
import dev.tracks.analysis.reference.ReferenceLoads;
import dev.tracks.analysis.worker.store.DatabaseOptions;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code reference list}: every load, newest first, with whether it is the active one of its kind. */
@Command(name = "list", description = "Lists the reference loads, newest first.")
final class ListReferenceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() {
        return ReferenceCommand.execute(spec, database, (db, out) -> {
            List<ReferenceLoad> loads = ReferenceLoads.list(db);
            if (loads.isEmpty()) {
                out.println("no reference data loaded");
                return;
            }
            out.printf("%-6s %-7s %-7s %10s  %-20s %-16s %-30s %s%n", "ID", "KIND", "ACTIVE", "ROWS", "LOADED AT",
                    "SHA-256", "SOURCE", "ATTRIBUTION");
            for (ReferenceLoad load : loads) {
                out.printf("%-6d %-7s %-7s %,10d  %-20s %-16s %-30s %s%n", load.id(), load.kind().id(),
                        load.active() ? "yes" : "no", load.rowCount(), load.loadedAt().toString().substring(0, 19),
                        load.checksum().substring(0, 16), load.sourceFile(),
                        load.attribution().isEmpty() ? "-" : load.attribution());
            }
        });
    }
}
