package io.spineconsole.sandbox.migration;

import io.spineconsole.api.Page;
import io.spineconsole.domain.Coded;
import io.spineconsole.domain.migration.ComponentState;
import io.spineconsole.domain.migration.Burndown;
import io.spineconsole.domain.migration.BurndownInterval;
import io.spineconsole.domain.migration.MigrationRules;
import io.spineconsole.domain.migration.Wave;
import io.spineconsole.domain.migration.WaveCreate;
import io.spineconsole.domain.migration.WaveUpdate;
import io.spineconsole.sandbox.Actor;
import io.spineconsole.sandbox.SandboxContext;
import io.spineconsole.sandbox.Sql;
import io.spineconsole.sandbox.outcome.Invalid;
import io.spineconsole.sandbox.outcome.Issues;
import io.spineconsole.sandbox.outcome.NotFound;
import io.spineconsole.sandbox.outcome.Version;
import io.spineconsole.sandbox.paging.PageCursor;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Migration waves, and the burn-down drawn from the component state history. */
public final class WaveStore {
    private static final String COLUMNS = "wave_number, name, planned_start, planned_end, notes, version, created_at, "
            + "created_by, updated_at, updated_by";
    static final int MAX_POINTS = 1000;
    private final SandboxContext context;

    public WaveStore(SandboxContext context) {
        this.context = context;
    }

    public Page<Wave> list(int limit, PageCursor cursor) {
        return context.sql().inTransaction(c -> {
            int after = cursor == null ? 0 : cursor.lastKeyFor("waves", key -> Integer.parseInt(key.get(0)));
            Programme p = Programme.load(c);
            List<Wave> rows = Sql.list(c, "SELECT " + COLUMNS + " FROM migration_wave WHERE wave_number > ? "
                    + "ORDER BY wave_number FETCH FIRST " + (limit + 1) + " ROWS ONLY", r -> wave(p, r), after);
            String next = null;
            if (rows.size() > limit) {
                rows = rows.subList(0, limit);
                next = PageCursor.after("waves", List.of(Integer.toString(rows.get(limit - 1).number()))).encode();
            }
            long total = Sql.list(c, "SELECT COUNT(*) FROM migration_wave", r -> r.getLong(1)).get(0);
            return new Page<>(rows, next, total, true);
        });
    }

    public Wave get(int number) {
        return context.sql().inTransaction(c -> find(c, Programme.load(c), number));
    }

    public Wave create(Actor actor, WaveCreate body) {
        Issues errors = new Issues();
        if (body.number() == null) {
            errors.add("/number", "REQUIRED", "Give the wave a number.");
        } else {
            Checks.wave(errors, "/number", body.number());
        }
        rules(errors, body.name(), body.plannedStart(), body.plannedEnd(), body.notes());
        errors.throwIfAny();
        return context.sql().inTransaction(c -> {
            if (!Sql.list(c, "SELECT 1 FROM migration_wave WHERE wave_number = ?", r -> 1, body.number()).isEmpty()) {
                throw Checks.duplicate("/number", "Wave " + body.number() + " already exists.", null, null);
            }
            Instant now = context.clock().instant();
            Sql.update(c, "INSERT INTO migration_wave (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?)",
                    body.number(), body.name(), body.plannedStart(), body.plannedEnd(), body.notes(), now,
                    actor.name(), now, actor.name());
            Wave created = find(c, Programme.load(c), body.number());
            context.audit().record(c, actor, "create", "wave", Integer.toString(body.number()), null, null, created);
            return created;
        });
    }

    public Wave update(Actor actor, int number, Version version, WaveUpdate body) {
        Issues errors = new Issues();
        rules(errors, body.name(), body.plannedStart(), body.plannedEnd(), body.notes());
        errors.throwIfAny();
        return context.sql().inTransaction(c -> {
            Programme p = Programme.load(c);
            Wave before = find(c, p, number);
            version.check(before.version(), before);
            Sql.update(c, "UPDATE migration_wave SET name = ?, planned_start = ?, planned_end = ?, notes = ?, "
                            + "version = version + 1, updated_at = ?, updated_by = ? WHERE wave_number = ?",
                    body.name(), body.plannedStart(), body.plannedEnd(), body.notes(), context.clock().instant(),
                    actor.name(), number);
            Wave after = find(c, p, number);
            context.audit().record(c, actor, "update", "wave", Integer.toString(number), null, before, after);
            return after;
        });
    }

    private static void rules(Issues errors, String name, LocalDate start, LocalDate end, String notes) {
        Checks.required(errors, "/name", name, 200);
        Checks.length(errors, "/notes", notes, 2000);
        if (start == null) {
            errors.add("/plannedStart", "REQUIRED", "Give the planned start date.");
        }
        if (end == null) {
            errors.add("/plannedEnd", "REQUIRED", "Give the planned end date.");
        }
        if (start != null && end != null && end.isBefore(start)) {
            errors.add("/plannedEnd", "DATE_ORDER", "The planned end must be on or after the planned start.");
        }
    }

