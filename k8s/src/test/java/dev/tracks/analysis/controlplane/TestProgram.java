package dev.tracks.analysis.controlplane;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A tiny program for pods on the {@link NodeAgent}: {@code exit CODE [MESSAGE]} prints the message and exits with the
 * code; {@code sleep SECONDS} sleeps; {@code env VAR...} prints the variables. Both write what they print to the file
 * named by TERMINATION_FILE, when it is set.
 */
public final class TestProgram {

    private TestProgram() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        switch (args[0]) {
            case "exit" -> {
                String message = args.length > 2 ? args[2] : "exiting with " + args[1];
                System.out.println(message);
                if (System.getenv("TERMINATION_FILE") != null) {
                    Files.writeString(Path.of(System.getenv("TERMINATION_FILE")), message);
                }
                System.exit(Integer.parseInt(args[1]));
            }
            case "sleep" -> Thread.sleep(Long.parseLong(args[1]) * 1000);
            case "env" -> {
                StringBuilder values = new StringBuilder();
                for (int i = 1; i < args.length; i++) {
                    values.append(args[i]).append('=').append(System.getenv(args[i])).append('\n');
                }
                System.out.print(values);
                Files.writeString(Path.of(System.getenv("TERMINATION_FILE")), values);
            }
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    /** The container command that runs this program with {@code args}. */
    public static List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", Path.of("target", "test-classes").toAbsolutePath().toString(),
                TestProgram.class.getName()));
        command.addAll(List.of(args));
        return command;
    }
}
