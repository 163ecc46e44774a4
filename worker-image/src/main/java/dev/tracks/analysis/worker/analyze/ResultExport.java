package dev.tracks.analysis.worker.analyze;

import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.worker.skill.CsvExport;
import dev.tracks.analysis.worker.skill.SkillDataset;
import dev.tracks.analysis.worker.skill.SkillRegistry;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;

/**
 * Every dataset of the skills that ran as a CSV file with a header row, as each dataset's {@link CsvExport} describes
 * it (README's table of CSV files is generated from the same).
 */
final class ResultExport {

    private ResultExport() {
    }

    /** Writes the files of the skills that ran, in their order, into {@code directory}; returns the paths written. */
    static List<Path> write(Connection db, Path directory, SkillRegistry registry, List<Skill> ran,
                            CsvExport.Settings settings) throws SQLException, IOException {
        Files.createDirectories(directory);
        List<Path> written = new ArrayList<>();
        for (Skill skill : ran) {
            for (SkillDataset dataset : registry.get(skill).datasets()) {
                Path path = directory.resolve(dataset.csv().fileName());
                try (Writer out = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
                    db.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (" + dataset.csv().query(settings)
                            + ") TO STDOUT WITH (FORMAT csv, HEADER)", out);
                }
                written.add(path);
            }
        }
        return written;
    }
}
