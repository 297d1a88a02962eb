package io.spineconsole.sandbox.migration;

import io.spineconsole.domain.Coded;
import io.spineconsole.domain.migration.Runbook;
import io.spineconsole.domain.migration.RunbookPhase;
import io.spineconsole.domain.migration.RunbookStep;
import io.spineconsole.domain.migration.RunbookStepCreate;
import io.spineconsole.domain.migration.RunbookStepStatus;
import io.spineconsole.sandbox.Actor;
import io.spineconsole.sandbox.SandboxContext;
import io.spineconsole.sandbox.Sql;
import io.spineconsole.sandbox.outcome.Issues;
import io.spineconsole.sandbox.outcome.NotFound;
import io.spineconsole.sandbox.outcome.Version;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** Runbook steps per component: ordered by {@code seq}; inserting or moving a step shifts the others. */
public final class RunbookStore {
    private static final String COLUMNS = "id, component_code, seq, phase, title, owner, is_required, status, evidence, "
            + "notes, completed_by, completed_at, version, created_at, created_by, updated_at, updated_by";
    private final SandboxContext context;

    public RunbookStore(SandboxContext context) {
        this.context = context;
    }

    public Runbook runbook(String code) {
        return context.sql().inTransaction(c -> {
            requireComponent(c, code);
            return new Runbook(code, steps(c, code));
        });
    }

    public RunbookStep get(String code, long id) {
        return context.sql().inTransaction(c -> {
            requireComponent(c, code);
            return find(c, code, id);
        });
    }

    public RunbookStep create(Actor actor, String code, RunbookStepCreate body) {
        Issues errors = new Issues();
        if (body.phase() == null) {
            errors.add("/phase", "REQUIRED", "Say which phase the step belongs to.");
        }
        Checks.required(errors, "/title", body.title(), 300);
        Checks.optional(errors, "/owner", body.owner(), 100);
        Checks.length(errors, "/evidence", body.evidence(), 2000);
        Checks.length(errors, "/notes", body.notes(), 4000);
        if (body.seq() != null && (body.seq() < 1 || body.seq() > 1000)) {
            errors.add("/seq", "OUT_OF_RANGE", "seq must be from 1 to 1000.");
        }
        boolean required = body.required() == null || body.required();
        RunbookStepStatus status = body.status() == null ? RunbookStepStatus.TODO : body.status();
        statusRules(errors, required, status, body.evidence());
        errors.throwIfAny();
        return context.sql().inTransaction(c -> {
            requireComponent(c, code);
            int last = lastSeq(c, code);
            int seq = body.seq() == null ? last + 1 : Math.min(body.seq(), last + 1);
            if (seq > 1000) {
                new Issues().add("/seq", "OUT_OF_RANGE", "A runbook holds at most 1000 steps.").throwIfAny();
            }
            Instant now = context.clock().instant();
            Sql.update(c, "UPDATE runbook_step SET seq = seq + 1, version = version + 1 WHERE component_code = ? AND seq >= ?",
                    code, seq);
            boolean done = status == RunbookStepStatus.DONE;
            Sql.update(c, "INSERT INTO runbook_step (component_code, seq, phase, title, owner, is_required, status, evidence, "
                            + "notes, completed_by, completed_at, version, created_at, created_by, updated_at, updated_by) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)",
                    code, seq, body.phase().code(), body.title(), body.owner(), required, status.code(), body.evidence(),
                    body.notes(), done ? actor.name() : null, done ? now : null, now, actor.name(), now, actor.name());
            long id = Sql.list(c, "SELECT MAX(id) FROM runbook_step WHERE component_code = ? AND seq = ?",
                    r -> r.getLong(1), code, seq).get(0);
            RunbookStep created = find(c, code, id);
            context.audit().record(c, actor, "create", "runbook-step", code + "/" + id, null, null, created);
            return created;
        });
    }

    public RunbookStep update(Actor actor, String code, long id, Version version, MergePatch patch) {
        MergePatch.Member<Integer> seq = patch.integer("seq", 1, 1000);
        MergePatch.Member<RunbookPhase> phase = patch.coded("phase", RunbookPhase.class);
        MergePatch.Member<String> title = patch.text("title", 300, false);
        MergePatch.Member<String> owner = patch.text("owner", 100, true);
        MergePatch.Member<Boolean> required = patch.bool("required");
        MergePatch.Member<RunbookStepStatus> status = patch.coded("status", RunbookStepStatus.class);
        MergePatch.Member<String> evidence = patch.text("evidence", 2000, true);
        MergePatch.Member<String> notes = patch.text("notes", 4000, true);
        if (phase.present() && phase.value() == null) {
            patch.issues().add("/phase", "REQUIRED", "phase cannot be cleared.");
        }
        if (status.present() && status.value() == null) {
            patch.issues().add("/status", "REQUIRED", "status cannot be cleared.");
        }
        if (seq.present() && seq.value() == null || required.present() && required.value() == null) {
            patch.issues().add(seq.present() ? "/seq" : "/required", "REQUIRED", "This member cannot be cleared.");
        }
        patch.issues().throwIfAny();
        return context.sql().inTransaction(c -> {
            requireComponent(c, code);
            RunbookStep before = find(c, code, id);
            version.check(before.version(), before);
            boolean isRequired = required.or(before.required());
            RunbookStepStatus newStatus = status.or(before.status());
            String newEvidence = evidence.or(before.evidence());
            Issues errors = new Issues();
            statusRules(errors, isRequired, newStatus, newEvidence);
            errors.throwIfAny();
            Instant now = context.clock().instant();
            if (seq.present() && seq.value() != before.seq()) {
                move(c, code, before.seq(), Math.min(seq.value(), lastSeq(c, code)));
            }
            boolean nowDone = newStatus == RunbookStepStatus.DONE;
            boolean wasDone = before.status() == RunbookStepStatus.DONE;
            String completedBy = nowDone ? (wasDone ? before.completedBy() : actor.name()) : null;
            Instant completedAt = nowDone ? (wasDone ? before.completedAt() : now) : null;
            Sql.update(c, "UPDATE runbook_step SET phase = ?, title = ?, owner = ?, is_required = ?, status = ?, "
                            + "evidence = ?, notes = ?, completed_by = ?, completed_at = ?, version = version + 1, "
                            + "updated_at = ?, updated_by = ? WHERE id = ?",
                    phase.or(before.phase()).code(), title.or(before.title()), owner.or(before.owner()), isRequired,
                    newStatus.code(), newEvidence, notes.or(before.notes()), completedBy, completedAt, now,
                    actor.name(), id);
            RunbookStep after = find(c, code, id);
            context.audit().record(c, actor, "update", "runbook-step", code + "/" + id, null, before, after);
            return after;
        });
    }

