package dev.tracks.analysis.worker.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.worker.failure.WorkerFailure;
import dev.tracks.analysis.worker.skill.SkillParams;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImportReportTest {

    private static ImportReport report(long accepted, long duplicates, long rejected) {
        return new ImportReport(LocationUnit.LINE, accepted + duplicates + rejected, accepted, duplicates, rejected,
                List.of(), null);
    }

    @Test
    void aFileIsRejectedWholeOnlyWhenItsShareIsLarger() {
        assertThat(report(95, 0, 5).rejectedShare()).isEqualTo(0.05);
        assertThat(report(95, 0, 5).shouldImport(0.05)).as("equal share passes").isTrue();
        assertThat(report(94, 0, 6).shouldImport(0.05)).isFalse();
        assertThat(report(100, 0, 0).shouldImport(0)).isTrue();
        assertThat(report(99, 0, 1).shouldImport(0)).isFalse();
        assertThat(report(0, 0, 10).shouldImport(1)).isTrue();
    }

    @Test
    void duplicatesCountAsRowsButNotAsInvalid() {
        ImportReport report = report(50, 45, 5);

        assertThat(report.rejectedShare()).isEqualTo(0.05);
        assertThat(report.shouldImport(0.05)).isTrue();
    }

    @Test
    void aFileWithoutRowsHasNoRejectedShare() {
        assertThat(report(0, 0, 0).rejectedShare()).isZero();
        assertThat(report(0, 0, 0).shouldImport(0)).isTrue();
    }

    @Test
    void aFailedFileIsNeverImported() {
        ImportReport failed = new ImportReport(LocationUnit.LINE, 10, 10, 0, 0, List.of(), new Rejection(11, 0,
                "not well-formed XML"));

        assertThat(failed.shouldImport(1)).isFalse();
    }

    @Test
    void theShareRuleAppliesToARealRead() {
        StringBuilder csv = new StringBuilder("time,lat,lon\n");
        for (int i = 0; i < 100; i++) {
            csv.append(1_577_836_800 + i).append(i % 20 == 0 ? ",x," : ",1,").append("2\n");
        }

        ImportReport report = Imports.read(ImportFormat.CSV, csv.toString(), "u").report();

        assertThat(report.rejected()).isEqualTo(5);
        assertThat(report.shouldImport(bind(Map.of("source", "f.csv")).maxRejectedShare())).isTrue();
        assertThat(report.shouldImport(0.04)).isFalse();
    }

    @Test
    void paramsHaveTheCatalogDefaultsAndBounds() {
        DataImportParams defaults = bind(Map.of("source", "/data/geolife"));

        assertThat(defaults).isEqualTo(new DataImportParams("/data/geolife", ImportFormat.AUTO, null, 0.05, 1990, 24));
        assertThatThrownBy(() -> bind(Map.of("source", "x", "maxRejectedShare", 1.5)))
                .isInstanceOf(WorkerFailure.class).hasMessageContaining("params.maxRejectedShare");
        assertThatThrownBy(() -> bind(Map.of("source", "x", "maxRejectedShare", Double.NaN)))
                .isInstanceOf(WorkerFailure.class).hasMessageContaining("params.maxRejectedShare");
        assertThatThrownBy(() -> bind(Map.of("source", " "))).isInstanceOf(WorkerFailure.class)
                .hasMessageContaining("params.source");
    }

    private static DataImportParams bind(Map<String, ?> params) {
        return SkillParams.resolve(Skill.DATA_IMPORT, params).bind(DataImportParams.class);
    }
}
