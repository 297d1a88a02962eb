package io.spineconsole.ui.migration;

import io.spineconsole.domain.migration.DependencyGraph;
import io.spineconsole.domain.migration.MigrationRules;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What stands between a component and its next step, read from the dependency graph with the
 * server's rules: a component cannot cut over while something it depends on is only in a data
 * centre, and that dependency cannot cut over while its own on-premises dependencies remain, and so
 * on down the chain; a component that has cut over cannot be decommissioned while something that
 * depends on it is only on premises. No toolkit: the graph view and its tests share it.
 *
 * @param focus     the component asked about
 * @param links     every blocking dependency, in the order found from the focus outwards
 * @param roots     the components at the far end of the chain: on premises only and not themselves blocked
 *                  by anything on premises (where the work has to start)
 */
public record BlockingChain(String focus, List<Link> links, Set<String> components, Set<String> roots) {

    /** Why a link blocks: a dependency still on premises, or a dependent that keeps a cut-over component running. */
    public enum Kind { CUT_OVER, DECOMMISSION }

    /** {@code blocked} cannot move on because of {@code blocker}. */
    public record Link(String blocked, String blocker, Kind kind) {
    }

    public boolean isEmpty() {
        return links.isEmpty();
    }

    /** True when the edge {@code from → to} ("from depends on to") is part of the chain. */
    public boolean containsEdge(String from, String to) {
        for (Link l : links) {
            if (l.kind() == Kind.CUT_OVER && l.blocked().equals(from) && l.blocker().equals(to)) {
                return true;
            }
            if (l.kind() == Kind.DECOMMISSION && l.blocker().equals(from) && l.blocked().equals(to)) {
                return true;
            }
        }
        return false;
    }

    /** The chain blocking {@code focus} in {@code graph}; empty when nothing blocks it (or it is unknown). */
    public static BlockingChain of(DependencyGraph graph, String focus) {
        Map<String, DependencyGraph.Node> nodes = new HashMap<>();
        graph.nodes().forEach(n -> nodes.put(n.code(), n));
        List<Link> links = new ArrayList<>();
        Set<String> components = new LinkedHashSet<>();
        Set<String> roots = new LinkedHashSet<>();
        DependencyGraph.Node start = nodes.get(focus);
        if (start == null) {
            return new BlockingChain(focus, List.of(), Set.of(), Set.of());
        }
        components.add(focus);
        Map<String, List<DependencyGraph.Edge>> dependsOn = new HashMap<>();
        Map<String, List<DependencyGraph.Edge>> dependents = new HashMap<>();
        for (DependencyGraph.Edge e : graph.edges()) {
            dependsOn.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e);
            dependents.computeIfAbsent(e.to(), k -> new ArrayList<>()).add(e);
        }
        if (MigrationRules.isCutOverOrLater(start.state())) {
            // Cut over already: what keeps its data-centre copy alive is whatever still needs it there.
            for (DependencyGraph.Edge e : dependents.getOrDefault(focus, List.of())) {
                DependencyGraph.Node dependent = nodes.get(e.from());
                if (dependent != null && dependent.onPremisesOnly()) {
                    links.add(new Link(focus, e.from(), Kind.DECOMMISSION));
                    components.add(e.from());
                    roots.add(e.from());
                }
            }
        } else {
            Deque<String> queue = new ArrayDeque<>(List.of(focus));
            Set<String> visited = new LinkedHashSet<>(List.of(focus));
            while (!queue.isEmpty()) {
                String code = queue.poll();
                boolean blockedHere = false;
                for (DependencyGraph.Edge e : dependsOn.getOrDefault(code, List.of())) {
                    DependencyGraph.Node dep = nodes.get(e.to());
                    if (dep != null && (e.blocksCutOver() || dep.onPremisesOnly())) {
                        links.add(new Link(code, e.to(), Kind.CUT_OVER));
                        components.add(e.to());
                        blockedHere = true;
                        if (visited.add(e.to())) {
                            queue.add(e.to());
                        }
                    }
                }
                if (!blockedHere && !code.equals(focus)) {
                    roots.add(code);
                }
            }
        }
        return new BlockingChain(focus, List.copyOf(links), java.util.Collections.unmodifiableSet(components),
                java.util.Collections.unmodifiableSet(roots));
    }
}
