package dev.tracks.analysis.task;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.skill.SkillCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The samples in {@code k8s/samples/} against the Java types and the skill catalog. The tests on the real API server
 * apply the same files with kubectl.
 */
class SamplesTest {

    private static final Path SAMPLES = Path.of("samples");
    private static final String EXPECTED_FIELD = "analysis.tracks.dev/expected-invalid-field";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Test
    void everyValidSampleIsAValidTask() throws IOException {
        List<AnalysisTask> tasks = validSamples();
        assertThat(tasks).hasSizeGreaterThanOrEqualTo(2 * SkillCatalog.DEFAULT_CHAIN.size());
        for (AnalysisTask task : tasks) {
            assertThat(TaskSpecValidation.validate(task.getMetadata().getName(), task.getSpec()))
                    .as(task.getMetadata().getName()).isEmpty();
        }
    }

    @Test
    void thereIsOneSingleTaskSamplePerDefaultChainSkill() throws IOException {
        List<Skill> singles = new ArrayList<>();
        for (Path file : yamlFiles(SAMPLES)) {
            List<AnalysisTask> tasks = read(file);
            if (tasks.size() == 1) {
                singles.add(tasks.get(0).getSpec().getSkill());
            }
        }
        assertThat(singles).containsExactlyInAnyOrderElementsOf(SkillCatalog.DEFAULT_CHAIN);
    }

    @Test
    void chainSampleHasExactlyTheCatalogsDependencyEdges() throws IOException {
        List<AnalysisTask> chain = read(SAMPLES.resolve("default-chain.yaml"));
        assertThat(chain).extracting(t -> t.getSpec().getSkill())
                .containsExactlyElementsOf(SkillCatalog.DEFAULT_CHAIN);
        Map<String, Skill> skillOfTask = chain.stream().collect(Collectors.toMap(t -> t.getMetadata().getName(),
                t -> t.getSpec().getSkill()));
        for (AnalysisTask task : chain) {
            List<Skill> dependencySkills = task.getSpec().getDependsOn().stream().map(skillOfTask::get).toList();
            assertThat(dependencySkills).as(task.getMetadata().getName())
                    .containsExactlyInAnyOrderElementsOf(
                            SkillCatalog.definition(task.getSpec().getSkill()).dependsOn());
        }
    }

    @Test
    void everyInvalidSampleIsRejectedAtTheFieldItNames() throws IOException {
        List<Path> files = yamlFiles(SAMPLES.resolve("invalid"));
        assertThat(files).hasSizeGreaterThanOrEqualTo(8);
        for (Path file : files) {
            Map<?, ?> raw = YAML.readValue(file.toFile(), Map.class);
            String expectedField = (String) ((Map<?, ?>) ((Map<?, ?>) raw.get("metadata")).get("annotations"))
                    .get(EXPECTED_FIELD);
            assertThat(rejectedFields(file)).as(file.toString()).anySatisfy(field ->
                    assertThat(field).as("the field or one of its items")
                            .matches(Pattern.quote(expectedField) + "(\\[\\d+])?"));
        }
    }

    /** The fields the Java types (enums) or the spec validation reject in the sample. */
    private static List<String> rejectedFields(Path file) throws IOException {
        AnalysisTask task;
        try {
            task = YAML.readValue(file.toFile(), AnalysisTask.class);
        } catch (JsonMappingException e) {
            return List.of(e.getPath().stream().map(JsonMappingException.Reference::getFieldName)
                    .collect(Collectors.joining(".")));
        }
        return TaskSpecValidation.validate(task.getMetadata().getName(), task.getSpec()).stream()
                .map(FieldViolation::field).toList();
    }

    private static List<AnalysisTask> validSamples() throws IOException {
        List<AnalysisTask> tasks = new ArrayList<>();
        for (Path file : yamlFiles(SAMPLES)) {
            tasks.addAll(read(file));
        }
        return tasks;
    }

    private static List<AnalysisTask> read(Path file) throws IOException {
        List<AnalysisTask> tasks = new ArrayList<>();
        for (String document : Files.readString(file).split("(?m)^---$")) {
            if (document.lines().anyMatch(line -> line.startsWith("kind:"))) {
                tasks.add(YAML.readValue(document, AnalysisTask.class));
            }
        }
        if (tasks.isEmpty()) {
            fail("no AnalysisTask in " + file);
        }
        return tasks;
    }

    private static List<Path> yamlFiles(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
    }
}
