package dev.tracks.analysis.worker.scale;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * trackintel's chain ({@code benchmark/trackintel_chain.py}) in a virtual environment outside the repository. The
 * environment is created on first use ({@code python3 -m venv}, {@code pip install trackintel==1.4.2}) and reused
 * while it imports that version.
 */
final class TrackintelSide {

    static final String VERSION = "1.4.2";
    private static final String SCRIPT = "/benchmark/trackintel_chain.py";
    private static final Duration SETUP_LIMIT = Duration.ofMinutes(20);

    private static final String VERSIONS = "import geopandas, pandas, sklearn, trackintel; print(f'trackintel"
            + " {trackintel.__version__} (pandas {pandas.__version__}, geopandas {geopandas.__version__},"
            + " scikit-learn {sklearn.__version__})')";

    private final Path python;
    private final Path script;
    private final String versions;
    private final Duration limit;

    private TrackintelSide(Path python, Path script, String versions, Duration limit) {
        this.python = python;
        this.script = script;
        this.versions = versions;
        this.limit = limit;
    }

    /**
     * The side, with its environment at {@code venv} made ready by {@code basePython}; empty (and why, printed)
     * when it cannot be made ready: the benchmark then measures analyze alone.
     */
    static Optional<TrackintelSide> prepare(Path venv, String basePython, WorkDirectory work, Duration limit)
            throws IOException, InterruptedException {
        Path python = venv.resolve("bin").resolve("python");
        Optional<String> versions = versions(python, work);
        if (versions.isEmpty()) {
            Path log = work.file("trackintel-setup.log");
            System.out.printf("creating %s with trackintel %s (log: %s)%n", venv, VERSION, log);
            Files.createDirectories(venv.getParent());
            TimedProcess created = TimedProcess.run(List.of(basePython, "-m", "venv", venv.toString()), log,
                    SETUP_LIMIT);
            TimedProcess installed = created.completed() ? TimedProcess.run(List.of(python.toString(), "-m", "pip",
                    "install", "--quiet", "trackintel==" + VERSION), log, SETUP_LIMIT) : created;
            versions = installed.completed() ? versions(python, work) : Optional.empty();
            if (versions.isEmpty()) {
                System.out.printf("trackintel is not available, measuring analyze alone:%n%s%n", installed.tail(10));
                return Optional.empty();
            }
        }
        return Optional.of(new TrackintelSide(python, work.resource(SCRIPT, "trackintel_chain.py"), versions.get(),
                limit));
    }

    ChainRun run(ScaledGeoLife input, WorkDirectory work, String label) throws IOException, InterruptedException {
        TimedProcess process = TimedProcess.run(List.of(python.toString(), script.toString(), input.root().toString()),
                work.file("trackintel-" + label + ".log"), limit);
        return ChainRun.of(process, ChainRun::afterLastPhase);
    }

    /** trackintel's version and those of the libraries that do its work. */
    String versions() {
        return versions;
    }

    /** The versions line when the environment imports this trackintel version, else empty. */
    private static Optional<String> versions(Path python, WorkDirectory work) throws IOException, InterruptedException {
        if (!Files.isExecutable(python)) {
            return Optional.empty();
        }
        TimedProcess probe = TimedProcess.run(List.of(python.toString(), "-c", VERSIONS), work.file(
                "trackintel-versions.log"), SETUP_LIMIT);
        String line = probe.output().strip();
        return probe.completed() && line.startsWith("trackintel " + VERSION + " ") ? Optional.of(line)
                : Optional.empty();
    }
}