    /**
     * Counts per day or week: each component's state at the end of the day is its last recorded
     * transition up to then (or, before its first, the state that transition left).
     */
    public Burndown burndown(LocalDate from, LocalDate to, BurndownInterval interval) {
        return context.sql().inTransaction(c -> {
            LocalDate today = LocalDate.ofInstant(context.clock().instant(), ZoneOffset.UTC);
            LocalDate end = to != null ? to : today;
            LocalDate start = from != null ? from : Sql.list(c, "SELECT MIN(planned_start) FROM migration_wave",
                    r -> r.getObject(1, LocalDate.class)).stream().filter(java.util.Objects::nonNull).findFirst()
                    .orElse(end.minusWeeks(12));
            if (end.isBefore(start)) {
                throw Invalid.parameter("query.to", "DATE_ORDER", "'to' must be on or after 'from'.");
            }
            long step = interval == BurndownInterval.DAY ? 1 : 7;
            long points = ChronoUnit.DAYS.between(start, end) / step + 1;
            if (points > MAX_POINTS) {
                throw Invalid.parameter("query.from", "WINDOW_TOO_WIDE", "That window has " + points
                        + " points; at most " + MAX_POINTS + ". Narrow it or use interval=week.");
            }
            record Created(Instant at, Integer wave, ComponentState current) {
            }
            Map<String, Created> components = new HashMap<>();
            Sql.list(c, "SELECT code, created_at, wave, state FROM component", r -> components.put(r.getString(1),
                    new Created(Sql.instant(r, "created_at"), (Integer) r.getObject("wave", Integer.class),
                            Coded.fromCode(ComponentState.class, r.getString("state")))));
            Map<Integer, LocalDate> waveEnds = new HashMap<>();
            Sql.list(c, "SELECT wave_number, planned_end FROM migration_wave", r -> waveEnds.put(r.getInt(1),
                    r.getObject(2, LocalDate.class)));
            List<Change> history = Sql.list(c, "SELECT component_code, from_state, to_state, occurred_at "
                    + "FROM component_transition ORDER BY occurred_at, id", r -> new Change(r.getString(1),
                    Coded.fromCode(ComponentState.class, r.getString(2)), Coded.fromCode(ComponentState.class,
                    r.getString(3)), Sql.instant(r, "occurred_at")));
            List<Burndown.Point> out = new ArrayList<>();
            for (LocalDate day = start; !day.isAfter(end); day = day.plusDays(step)) {
                Instant endOfDay = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
                int total = 0, onPremises = 0, cutOver = 0, decommissioned = 0, planned = 0;
                for (Map.Entry<String, Created> e : components.entrySet()) {
                    if (e.getValue().at().isAfter(endOfDay)) {
                        continue;
                    }
                    total++;
                    ComponentState state = stateAt(e.getKey(), e.getValue().current(), history, endOfDay);
                    if (state == ComponentState.DECOMMISSIONED) {
                        decommissioned++;
                    } else if (MigrationRules.isCutOverOrLater(state)) {
                        cutOver++;
                    } else {
                        onPremises++;
                    }
                    LocalDate waveEnd = e.getValue().wave() == null ? null : waveEnds.get(e.getValue().wave());
                    if (waveEnd == null || waveEnd.isAfter(day)) {
                        planned++;
                    }
                }
                out.add(new Burndown.Point(day, total, onPremises, cutOver, decommissioned, planned));
            }
            return new Burndown(interval, out);
        });
    }

    private record Change(String component, ComponentState from, ComponentState to, Instant at) {
    }

    private static ComponentState stateAt(String code, ComponentState current, List<Change> history, Instant at) {
        ComponentState state = null;
        ComponentState firstFrom = null;
        for (Change change : history) {
            if (!change.component().equals(code)) {
                continue;
            }
            if (firstFrom == null) {
                firstFrom = change.from();
            }
            if (change.at().isAfter(at)) {
                break;
            }
            state = change.to();
        }
        if (state != null) {
            return state;
        }
        return firstFrom != null ? firstFrom : current;
    }

    private Wave find(Connection c, Programme p, int number) throws SQLException {
        return Sql.list(c, "SELECT " + COLUMNS + " FROM migration_wave WHERE wave_number = ?", r -> wave(p, r), number)
                .stream().findFirst().orElseThrow(() -> new NotFound("Wave " + number));
    }

    private static Wave wave(Programme p, ResultSet r) throws SQLException {
        int number = r.getInt("wave_number");
        List<String> members = p.codes().stream().filter(code -> Integer.valueOf(number).equals(p.get(code).wave())).toList();
        int remaining = (int) members.stream().filter(code -> MigrationRules.isOnPremisesState(p.state(code))).count();
        return new Wave(number, r.getString("name"), r.getObject("planned_start", LocalDate.class),
                r.getObject("planned_end", LocalDate.class), r.getString("notes"), members, remaining,
                r.getLong("version"), Sql.instant(r, "created_at"), r.getString("created_by"),
                Sql.instant(r, "updated_at"), r.getString("updated_by"));
    }
}
