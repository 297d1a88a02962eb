package io.spineconsole.sandbox.migration;

import io.spineconsole.domain.Coded;
import io.spineconsole.domain.migration.Component;
import io.spineconsole.domain.migration.ComponentState;
import io.spineconsole.sandbox.Actor;
import io.spineconsole.sandbox.SandboxContext;
import io.spineconsole.sandbox.Sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Migration components a training scenario holds blocked: each is moved to {@code blocked} when its
 * step starts and back to the state it was in when the step ends, both moves written as transitions
 * that carry the scenario's name ({@code injected}) and audited under the trainer who started it.
 * What is held is kept in the store ({@code scenario_block}), so a sandbox that stopped mid-drill
 * restores its components when it starts again. A component someone moved out of {@code blocked}
 * meanwhile is left where they put it; one already blocked for a real reason is not taken.
 */
public final class InjectedBlocks {
    static final String ENTITY = "component";
    private final SandboxContext context;

    /** A component a scenario wants blocked now, and the trainer who started that scenario. */
    public record Wanted(String component, String scenario, Actor by) {
    }

    public InjectedBlocks(SandboxContext context) {
        this.context = context;
    }

    /** Of {@code codes}, those no component has. */
    public List<String> unknown(Collection<String> codes) {
        return context.sql().inTransaction(c -> {
            Programme p = Programme.load(c);
            return codes.stream().distinct().filter(code -> !p.exists(code)).toList();
        });
    }

    /**
     * Brings the store in line with {@code wanted} (by component code): blocks what is wanted and not yet
     * held, restores what is held and no longer wanted. Returns how many components are held afterwards.
     */
    public synchronized int apply(Map<String, Wanted> wanted) {
        return context.sql().inTransaction(c -> {
            Instant now = context.clock().instant();
            Map<String, String> held = new java.util.HashMap<>();
            Sql.list(c, "SELECT component_code, previous_state FROM scenario_block",
                    r -> held.put(r.getString(1), r.getString(2)));
            for (Map.Entry<String, String> h : held.entrySet()) {
                if (!wanted.containsKey(h.getKey())) {
                    restore(c, h.getKey(), Coded.fromCode(ComponentState.class, h.getValue()), now);
                }
            }
            int holding = (int) held.keySet().stream().filter(wanted::containsKey).count();
            if (holding == wanted.size()) {
                return holding;  // every beat of a drill under way: nothing more to read
            }
            Programme p = Programme.load(c);
            for (Wanted w : wanted.values()) {
                if (!held.containsKey(w.component()) && p.exists(w.component())
                        && p.state(w.component()) != ComponentState.BLOCKED) {
                    block(c, p.get(w.component()), w, now);
                    holding++;
                }
            }
            return holding;
        });
    }

    private void block(Connection c, Component before, Wanted w, Instant now) throws SQLException {
        String reason = "Blocked by training scenario \u201c" + w.scenario() + "\u201d";
        move(c, before, ComponentState.BLOCKED, reason, w.scenario(), w.by(), now);
        Sql.update(c, "INSERT INTO scenario_block (component_code, scenario, previous_state, blocked_by, blocked_at) "
                + "VALUES (?, ?, ?, ?, ?)", before.code(), w.scenario(), before.state().code(), w.by().name(), now);
    }

    private void restore(Connection c, String code, ComponentState previous, Instant now) throws SQLException {
        List<String[]> row = Sql.list(c, "SELECT scenario, blocked_by FROM scenario_block WHERE component_code = ?",
                r -> new String[] {r.getString(1), r.getString(2)}, code);
        Sql.update(c, "DELETE FROM scenario_block WHERE component_code = ?", code);
        Programme p = Programme.load(c);
        if (row.isEmpty() || !p.exists(code) || p.state(code) != ComponentState.BLOCKED) {
            return;  // someone moved it on meanwhile: left where they put it
        }
        String scenario = row.get(0)[0];
        Actor by = new Actor(new io.spineconsole.domain.Principal(row.get(0)[1], io.spineconsole.domain.Role.ADMIN, 0), null);
        move(c, p.get(code), previous, "Restored after training scenario \u201c" + scenario + "\u201d", scenario, by, now);
    }

    private void move(Connection c, Component before, ComponentState to, String reason, String scenario, Actor by,
                      Instant now) throws SQLException {
        Sql.update(c, "UPDATE component SET state = ?, state_rank = ?, version = version + 1, updated_at = ?, "
                + "updated_by = ? WHERE code = ?", to.code(), to.ordinal(), now, by.name(), before.code());
        Sql.update(c, "INSERT INTO component_transition (component_code, from_state, to_state, reason, actor, "
                + "occurred_at, injected) VALUES (?, ?, ?, ?, ?, ?, ?)", before.code(), before.state().code(), to.code(),
                reason, by.name(), now, scenario);
        Component after = Programme.load(c).get(before.code());
        context.audit().record(c, by, "transition", ENTITY, before.code(), reason, before, after);
    }
}
