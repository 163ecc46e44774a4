package dev.tracks.analysis.api.console;

import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.skill.SkillCatalog;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The skill DAG laid out for an SVG: each skill in the column of its depth (the longest path from a skill without
 * dependencies), one row per skill of that column, an edge from each dependency to its dependent. A pure function of
 * the catalog and of each skill's state in one chain run.
 */
public record ChainGraph(int width, int height, List<Node> nodes, List<Edge> edges) {

    static final int NODE_WIDTH = 170;
    static final int NODE_HEIGHT = 44;
    private static final int COLUMN_GAP = 50;
    private static final int ROW_GAP = 22;
    private static final int MARGIN = 10;

    /** A skill's box: its top-left corner, its state in the chain run ("not in this run" when it has no task). */
    public record Node(String skill, String status, String phase, Long taskId, int x, int y) {
        int centerY() {
            return y + NODE_HEIGHT / 2;
        }
    }

    /** A dependency arrow, from the right edge of one box to the left edge of the other. */
    public record Edge(int x1, int y1, int x2, int y2) {
    }

    /**
     * The skills and their dependencies; {@code states} gives each skill's task of the run shown (status and id),
     * skills without one are drawn as not part of the run.
     */
    static ChainGraph of(Collection<Skill> skills, Map<Skill, TaskRow> states) {
        List<Skill> ordered = SkillCatalog.inDependencyOrder(SkillCatalog.withDependencies(skills));
        Map<Skill, Integer> depth = new HashMap<>();
        for (Skill skill : ordered) {
            depth.put(skill, SkillCatalog.definition(skill).dependsOn().stream().filter(depth::containsKey)
                    .mapToInt(dependency -> depth.get(dependency) + 1).max().orElse(0));
        }
        Map<Integer, Integer> rowsInColumn = new HashMap<>();
        Map<Skill, Node> nodes = new HashMap<>();
        List<Node> drawn = new ArrayList<>();
        int width = 0;
        int height = 0;
        for (Skill skill : ordered) {
            int column = depth.get(skill);
            int row = rowsInColumn.merge(column, 1, Integer::sum) - 1;
            int x = MARGIN + column * (NODE_WIDTH + COLUMN_GAP);
            int y = MARGIN + row * (NODE_HEIGHT + ROW_GAP);
            TaskRow task = states.get(skill);
            Node node = task == null ? new Node(skill.id(), "not in this run", "absent", null, x, y)
                    : new Node(skill.id(), task.status(), task.phase(), task.id(), x, y);
            nodes.put(skill, node);
            drawn.add(node);
            width = Math.max(width, x + NODE_WIDTH + MARGIN);
            height = Math.max(height, y + NODE_HEIGHT + MARGIN);
        }
        List<Edge> edges = new ArrayList<>();
        for (Skill skill : ordered) {
            Node to = nodes.get(skill);
            for (Skill dependency : SkillCatalog.definition(skill).dependsOn()) {
                Node from = nodes.get(dependency);
                if (from != null) {
                    edges.add(new Edge(from.x() + NODE_WIDTH, from.centerY(), to.x(), to.centerY()));
                }
            }
        }
        return new ChainGraph(width, height, drawn, edges);
    }
}