    public void delete(Actor actor, String code, long id, Version version) {
        context.sql().inTransaction(c -> {
            requireComponent(c, code);
            RunbookStep before = find(c, code, id);
            version.check(before.version(), before);
            Sql.update(c, "DELETE FROM runbook_step WHERE id = ?", id);
            Sql.update(c, "UPDATE runbook_step SET seq = seq - 1, version = version + 1 WHERE component_code = ? AND seq > ?",
                    code, before.seq());
            context.audit().record(c, actor, "delete", "runbook-step", code + "/" + id, null, before, null);
            return null;
        });
    }

    /** Done needs evidence when the step is required; only optional steps may be skipped. */
    private static void statusRules(Issues errors, boolean required, RunbookStepStatus status, String evidence) {
        if (status == RunbookStepStatus.SKIPPED && required) {
            errors.add("/status", "ENUM", "A required step cannot be skipped; mark it not required first.");
        }
        if (status == RunbookStepStatus.DONE && required && (evidence == null || evidence.isBlank())) {
            errors.add("/evidence", "EVIDENCE_REQUIRED", "A required step needs evidence (a change record, a test "
                    + "report) before it can be marked done.");
        }
    }

    /** Moves the step at {@code from} to {@code to}, shifting the steps between by one. */
    private void move(Connection c, String code, int from, int to) throws SQLException {
        // Park the moving step out of the way first, so no two steps share a seq mid-way.
        Sql.update(c, "UPDATE runbook_step SET seq = 0 WHERE component_code = ? AND seq = ?", code, from);
        if (to < from) {
            Sql.update(c, "UPDATE runbook_step SET seq = seq + 1, version = version + 1 WHERE component_code = ? "
                    + "AND seq >= ? AND seq < ?", code, to, from);
        } else {
            Sql.update(c, "UPDATE runbook_step SET seq = seq - 1, version = version + 1 WHERE component_code = ? "
                    + "AND seq > ? AND seq <= ?", code, from, to);
        }
        Sql.update(c, "UPDATE runbook_step SET seq = ? WHERE component_code = ? AND seq = 0", to, code);
    }

    private static int lastSeq(Connection c, String code) throws SQLException {
        return Sql.list(c, "SELECT COALESCE(MAX(seq), 0) FROM runbook_step WHERE component_code = ?",
                r -> r.getInt(1), code).get(0);
    }

    static void requireComponent(Connection c, String code) throws SQLException {
        if (Sql.list(c, "SELECT 1 FROM component WHERE code = ?", r -> 1, code).isEmpty()) {
            throw new NotFound("Component " + code);
        }
    }

    static List<RunbookStep> steps(Connection c, String code) throws SQLException {
        return Sql.list(c, "SELECT " + COLUMNS + " FROM runbook_step WHERE component_code = ? ORDER BY seq, id",
                RunbookStore::row, code);
    }

    private static RunbookStep find(Connection c, String code, long id) throws SQLException {
        return Sql.list(c, "SELECT " + COLUMNS + " FROM runbook_step WHERE component_code = ? AND id = ?",
                RunbookStore::row, code, id).stream().findFirst()
                .orElseThrow(() -> new NotFound("Runbook step " + id + " of " + code));
    }

    private static RunbookStep row(ResultSet r) throws SQLException {
        return new RunbookStep(r.getInt("seq"), Coded.fromCode(RunbookPhase.class, r.getString("phase")),
                r.getString("title"), r.getString("owner"), r.getBoolean("is_required"),
                Coded.fromCode(RunbookStepStatus.class, r.getString("status")), r.getString("evidence"),
                r.getString("notes"), r.getLong("id"), r.getString("component_code"), r.getString("completed_by"),
                Sql.instant(r, "completed_at"), r.getLong("version"), Sql.instant(r, "created_at"),
                r.getString("created_by"), Sql.instant(r, "updated_at"), r.getString("updated_by"));
    }
}
