package io.spineconsole.sandbox.migration;

import io.spineconsole.api.Page;
import io.spineconsole.domain.migration.ComponentState;
import io.spineconsole.domain.migration.Component;
import io.spineconsole.domain.migration.ComponentCreate;
import io.spineconsole.domain.migration.ComponentTransitionRequest;
import io.spineconsole.domain.migration.ComponentUpdate;
import io.spineconsole.domain.migration.DependencyGraph;
import io.spineconsole.domain.migration.MigrationBlocker;
import io.spineconsole.domain.migration.MigrationRules;
import io.spineconsole.sandbox.Actor;
import io.spineconsole.sandbox.SandboxContext;
import io.spineconsole.sandbox.Sql;
import io.spineconsole.sandbox.outcome.Issue;
import io.spineconsole.sandbox.outcome.Issues;
import io.spineconsole.sandbox.outcome.NotFound;
import io.spineconsole.sandbox.outcome.Refused;
import io.spineconsole.sandbox.outcome.Version;
import io.spineconsole.sandbox.paging.PageCursor;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.stream.Collectors;

/** Components: search, create, edit, the dependency graph and state transitions under the programme's rules. */
public final class ComponentStore {
    static final Map<String, Keyset> SORTS = Map.of(
            "code", new Keyset(null, false, s -> s),
            "-code", new Keyset(null, true, s -> s),
            "name", new Keyset("c.name", false, s -> s),
            "-name", new Keyset("c.name", true, s -> s),
            "wave", new Keyset("COALESCE(c.wave, 0)", false, Integer::valueOf),
            "-wave", new Keyset("COALESCE(c.wave, 0)", true, Integer::valueOf),
            "state", new Keyset("c.state_rank", false, Integer::valueOf),
            "-state", new Keyset("c.state_rank", true, Integer::valueOf),
            "-updated-at", new Keyset("c.updated_at", true, s -> Instant.parse(s)));

    private final SandboxContext context;

    /** The sort orders a search may ask for. */
    public static Set<String> sorts() {
        return SORTS.keySet();
    }

    public ComponentStore(SandboxContext context) {
        this.context = context;
    }

    /** A component search; {@code sort} is a key of {@link #SORTS}. */
    public record Search(List<ComponentState> states, Integer wave, String site, String owner, String q, String sort,
                  int limit, PageCursor cursor) {
    }

    public Page<Component> list(Search s) {
        return context.sql().inTransaction(c -> {
            List<String> where = new ArrayList<>();
            List<Object> params = new ArrayList<>();
            if (!s.states().isEmpty()) {
                where.add("c.state IN (" + s.states().stream().map(x -> "?").collect(Collectors.joining(", ")) + ")");
                s.states().forEach(x -> params.add(x.code()));
            }
            if (s.wave() != null) {
                where.add("c.wave = ?");
                params.add(s.wave());
            }
            if (s.site() != null) {
                where.add("EXISTS (SELECT 1 FROM component_hosting h WHERE h.component_code = c.code AND h.site_code = ?)");
                params.add(s.site());
            }
            if (s.owner() != null) {
                where.add("LOWER(c.owner) = ?");
                params.add(s.owner().toLowerCase(Locale.ROOT));
            }
            if (s.q() != null) {
                where.add("(c.code LIKE ? OR LOWER(c.name) LIKE ?)");
                params.add(s.q().toUpperCase(Locale.ROOT).replace("%", "") + "%");
                params.add("%" + s.q().toLowerCase(Locale.ROOT).replace("%", "") + "%");
            }
            Keyset keyset = SORTS.get(s.sort());
            String scope = "components|" + s.states() + "|" + s.wave() + "|" + s.site() + "|" + s.owner() + "|" + s.q()
                    + "|" + s.sort();
            Page<String> codes = keyset.page(c, new Keyset.Filter("component c", "c.code", where, params, scope),
                    s.limit(), s.cursor(), r -> {
                        Object v = r.getObject("page_sort");
                        if (v instanceof java.util.Date || v instanceof java.time.temporal.Temporal) {
                            return Sql.instant(r, "page_sort").toString(); // PostgreSQL gives a Timestamp, H2 an OffsetDateTime
                        }
                        return v == null ? null : v.toString();
                    });
            Programme p = Programme.load(c);
            return new Page<>(codes.items().stream().map(p::get).toList(), codes.nextCursor(),
                    codes.approximateTotal(), codes.totalIsExact());
        });
    }

    public Component get(String code) {
        return context.sql().inTransaction(c -> Programme.load(c).find(code)
                .orElseThrow(() -> new NotFound("Component " + code)));
    }

    public DependencyGraph graph() {
        return context.sql().inTransaction(c -> {
            Programme p = Programme.load(c);
            List<DependencyGraph.Node> nodes = new ArrayList<>();
            List<DependencyGraph.Edge> edges = new ArrayList<>();
            for (String code : p.codes()) {
                Component comp = p.get(code);
                nodes.add(new DependencyGraph.Node(code, comp.name(), comp.state(), comp.wave(), comp.hostedAt(),
                        comp.onPremisesOnly()));
                for (String dep : comp.dependsOn()) {
                    edges.add(new DependencyGraph.Edge(code, dep, p.onPremisesOnly(dep)));
                }
            }
            return new DependencyGraph(nodes, edges);
        });
    }

