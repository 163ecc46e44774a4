package dev.tracks.analysis.worker;

import dev.tracks.analysis.worker.analyze.AnalyzeCommand;
import dev.tracks.analysis.worker.local.LocalCommand;
import dev.tracks.analysis.worker.reference.ReferenceCommand;
import dev.tracks.analysis.worker.run.RunCommand;
import dev.tracks.analysis.worker.standby.Standby;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.ScopeType;

/**
 * The worker program's entry point. Every command and subcommand takes {@code -h/--help} and {@code -V/--version}
 * (the options are inherited). Started as a standby ({@code TRACKS_STANDBY}), it takes attempts in turn from stdin
 * ({@link Standby}).
 */
@Command(name = "tracks-worker", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT,
        versionProvider = WorkerCommand.Version.class,
        description = "Runs Tracks Analysis skills over GPS points in PostgreSQL.",
        subcommands = {SkillsCommand.class, RunCommand.class, AnalyzeCommand.class, LocalCommand.class,
            ReferenceCommand.class})
public final class WorkerCommand {

    public static void main(String[] args) {
        if (Standby.requested()) {
            System.exit(Standby.serve(args, WorkerCommand::commandLine, System.in,
                    new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8)));
        }
        System.exit(commandLine().execute(args));
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
