package dev.tracks.analysis.worker;

import dev.tracks.analysis.worker.analyze.AnalyzeCommand;
import dev.tracks.analysis.worker.local.LocalCommand;
import dev.tracks.analysis.worker.run.RunCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The worker program's entry point. */
@Command(name = "tracks-worker", mixinStandardHelpOptions = true,
        description = "Runs Tracks Analysis skills over GPS points in PostgreSQL.",
        subcommands = {SkillsCommand.class, RunCommand.class, AnalyzeCommand.class, LocalCommand.class})
public final class WorkerCommand {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with its subcommands, as main runs it. */
    public static CommandLine commandLine() {
        return new CommandLine(new WorkerCommand());
    }
}
