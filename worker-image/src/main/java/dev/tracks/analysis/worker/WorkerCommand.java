package dev.tracks.analysis.worker;

import dev.tracks.analysis.task.WorkerContract;
import dev.tracks.analysis.worker.analyze.AnalyzeCommand;
import dev.tracks.analysis.worker.local.LocalCommand;
import dev.tracks.analysis.worker.reference.ReferenceCommand;
import dev.tracks.analysis.worker.run.RunCommand;
import dev.tracks.analysis.worker.standby.Standby;
import java.io.IOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.ScopeType;

/**
 * The worker program's entry point. Every command and subcommand takes {@code -h/--help} and {@code -V/--version}
 * (the options are inherited). Started as a standby ({@link WorkerContract#ENV_STANDBY}), it first waits for its
 * environment on stdin.
 */
@Command(name = "tracks-worker", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT,
        versionProvider = WorkerCommand.Version.class,
        description = "Runs Tracks Analysis skills over GPS points in PostgreSQL.",
        subcommands = {SkillsCommand.class, RunCommand.class, AnalyzeCommand.class, LocalCommand.class,
            ReferenceCommand.class})
public final class WorkerCommand {

    public static void main(String[] args) {
        CommandLine commandLine = commandLine();
        if (Standby.requested()) {
            try {
                Standby.await(commandLine, System.in);
            } catch (IOException | IllegalArgumentException e) {
                System.err.println("tracks-worker: " + e.getMessage());
                System.exit(WorkerContract.EXIT_NOT_RETRYABLE);
            }
        }
        System.exit(commandLine.execute(args));
    }

    /** The version of the packaged jar (its manifest), or "development" when run from classes. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = WorkerCommand.class.getPackage().getImplementationVersion();
            return new String[] {"tracks-worker " + (version == null ? "development" : version)};
        }
    }

    /** The command line with its subcommands, as main runs it. */
    public static CommandLine commandLine() {
        return new CommandLine(new WorkerCommand());
    }
}
