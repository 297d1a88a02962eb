package io.spineconsole.sandbox.migration;

import io.spineconsole.domain.Coded;
import io.spineconsole.domain.migration.ComponentState;
import io.spineconsole.domain.migration.SiteKind;
import io.spineconsole.domain.migration.Component;
import io.spineconsole.domain.migration.ComponentTransition;
import io.spineconsole.domain.migration.MigrationBlocker;
import io.spineconsole.domain.migration.RunbookCounts;
import io.spineconsole.sandbox.Sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The whole migration programme read in one go (a few dozen components and sites): the rules need
 * the hosting and state of every neighbour of a component, so reading it all is simpler and as fast.
 */
final class Programme {
    private record Row(String code, String name, String description, String owner, Integer wave, ComponentState state,
                       long version, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {
    }

    private final Map<String, Row> components = new TreeMap<>();
    private final Map<String, SiteKind> siteKinds = new HashMap<>();
    private final Map<String, List<String>> hostedAt = new HashMap<>();
    private final Map<String, List<String>> dependsOn = new HashMap<>();
    private final Map<String, List<String>> dependents = new HashMap<>();
    private final Map<String, RunbookCounts> runbooks = new HashMap<>();
    private final Map<String, ComponentTransition> lastTransitions = new HashMap<>();

    static Programme load(Connection c) throws SQLException {
        Programme p = new Programme();
        for (Row r : Sql.list(c, "SELECT code, name, description, owner, wave, state, version, created_at, created_by, "
                + "updated_at, updated_by FROM component", rs -> new Row(rs.getString("code"), rs.getString("name"),
                rs.getString("description"), rs.getString("owner"), (Integer) rs.getObject("wave", Integer.class),
                Coded.fromCode(ComponentState.class, rs.getString("state")), rs.getLong("version"),
                Sql.instant(rs, "created_at"), rs.getString("created_by"), Sql.instant(rs, "updated_at"),
                rs.getString("updated_by")))) {
            p.components.put(r.code(), r);
        }
        Sql.list(c, "SELECT code, kind FROM site", rs -> p.siteKinds.put(rs.getString(1),
                Coded.fromCode(SiteKind.class, rs.getString(2))));
        Sql.list(c, "SELECT component_code, site_code FROM component_hosting ORDER BY component_code, site_code",
                rs -> p.hostedAt.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2)));
        Sql.list(c, "SELECT component_code, depends_on FROM component_dependency ORDER BY component_code, depends_on",
                rs -> {
                    p.dependsOn.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                    return p.dependents.computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(rs.getString(1));
                });
        Sql.list(c, "SELECT component_code, COUNT(*), SUM(CASE WHEN status = 'done' THEN 1 ELSE 0 END) "
                + "FROM runbook_step GROUP BY component_code", rs -> p.runbooks.put(rs.getString(1),
                new RunbookCounts(rs.getInt(2), rs.getInt(3))));
        Sql.list(c, "SELECT t.component_code, t.from_state, t.to_state, t.reason, t.actor, t.occurred_at, t.injected "
                + "FROM component_transition t WHERE t.id = (SELECT MAX(l.id) FROM component_transition l "
                + "WHERE l.component_code = t.component_code)", rs -> p.lastTransitions.put(rs.getString(1),
                new ComponentTransition(Coded.fromCode(ComponentState.class, rs.getString(2)),
                        Coded.fromCode(ComponentState.class, rs.getString(3)), rs.getString(4), rs.getString(5),
                        Sql.instant(rs, "occurred_at"), rs.getString("injected"))));
        return p;
    }

    boolean exists(String code) {
        return components.containsKey(code);
    }

    boolean siteExists(String code) {
        return siteKinds.containsKey(code);
    }

    SiteKind siteKind(String code) {
        return siteKinds.get(code);
    }

    List<String> codes() {
        return List.copyOf(components.keySet());
    }

    Optional<Component> find(String code) {
        return Optional.ofNullable(components.get(code)).map(this::toComponent);
    }

    Component get(String code) {
        return find(code).orElseThrow();
    }

    List<String> hostedAt(String code) {
        return hostedAt.getOrDefault(code, List.of());
    }

    List<String> dependsOn(String code) {
        return dependsOn.getOrDefault(code, List.of());
    }

    List<String> dependents(String code) {
        return dependents.getOrDefault(code, List.of());
    }

    ComponentState state(String code) {
        return components.get(code).state();
    }

    /** Every site hosting it is a data centre (and it is hosted somewhere). */
    boolean onPremisesOnly(String code) {
        List<String> sites = hostedAt(code);
        return !sites.isEmpty() && sites.stream().allMatch(s -> siteKinds.get(s) == SiteKind.DATA_CENTRE);
    }

    /** The first data centre hosting it, for naming in a refusal. */
    String dataCentreOf(String code) {
        return hostedAt(code).stream().filter(s -> siteKinds.get(s) == SiteKind.DATA_CENTRE).findFirst().orElse(null);
    }

    /** Why {@code code} may not cut over: each dependency that is only on premises. */
    List<MigrationBlocker> cutOverBlockers(String code) {
        List<MigrationBlocker> out = new ArrayList<>();
        for (String dep : dependsOn(code)) {
            if (onPremisesOnly(dep)) {
                String site = dataCentreOf(dep);
                out.add(new MigrationBlocker(dep, state(dep), site,
                        code + " cannot cut over: depends on " + dep + ", still on " + site));
            }
        }
        return out;
    }

    /** Why {@code code} may not be decommissioned: each dependent that is only on premises. */
    List<MigrationBlocker> decommissionBlockers(String code) {
        List<MigrationBlocker> out = new ArrayList<>();
        for (String dependent : dependents(code)) {
            if (onPremisesOnly(dependent)) {
                String site = dataCentreOf(dependent);
                out.add(new MigrationBlocker(dependent, state(dependent), site, code
                        + " cannot be decommissioned: " + dependent + " depends on it and is still only on " + site));
            }
        }
        return out;
    }

    /**
     * The dependency path that would close a cycle if {@code code} depended on {@code newDeps}, or
     * empty. The path reads "A → B → A".
     */
    Optional<List<String>> cycleWith(String code, List<String> newDeps) {
        Map<String, List<String>> graph = new LinkedHashMap<>(dependsOn);
        graph.put(code, newDeps);
        for (String dep : newDeps) {
            List<String> path = new ArrayList<>(List.of(code));
            if (reaches(graph, dep, code, path, new java.util.HashSet<>())) {
                return Optional.of(path);
            }
        }
        return Optional.empty();
    }

    private static boolean reaches(Map<String, List<String>> graph, String from, String target, List<String> path,
                                   java.util.Set<String> seen) {
        path.add(from);
        if (from.equals(target)) {
            return true;
        }
        if (seen.add(from)) {
            for (String next : graph.getOrDefault(from, List.of())) {
                if (reaches(graph, next, target, path, seen)) {
                    return true;
                }
            }
        }
        path.remove(path.size() - 1);
        return false;
    }

    private Component toComponent(Row r) {
        return new Component(r.code(), r.name(), r.description(), r.owner(), r.wave(), hostedAt(r.code()),
                dependsOn(r.code()), r.state(), onPremisesOnly(r.code()), dependents(r.code()),
                runbooks.getOrDefault(r.code(), new RunbookCounts(0, 0)), lastTransitions.get(r.code()),
                r.version(), r.createdAt(), r.createdBy(), r.updatedAt(), r.updatedBy());
    }
}
