package io.spineconsole.domain.migration;


import java.util.List;

/** Every component and run-time dependency, with the edges that block a cut-over. */
public record DependencyGraph(List<Node> nodes, List<Edge> edges) {

    /** A component in the graph. */
    public record Node(String code, String name, ComponentState state, Integer wave, List<String> hostedAt,
                       boolean onPremisesOnly) {
    }

    /** {@code from} depends on {@code to}; {@code blocksCutOver} when {@code to} is only on premises. */
    public record Edge(String from, String to, boolean blocksCutOver) {
    }
}