    public Component create(Actor actor, ComponentCreate body) {
        Issues errors = new Issues();
        Checks.componentCode(errors, "/code", body.code());
        Checks.required(errors, "/name", body.name(), 200);
        Checks.length(errors, "/description", body.description(), 2000);
        Checks.required(errors, "/owner", body.owner(), 100);
        Checks.wave(errors, "/wave", body.wave());
        Checks.codes(errors, "/hostedAt", body.hostedAt(), 20, true);
        Checks.codes(errors, "/dependsOn", body.dependsOn(), 50, false);
        errors.throwIfAny();
        List<String> hosted = body.hostedAt() == null ? List.of() : body.hostedAt();
        List<String> deps = body.dependsOn() == null ? List.of() : body.dependsOn();
        return context.sql().inTransaction(c -> {
            Programme p = Programme.load(c);
            if (p.exists(body.code())) {
                throw Checks.duplicate("/code", "Component " + body.code() + " already exists.", "component", body.code());
            }
            checkReferences(c, p, body.code(), body.wave(), hosted, deps);
            Instant now = context.clock().instant();
            Sql.update(c, "INSERT INTO component (code, name, description, state, state_rank, wave, owner, version, "
                            + "created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)",
                    body.code(), body.name(), body.description(), ComponentState.PLANNED.code(),
                    ComponentState.PLANNED.ordinal(), body.wave(), body.owner(), now, actor.name(), now, actor.name());
            replaceLinks(c, body.code(), hosted, deps);
            Component created = Programme.load(c).get(body.code());
            context.audit().record(c, actor, "create", "component", body.code(), null, null, created);
            return created;
        });
    }

    public Component update(Actor actor, String code, Version version, ComponentUpdate body) {
        Issues errors = new Issues();
        Checks.required(errors, "/name", body.name(), 200);
        Checks.length(errors, "/description", body.description(), 2000);
        Checks.required(errors, "/owner", body.owner(), 100);
        Checks.wave(errors, "/wave", body.wave());
        Checks.codes(errors, "/hostedAt", body.hostedAt(), 20, true);
        Checks.codes(errors, "/dependsOn", body.dependsOn(), 50, false);
        errors.throwIfAny();
        return context.sql().inTransaction(c -> {
            Programme p = Programme.load(c);
            Component before = p.find(code).orElseThrow(() -> new NotFound("Component " + code));
            version.check(before.version(), before);
            List<String> hosted = body.hostedAt() == null ? before.hostedAt() : body.hostedAt();
            List<String> deps = body.dependsOn() == null ? before.dependsOn() : body.dependsOn();
            checkReferences(c, p, code, body.wave(), hosted, deps);
            Sql.update(c, "UPDATE component SET name = ?, description = ?, owner = ?, wave = ?, version = version + 1, "
                            + "updated_at = ?, updated_by = ? WHERE code = ?",
                    body.name(), body.description(), body.owner(), body.wave(), context.clock().instant(), actor.name(), code);
            replaceLinks(c, code, hosted, deps);
            Component after = Programme.load(c).get(code);
            context.audit().record(c, actor, "update", "component", code, null, before, after);
            return after;
        });
    }

    /** Sites, dependencies and wave must exist; a dependency may not close a cycle. */
    private void checkReferences(Connection c, Programme p, String code, Integer wave, List<String> hosted,
                                 List<String> deps) throws SQLException {
        Issues errors = new Issues();
        for (int i = 0; i < hosted.size(); i++) {
            if (!p.siteExists(hosted.get(i))) {
                errors.add("/hostedAt/" + i, "UNKNOWN_REFERENCE", "There is no site " + hosted.get(i) + ".");
            }
        }
        for (int i = 0; i < deps.size(); i++) {
            if (deps.get(i).equals(code)) {
                errors.add("/dependsOn/" + i, "DEPENDENCY_CYCLE", code + " cannot depend on itself.");
            } else if (!p.exists(deps.get(i))) {
                errors.add("/dependsOn/" + i, "UNKNOWN_REFERENCE", "There is no component " + deps.get(i) + ".");
            }
        }
        if (wave != null && Sql.list(c, "SELECT 1 FROM migration_wave WHERE wave_number = ?", r -> 1, wave).isEmpty()) {
            errors.add("/wave", "UNKNOWN_REFERENCE", "There is no wave " + wave + ".");
        }
        if (errors.isEmpty()) {
            p.cycleWith(code, deps).ifPresent(path -> errors.add("/dependsOn", "DEPENDENCY_CYCLE",
                    "This would make a dependency cycle: " + String.join(" → ", path) + "."));
        }
        errors.throwIfAny();
    }

    private static void replaceLinks(Connection c, String code, List<String> hosted, List<String> deps)
            throws SQLException {
        Sql.update(c, "DELETE FROM component_hosting WHERE component_code = ?", code);
        for (String site : hosted) {
            Sql.update(c, "INSERT INTO component_hosting (component_code, site_code) VALUES (?, ?)", code, site);
        }
        Sql.update(c, "DELETE FROM component_dependency WHERE component_code = ?", code);
        for (String dep : deps) {
            Sql.update(c, "INSERT INTO component_dependency (component_code, depends_on) VALUES (?, ?)", code, dep);
        }
    }

