package dev.tracks.analysis.task;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crdv2.generator.CRDGenerator;
import io.fabric8.crdv2.generator.CRDPostProcessor;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Generates the AnalysisTask CRD from the Java types with the fabric8 CRD generator (the one Quarkus brings), as part
 * of the build's tests. {@code CustomResourceDefinitionTest} compares the result with the copy in {@code k8s/crd/}.
 */
final class CrdGeneration {

    static final String FILE_NAME = "analysistasks.analysis.tracks.dev-v1.yml";

    private CrdGeneration() {
    }

    /** Writes the CRD into {@code directory} and returns its path. */
    static Path generate(Path directory) throws IOException {
        Files.createDirectories(directory);
        new CRDGenerator()
                .customResourceClasses(AnalysisTask.class)
                .forCRDVersions("v1")
                .withPostProcessor(new DeclaredColumnOrder())
                .inOutputDir(directory.toFile())
                .generate();
        return directory.resolve(FILE_NAME);
    }

    /**
     * The generator sorts printer columns by JSON path, which would put Age first; kubectl shows them in CRD order,
     * so restore the order in which {@link AnalysisTask} declares them.
     */
    private static final class DeclaredColumnOrder implements CRDPostProcessor {
        @Override
        public HasMetadata process(HasMetadata crd, String crdSpecVersion) {
            List<String> declared = Arrays
                    .stream(AnalysisTask.class.getAnnotationsByType(AdditionalPrinterColumn.class))
                    .map(AdditionalPrinterColumn::name)
                    .toList();
            ((CustomResourceDefinition) crd).getSpec().getVersions().forEach(version -> version
                    .getAdditionalPrinterColumns()
                    .sort(Comparator.comparingInt(
                            (CustomResourceColumnDefinition column) -> declared.indexOf(column.getName()))));
            return crd;
        }
    }
}
