package io.spineconsole.sandbox.migration;

import io.spineconsole.domain.Coded;
import io.spineconsole.domain.migration.ComponentState;
import io.spineconsole.domain.migration.RunbookPhase;
import io.spineconsole.sandbox.Sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Seeds the migration programme around the sites and components {@code SeedData} creates: four
 * waves, a state history that walks each component from planned to its present state inside its
 * wave (the burn-down is drawn from it), a runbook per component whose done steps match its state,
 * and the decommission checklists of the data centres.
 */
public final class MigrationSeed {
    private static final String SEED = "seed";
    /** number, name, start (days from now), end (days from now). */
    private static final Object[][] WAVES = {
            {1, "Wave 1: directory and identity", -330, -200, "Directory and identity services first: everything else depends on them."},
            {2, "Wave 2: messaging core", -220, -40, "Core messaging, MESH and the secure proxy."},
            {3, "Wave 3: clinical services", -120, 60, "Prescriptions, care records and referrals."},
            {4, "Wave 4: safeguarding and the rest", 20, 150, null},
    };
    /** The usual runbook: two steps per phase. */
    private static final Object[][] RUNBOOK = {
            {RunbookPhase.PREPARE, "Provision the cloud environment from the landing-zone templates", "Platform team"},
            {RunbookPhase.PREPARE, "Load test in pre-production at national peak (3,200 msg/s)", "Performance team"},
            {RunbookPhase.MIGRATE, "Replicate data to the cloud region", null},
            {RunbookPhase.MIGRATE, "Reconcile record counts and checksums between data centre and cloud", null},
            {RunbookPhase.PARALLEL_RUN, "Mirror live traffic to the cloud for 14 days", "Service management"},
            {RunbookPhase.PARALLEL_RUN, "Compare responses: no unexplained differences", null},
            {RunbookPhase.CUT_OVER, "Obtain CAB approval for the cut-over", "Change management"},
            {RunbookPhase.CUT_OVER, "Switch DNS to the cloud load balancer", "Network team"},
            {RunbookPhase.DECOMMISSION, "Power down the data-centre instances", null},
            {RunbookPhase.DECOMMISSION, "Erase disks and record certificates of destruction", null},
    };

    private MigrationSeed() {
    }

    public static void seed(Connection c, Instant now) throws SQLException {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        for (Object[] w : WAVES) {
            Sql.update(c, "INSERT INTO migration_wave (wave_number, name, planned_start, planned_end, notes, version, "
                            + "created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?)",
                    w[0], w[1], today.plusDays((int) w[2]), today.plusDays((int) w[3]), w[4], now, SEED, now, SEED);
        }
        Instant programmeStart = now.minus(Duration.ofDays(360));
        record Row(String code, ComponentState state, int wave) {
        }
        List<Row> rows = Sql.list(c, "SELECT code, state, wave FROM component ORDER BY code", r -> new Row(r.getString(1),
                Coded.fromCode(ComponentState.class, r.getString(2)), r.getInt(3)));
        for (Row row : rows) {
            Object[] wave = WAVES[Math.max(0, Math.min(WAVES.length, row.wave()) - 1)];
            Instant start = now.plus(Duration.ofDays((int) wave[2]));
            Instant end = now.plus(Duration.ofDays(Math.min(-2, (int) wave[3])));
            if (!end.isAfter(start)) {
                start = end.minus(Duration.ofDays(20));
            }
            List<ComponentState> path = pathTo(row.state());
            Instant at = start;
            long gap = Duration.between(start, end).toMinutes() / Math.max(1, path.size() - 1);
            for (int i = 1; i < path.size(); i++) {
                at = start.plus(Duration.ofMinutes(gap * i));
                Sql.update(c, "INSERT INTO component_transition (component_code, from_state, to_state, reason, actor, "
                                + "occurred_at) VALUES (?, ?, ?, ?, ?, ?)", row.code(), path.get(i - 1).code(),
                        path.get(i).code(), reason(row.code(), path.get(i)), "amir.khan", at);
                // The audit log holds the programme's history too, as it would have been written at the time.
                audit(c, at, "transition", "component", row.code(), reason(row.code(), path.get(i)),
                        json("code", row.code(), "state", path.get(i - 1).code()),
                        json("code", row.code(), "state", path.get(i).code()));
            }
            Sql.update(c, "UPDATE component SET created_at = ?, updated_at = ?, version = ?, state_rank = ? WHERE code = ?",
                    programmeStart, path.size() > 1 ? at : programmeStart, path.size(), row.state().ordinal(), row.code());
            runbook(c, row.code(), phasesDone(row.code(), row.state()), programmeStart);
        }
        checklist(c, "DC-NORTH", now, Map.of("contracts-ended", "Notice served on hosting contract CON-2291; ends 31 March",
                "certificates-revoked", "Revocation list entry REV-0412 for the DC-NORTH gateway certificates"));
        checklist(c, "DC-SOUTH", now, Map.of());
    }

