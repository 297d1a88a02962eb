package io.spineconsole.sandbox.registrations;

import io.spineconsole.api.Page;
import io.spineconsole.domain.Coded;
import io.spineconsole.domain.Identifiers;
import io.spineconsole.domain.registrations.RecordType;
import io.spineconsole.domain.sds.DriftExpectation;
import io.spineconsole.domain.sds.DriftExpectationCreate;
import io.spineconsole.domain.sds.DriftStatus;
import io.spineconsole.sandbox.Actor;
import io.spineconsole.sandbox.SandboxContext;
import io.spineconsole.sandbox.Sql;
import io.spineconsole.sandbox.outcome.Issue;
import io.spineconsole.sandbox.outcome.Issues;
import io.spineconsole.sandbox.outcome.NotFound;
import io.spineconsole.sandbox.outcome.Refused;
import io.spineconsole.sandbox.paging.PageCursor;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Drift rows marked as expected: one record in one drift state, with who marked it, when and why. Marking and
 * un-marking are audited (entity {@code drift-expectation}); a second mark of the same record type, status and
 * key (ignoring case) is refused as a duplicate. Listed by type, status and key, a keyset page at a time.
 */
public final class DriftExpectations {
    private static final String ENTITY = "drift-expectation";
    private static final String COLUMNS = "id, record_type, status, record_key, ods_code, reason, marked_by, marked_at";
    private final SandboxContext context;

    public DriftExpectations(SandboxContext context) {
        this.context = context;
    }

    /** Marks a row as expected; the body's rules are checked all at once (Invalid), a duplicate is Refused. */
    public DriftExpectation mark(Actor actor, DriftExpectationCreate body) {
        Issues issues = new Issues();
        if (body.recordType() == null) {
            issues.add("recordType", "REQUIRED", "Name the record type: accredited-system or endpoint.");
        } else if (body.recordType() == RecordType.ORGANISATION) {
            issues.add("recordType", "ENUM", "Drift is compared for accredited systems and endpoints, not organisations.");
        }
        if (body.status() == null) {
            issues.add("status", "REQUIRED", "Name the drift status: missing-in-sds, missing-here or different.");
        }
        String key = body.recordKey() == null ? "" : body.recordKey().strip();
        if (key.isEmpty() || key.length() > 400) {
            issues.add("recordKey", key.isEmpty() ? "REQUIRED" : "TOO_LONG",
                    "The record key is the drift row's key, 1 to 400 characters.");
        }
        String ods = body.odsCode() == null || body.odsCode().isBlank() ? null : body.odsCode().strip();
        if (ods != null) {
            issues.check("odsCode", "PATTERN", Identifiers.checkOdsCode(ods));
        }
        String reason = body.reason() == null ? "" : body.reason().strip();
        if (reason.length() < 3 || body.reason().length() > 500) {
            issues.add("reason", "LENGTH", "Give a reason of 3 to 500 characters: why this drift is expected.");
        }
        issues.throwIfAny();
        DriftExpectation created = new DriftExpectation(UUID.randomUUID(), body.recordType(), body.status(), key, ods,
                reason, actor.name(), context.clock().instant().truncatedTo(ChronoUnit.MICROS));
        String match = DriftExpectation.matchKey(key);
        return context.sql().inTransaction(c -> {
            boolean exists = !Sql.list(c, "SELECT 1 FROM drift_expectation WHERE record_type = ? AND status = ? "
                    + "AND match_key = ?", r -> 1, created.recordType().code(), created.status().code(), match).isEmpty();
            if (exists) {
                String detail = "This " + created.recordType().code() + " (" + key + ") is already marked as expected "
                        + "while " + created.status().code() + ".";
                throw new Refused(Refused.Kind.DUPLICATE, detail, List.of(Issue.general("ALREADY_EXISTS", detail)), null);
            }
            Sql.update(c, "INSERT INTO drift_expectation (" + COLUMNS + ", match_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    created.id(), created.recordType().code(), created.status().code(), key, ods, reason,
                    created.markedBy(), created.markedAt(), match);
            context.audit().record(c, actor, "mark-expected", ENTITY, created.id().toString(), reason, null, created);
            return created;
        });
    }

    /** Removes an expectation; one that does not exist is NotFound. */
    public void unmark(Actor actor, UUID id) {
        context.sql().inTransaction(c -> {
            DriftExpectation existing = Sql.list(c, "SELECT " + COLUMNS + " FROM drift_expectation WHERE id = ?",
                    DriftExpectations::row, id).stream().findFirst()
                    .orElseThrow(() -> new NotFound("Drift expectation " + id));
            Sql.update(c, "DELETE FROM drift_expectation WHERE id = ?", id);
            context.audit().record(c, actor, "unmark-expected", ENTITY, id.toString(), null, existing, null);
            return null;
        });
    }

    /** A page of expectations by type, status and key; {@code type} null for both record types. */
    public Page<DriftExpectation> list(RecordType type, PageCursor cursor, int limit) {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (type != null) {
            where.add("record_type = ?");
            params.add(type.code());
        }
        String search = "drift-expectations|" + (type == null ? "" : type.code());
        long total = context.sql().count("SELECT COUNT(*) FROM drift_expectation" + where(where), params.toArray());
        if (cursor != null) {
            List<String> last = cursor.lastKeyFor(search, k -> {
                if (k.size() != 3) {
                    throw new IllegalArgumentException("not a drift expectation key");
                }
                return k;
            });
            where.add("(record_type > ? OR (record_type = ? AND (status > ? OR (status = ? AND match_key > ?))))");
            params.addAll(List.of(last.get(0), last.get(0), last.get(1), last.get(1), last.get(2)));
        }
        List<DriftExpectation> rows = context.sql().list("SELECT " + COLUMNS + " FROM drift_expectation" + where(where)
                + " ORDER BY record_type, status, match_key FETCH FIRST " + (limit + 1) + " ROWS ONLY",
                DriftExpectations::row, params.toArray());
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            DriftExpectation last = rows.get(rows.size() - 1);
            next = PageCursor.after(search, List.of(last.recordType().code(), last.status().code(),
                    DriftExpectation.matchKey(last.recordKey()))).encode();
        }
        return new Page<>(rows, next, total, true);
    }

    private static String where(List<String> where) {
        return where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
    }

    private static DriftExpectation row(ResultSet r) throws SQLException {
        Instant at = Sql.instant(r, "marked_at");
        return new DriftExpectation(r.getObject("id", UUID.class), Coded.fromCode(RecordType.class, r.getString("record_type")),
                Coded.fromCode(DriftStatus.class, r.getString("status")), r.getString("record_key"),
                r.getString("ods_code"), r.getString("reason"), r.getString("marked_by"), at);
    }
}