    /**
     * Moves a component to another state. Refused (409, with blockers) when the move is not in the
     * table, when a dependency or dependent is only on premises, or when the runbook phase being left
     * has required steps not done.
     */
    public Component transition(Actor actor, String code, Version version, ComponentTransitionRequest body) {
        Issues errors = new Issues();
        if (body.to() == null) {
            errors.add("/to", "REQUIRED", "Say which state to move to.");
        }
        Checks.reason(errors, "/reason", body.reason());
        Checks.codes(errors, "/hostedAt", body.hostedAt(), 20, true);
        errors.throwIfAny();
        return context.sql().inTransaction(c -> {
            Programme p = Programme.load(c);
            Component before = p.find(code).orElseThrow(() -> new NotFound("Component " + code));
            version.check(before.version(), before);
            if (body.hostedAt() != null) {
                Issues refs = new Issues();
                for (int i = 0; i < body.hostedAt().size(); i++) {
                    if (!p.siteExists(body.hostedAt().get(i))) {
                        refs.add("/hostedAt/" + i, "UNKNOWN_REFERENCE", "There is no site " + body.hostedAt().get(i) + ".");
                    }
                }
                refs.throwIfAny();
            }
            refuseIfBlocked(c, p, before, body.to());
            Instant now = context.clock().instant();
            Sql.update(c, "UPDATE component SET state = ?, state_rank = ?, version = version + 1, updated_at = ?, "
                            + "updated_by = ? WHERE code = ?",
                    body.to().code(), body.to().ordinal(), now, actor.name(), code);
            if (body.hostedAt() != null) {
                Sql.update(c, "DELETE FROM component_hosting WHERE component_code = ?", code);
                for (String site : body.hostedAt()) {
                    Sql.update(c, "INSERT INTO component_hosting (component_code, site_code) VALUES (?, ?)", code, site);
                }
            }
            Sql.update(c, "INSERT INTO component_transition (component_code, from_state, to_state, reason, actor, "
                    + "occurred_at) VALUES (?, ?, ?, ?, ?, ?)", code, before.state().code(), body.to().code(),
                    body.reason().trim(), actor.name(), now);
            Component after = Programme.load(c).get(code);
            context.audit().record(c, actor, "transition", "component", code, body.reason().trim(), before, after);
            return after;
        });
    }

    private void refuseIfBlocked(Connection c, Programme p, Component comp, ComponentState to) throws SQLException {
        String code = comp.code();
        if (!MigrationRules.isAllowed(comp.state(), to)) {
            String allowed = MigrationRules.allowedFrom(comp.state()).stream().map(ComponentState::code)
                    .collect(Collectors.joining(", "));
            String detail = code + " cannot move from " + comp.state().code() + " to " + to.code() + ". "
                    + (allowed.isEmpty() ? comp.state().code() + " is final." : "Allowed: " + allowed + ".");
            throw new Refused(Refused.Kind.TRANSITION, detail, List.of(new Issue("/to", "INVALID_TRANSITION", detail)),
                    null).with("blockers", List.of());
        }
        List<Issue> problems = new ArrayList<>();
        List<MigrationBlocker> blockers = new ArrayList<>();
        if (to == ComponentState.CUT_OVER) {
            for (MigrationBlocker b : p.cutOverBlockers(code)) {
                blockers.add(b);
                problems.add(new Issue("/to", "DEPENDENCY_ON_PREMISES", b.reason()));
            }
        }
        if (to == ComponentState.DECOMMISSIONING) {
            for (MigrationBlocker b : p.decommissionBlockers(code)) {
                blockers.add(b);
                problems.add(new Issue("/to", "DEPENDENTS_ON_PREMISES", b.reason()));
            }
        }
        Optional<io.spineconsole.domain.migration.RunbookPhase> gate = MigrationRules.phaseGating(to);
        if (gate.isPresent()) {
            List<String> open = Sql.list(c, "SELECT title FROM runbook_step WHERE component_code = ? AND phase = ? "
                    + "AND is_required = TRUE AND status <> 'done' ORDER BY seq, id", r -> r.getString(1), code, gate.get().code());
            if (!open.isEmpty()) {
                String reason = code + " cannot enter " + to.code() + ": required " + gate.get().code()
                        + " runbook steps not done: " + String.join("; ", open);
                blockers.add(new MigrationBlocker(code, comp.state(), p.dataCentreOf(code), reason));
                problems.add(new Issue("/to", "RUNBOOK_INCOMPLETE", reason));
            }
        }
        if (!blockers.isEmpty()) {
            String detail = blockers.stream().map(MigrationBlocker::reason).collect(Collectors.joining(". "));
            throw new Refused(Refused.Kind.TRANSITION, detail.length() > 2000 ? detail.substring(0, 1997) + "…" : detail,
                    problems, null).with("blockers", blockers);
        }
    }
}