    /** The states a component went through to reach {@code state}, starting at planned. */
    private static List<ComponentState> pathTo(ComponentState state) {
        List<ComponentState> forward = List.of(ComponentState.PLANNED, ComponentState.PREPARING, ComponentState.MIGRATING,
                ComponentState.PARALLEL_RUN, ComponentState.CUT_OVER, ComponentState.DECOMMISSIONING,
                ComponentState.DECOMMISSIONED);
        if (state == ComponentState.BLOCKED || state == ComponentState.ROLLED_BACK) {
            List<ComponentState> path = new ArrayList<>(forward.subList(0, 3));
            path.add(state);
            return path;
        }
        return forward.subList(0, forward.indexOf(state) + 1);
    }

    private static String reason(String code, ComponentState to) {
        return switch (to) {
            case PREPARING -> "Wave kicked off; " + code + " runbook agreed";
            case MIGRATING -> "Cloud environment accepted by the platform team";
            case PARALLEL_RUN -> "Data reconciliation clean";
            case CUT_OVER -> "Parallel run clean for 14 days; CAB approved";
            case DECOMMISSIONING -> "No traffic to the data-centre copy for 30 days";
            case DECOMMISSIONED -> "Data-centre instances removed";
            case BLOCKED -> "Waiting for core messaging to leave DC-NORTH";
            default -> "Re-planned";
        };
    }

    /** How many runbook phases are finished: those whose gate the component has passed. */
    private static int phasesDone(String code, ComponentState state) {
        if (code.equals("PDS")) {
            return 3; // the parallel run is complete: PDS is ready to cut over
        }
        return switch (state) {
            case PLANNED, PREPARING -> 0;
            case MIGRATING, BLOCKED, ROLLED_BACK -> 1;
            case PARALLEL_RUN -> 2;
            case CUT_OVER -> 3;
            case DECOMMISSIONING -> 4;
            case DECOMMISSIONED -> 5;
        };
    }

    private static void runbook(Connection c, String code, int phasesDone, Instant at) throws SQLException {
        int seq = 1;
        for (Object[] step : RUNBOOK) {
            RunbookPhase phase = (RunbookPhase) step[0];
            boolean done = phase.ordinal() < phasesDone;
            Sql.update(c, "INSERT INTO runbook_step (component_code, seq, phase, title, owner, is_required, status, "
                            + "evidence, notes, completed_by, completed_at, version, created_at, created_by, updated_at, "
                            + "updated_by) VALUES (?, ?, ?, ?, ?, TRUE, ?, ?, NULL, ?, ?, 1, ?, ?, ?, ?)",
                    code, seq, phase.code(), step[1], step[2], done ? "done" : "todo",
                    done ? "CHG00" + (41_000 + seq * 37 + code.length()) : null, done ? "amir.khan" : null,
                    done ? at : null, at, SEED, at, SEED);
            seq++;
        }
    }

    private static void checklist(Connection c, String site, Instant now, Map<String, String> done) throws SQLException {
        SiteStore.addStandardChecklist(c, site, SEED, now);
        for (Map.Entry<String, String> item : done.entrySet()) {
            Sql.update(c, "UPDATE checklist_item SET done = TRUE, evidence = ?, owner = ?, signed_off_by = ?, "
                    + "signed_off_at = ?, version = 2 WHERE site_code = ? AND item_key = ?", item.getValue(),
                    "Service management", "amir.khan", now, site, item.getKey());
            Sql.update(c, "UPDATE site SET checklist_version = checklist_version + 1 WHERE code = ?", site);
            audit(c, now, "update", "checklist-item", site + "/" + item.getKey(), null,
                    json("key", item.getKey(), "done", false),
                    json("key", item.getKey(), "done", true, "evidence", item.getValue(), "owner", "Service management"));
        }
    }

    /** Seeded history has no token: the audit trail keeps the person's name alone. */
    private static void audit(Connection c, Instant at, String action, String entityType, String entityId, String reason,
                              String before, String after) throws SQLException {
        Sql.update(c, "INSERT INTO audit_event (occurred_at, actor, actor_name, action, entity_type, entity_id, reason, "
                + "before_json, after_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", at, "amir.khan", "amir.khan", action,
                entityType, entityId, reason, before, after);
    }

    /** A small JSON object from name/value pairs (strings and booleans). */
    private static String json(Object... pairs) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < pairs.length; i += 2) {
            out.append(i == 0 ? "" : ",").append('"').append(pairs[i]).append("\":");
            Object v = pairs[i + 1];
            out.append(v instanceof Boolean ? v.toString()
                    : '"' + v.toString().replace("\\", "\\\\").replace("\"", "\\\"") + '"');
        }
        return out.append('}').toString();
    }
}
