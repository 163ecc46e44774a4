package dev.tracks.analysis.controlplane;

/** What a command line tool (kubectl, helm) did. */
public record CommandResult(int exitCode, String stdout, String stderr) {

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
    }
}
