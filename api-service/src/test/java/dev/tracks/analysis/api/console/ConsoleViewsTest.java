package dev.tracks.analysis.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracks.analysis.skill.ParamSpec;
import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.skill.SkillCatalog;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The console's pure parts: ETA in words, the form generated from parameter specs and back, the DAG's layout. */
class ConsoleViewsTest {

    private static final List<ParamSpec> SPECS = List.of(
            ParamSpec.integer("minPoints", 5, 1, 1000, "points", "Fewest points of a stay."),
            ParamSpec.number("radius", 100.5, 1, 5000, "m", "Radius of a stay."),
            ParamSpec.bool("strict", true, "Refuse gaps."),
            ParamSpec.choice("method", "dbscan", List.of("dbscan", "sliding"), "How stays are found."),
            ParamSpec.optionalString("label", "A label."));

    @Test
    void etaIsWrittenInTheLargestUnitsThatFit() {
        assertThat(TaskRow.eta(null)).isEmpty();
        assertThat(TaskRow.eta(40L)).isEqualTo("40 s");
        assertThat(TaskRow.eta(200L)).isEqualTo("3 min 20 s");
        assertThat(TaskRow.eta(3900L)).isEqualTo("1 h 05 min");
    }

    @Test
    void theFormOffersEachParameterWithItsDefaultBoundsUnitAndHelp() {
        List<TaskForm.Field> fields = TaskForm.fields(SPECS, Map.of(), "params.radius", "must be at most 5000");

        assertThat(fields).extracting(TaskForm.Field::name).containsExactly("params.minPoints", "params.radius",
                "params.strict", "params.method", "params.label");
        TaskForm.Field minPoints = fields.get(0);
        assertThat(minPoints.input()).isEqualTo("number");
        assertThat(minPoints.value()).isEqualTo("5");
        assertThat(minPoints.step()).isEqualTo("1");
        assertThat(minPoints.min()).isEqualTo("1");
        assertThat(minPoints.max()).isEqualTo("1000");
        assertThat(minPoints.unit()).isEqualTo("points");
        assertThat(minPoints.help()).isEqualTo("Fewest points of a stay. Default: 5 points.");
        assertThat(minPoints.error()).isEmpty();
        assertThat(fields.get(1).value()).isEqualTo("100.5");
        assertThat(fields.get(1).error()).isEqualTo("must be at most 5000");
        assertThat(fields.get(1).id()).isEqualTo("field-params-radius");
        assertThat(fields.get(2).input()).isEqualTo("checkbox");
        assertThat(fields.get(2).checked()).isTrue();
        assertThat(fields.get(3).input()).isEqualTo("select");
        assertThat(fields.get(3).choices()).containsExactly("dbscan", "sliding");
        assertThat(fields.get(4).value()).isEmpty();
        assertThat(fields.get(4).help()).isEqualTo("A label.");
    }

    @Test
    void postedValuesBecomeTypedParamsAndWhatIsNotANumberIsLeftForTheApiToRefuse() {
        assertThat(TaskForm.params(SPECS, Map.of("params.minPoints", "7", "params.radius", "2.5",
                "params.strict", "true", "params.label", "")))
                .containsExactly(Map.entry("minPoints", 7L), Map.entry("radius", 2.5), Map.entry("strict", true));
        assertThat(TaskForm.params(SPECS, Map.of("params.minPoints", "seven")))
                .containsExactly(Map.entry("minPoints", "seven"), Map.entry("strict", false));
    }

    @Test
    void eachSkillStandsRightOfItsDependenciesWithAnEdgeFromEach() {
        ChainGraph graph = ChainGraph.of(SkillCatalog.DEFAULT_CHAIN, Map.of());
        Map<String, ChainGraph.Node> nodes = new HashMap<>();
        graph.nodes().forEach(node -> nodes.put(node.skill(), node));
        int edges = 0;
        for (ChainGraph.Node node : graph.nodes()) {
            assertThat(node.status()).isEqualTo("not in this run");
            for (Skill dependency : SkillCatalog.definition(Skill.fromId(node.skill()).orElseThrow()).dependsOn()) {
                assertThat(nodes.get(dependency.id()).x()).isLessThan(node.x());
                edges++;
            }
            assertThat(node.x() + ChainGraph.NODE_WIDTH).isLessThanOrEqualTo(graph.width());
            assertThat(node.y() + ChainGraph.NODE_HEIGHT).isLessThanOrEqualTo(graph.height());
        }
        assertThat(graph.edges()).hasSize(edges);
        assertThat(graph.nodes()).as("no two boxes in one place").extracting(node -> node.x() + "," + node.y())
                .doesNotHaveDuplicates().hasSize(SkillCatalog.withDependencies(SkillCatalog.DEFAULT_CHAIN).size());
    }

    @Test
    void aFootprintRowIsWrittenOutColumnByColumnWithDistancesInMetresOrKilometres() {
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        row.put("user_id", "u");
        row.put("stays", 12);
        row.put("radius_of_gyration_m", 1534.2);
        row.put("jump_min_m", 35.4);
        row.put("jump_max_m", null);
        row.put("random_entropy", 1.58496);
        row.put("home_lat", 47.37);
        row.put("home_lon", 8.54);
        row.put("home_from_night", false);
        assertThat(FootprintFacts.of(row)).containsExactly(new Fact("stays", "12"),
                new Fact("radius of gyration", "1.53 km"), new Fact("jump min", "35 m"),
                new Fact("jump max", FootprintFacts.ABSENT), new Fact("random entropy", "1.585"),
                new Fact("home", "47.37000, 8.54000"), new Fact("home from night", "no"));
    }

    @Test
    void anImportSummaryBecomesTotalsFilesAndTheRejectedFilesReasons() {
        ImportReport report = ImportReport.of(Map.of("files", 2, "rejectedRows", 1200,
                "perFile", List.of(Map.of("file", "a.gpx", "rows", 3, "rejectedRows", 0, "insertedPoints", 3,
                        "imported", true)),
                "rejected", List.of(Map.of("file", "b.csv", "rows", 1200, "rejectedRows", 1200, "rejectedShare", 1.0,
                        "reasons", List.of("line 2: lat 123.0 is not between -90 and 90")))));
        assertThat(report.totals()).containsExactlyInAnyOrder(new Fact("files", "2"),
                new Fact("rejected rows", "1,200"));
        assertThat(report.files()).containsExactly(new ImportReport.FileLine("a.gpx", "", "3", "0", "3", true));
        assertThat(report.rejected()).containsExactly(new ImportReport.RejectedFile("b.csv", "1,200", "1,200",
                "100.0 %", "", List.of("line 2: lat 123.0 is not between -90 and 90")));
        assertThat(ImportReport.of(null).isEmpty()).isTrue();
    }
}
