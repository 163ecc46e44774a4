package dev.tracks.analysis.worker.reference;

import dev.tracks.analysis.reference.BadReferenceFile;
import dev.tracks.analysis.task.WorkerContract;
import dev.tracks.analysis.worker.failure.TerminationLog;
import dev.tracks.analysis.worker.failure.WorkerFailure;
import dev.tracks.analysis.worker.store.Database;
import dev.tracks.analysis.worker.store.DatabaseOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tracks-worker reference load|list|prune}: the reference data (admin areas, places) the skills read besides
 * the fixes. Exit codes and the termination message as for {@code run}: a bad file or option is not retryable, an
 * unreachable database transient.
 */
@Command(name = "reference", description = "Loads, lists and prunes reference data (admin areas, places).",
        subcommands = {LoadReferenceCommand.class, ListReferenceCommand.class, PruneReferenceCommand.class})
public final class ReferenceCommand {

    /** The work of one subcommand on a connection of its database. */
    @FunctionalInterface
    interface Action {
        void run(Connection db, PrintWriter out) throws SQLException, IOException;
    }

    /** Runs {@code action} on a connection and turns its failures into a message on stderr and an exit code. */
    static int execute(CommandSpec spec, DatabaseOptions options, Action action) {
        PrintWriter out = spec.commandLine().getOut();
        try (Connection db = options.database().connect("tracks-worker " + spec.qualifiedName(" "))) {
            action.run(db, out);
            out.flush();
            return 0;
        } catch (BadReferenceFile e) {
            return fail(spec, e.getMessage() + " (nothing was loaded)", WorkerContract.EXIT_NOT_RETRYABLE);
        } catch (WorkerFailure e) {
            return fail(spec, e.getMessage(), e.exitCode());
        } catch (SQLException e) {
            // A lost connection may pass; a missing table (schema not migrated) or a refused row will not.
            return fail(spec, "database: " + e.getMessage(), Database.isTransient(e) ? WorkerContract.EXIT_TRANSIENT
                    : WorkerContract.EXIT_NOT_RETRYABLE);
        } catch (IOException e) {
            return fail(spec, "cannot read the file: " + e, WorkerContract.EXIT_NOT_RETRYABLE);
        }
    }

    /** The reason on stderr and, when run as a Job (the chart's reference loads), as the termination message. */
    private static int fail(CommandSpec spec, String reason, int exitCode) {
        String line = spec.qualifiedName(" ") + ": " + reason;
        spec.commandLine().getErr().println(line);
        TerminationLog.write(line);
        return exitCode;
    }
}
