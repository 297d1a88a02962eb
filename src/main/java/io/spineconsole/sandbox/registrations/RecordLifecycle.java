package io.spineconsole.sandbox.registrations;

import io.spineconsole.domain.Coded;
import io.spineconsole.sandbox.Actor;
import io.spineconsole.domain.registrations.RegistrationStatus;
import io.spineconsole.domain.registrations.FieldRuleIssue;
import io.spineconsole.domain.registrations.RecordRef;
import io.spineconsole.domain.registrations.RegistrationAction;
import io.spineconsole.domain.registrations.RegistrationTransition;
import io.spineconsole.domain.registrations.TransitionRequest;
import io.spineconsole.sandbox.SandboxContext;
import io.spineconsole.sandbox.Sql;
import io.spineconsole.sandbox.outcome.Issue;
import io.spineconsole.sandbox.outcome.Issues;
import io.spineconsole.sandbox.outcome.RuleWords;
import io.spineconsole.sandbox.outcome.NotFound;
import io.spineconsole.sandbox.outcome.Refused;
import io.spineconsole.sandbox.outcome.Version;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * What organisations, accredited systems and endpoints share: a version the caller must have read
 * before changing a record, the lifecycle (requested → approved → active ⇄ suspended → retired) and
 * its rules, and an audit entry for every change, written in the change's own transaction.
 */
final class RecordLifecycle {

    /**
     * One kind of registration record: how it is named in sentences and in the audit trail, where it
     * is stored, and how to read its version and status.
     */
    record Kind<R>(String noun, String auditType, String table, String keyColumn, ToLongFunction<R> version,
                   Function<R, RegistrationStatus> status) {
        String name(Object key) {
            return noun + " " + key;
        }
    }

    /** Reads a record again inside the change's transaction, after it was written. */
    @FunctionalInterface
    interface Reread<R> {
        R read(Connection c) throws SQLException;
    }

    private final SandboxContext context;

    RecordLifecycle(SandboxContext context) {
        this.context = context;
    }

    Instant now() {
        return context.clock().instant();
    }

    /** The record, as long as it exists and the caller read its current version. */
    <R> R versioned(Kind<R> kind, Object key, Optional<R> found, Version version) {
        R record = found.orElseThrow(() -> new NotFound(kind.name(key)));
        version.check(kind.version().applyAsLong(record), record);
        return record;
    }

    /** {@link #versioned}, and not retired: retired records are kept read-only. */
    <R> R editable(Kind<R> kind, Object key, Optional<R> found, Version version) {
        R record = versioned(kind, key, found, version);
        if (kind.status().apply(record) == RegistrationStatus.RETIRED) {
            throw refused(kind.name(key) + " is retired; retired records are kept read-only for history.",
                    "RECORD_RETIRED", List.of());
        }
        return record;
    }

    /** {@link #versioned}, and still only requested: anything further along is retired, never deleted. */
    <R> R deletable(Kind<R> kind, Object key, Optional<R> found, Version version) {
        R record = versioned(kind, key, found, version);
        RegistrationStatus status = kind.status().apply(record);
        if (status != RegistrationStatus.REQUESTED) {
            throw refused(kind.name(key) + " is " + status.code() + "; only a requested record can be deleted. "
                    + "Retire it instead.", "INVALID_TRANSITION", List.of());
        }
        return record;
    }

    /** The action is one the lifecycle allows from the record's status. */
    static void allowed(RegistrationAction action, RegistrationStatus status) {
        action.refusal(status).ifPresent(message -> {
            throw refused(message, "INVALID_TRANSITION", List.of());
        });
    }

    /** A transition names its action and says why, in 3 to 500 characters. */
    static void checkReason(TransitionRequest body) {
        Issues issues = new Issues();
        if (body.action() == null) {
            issues.add("/action", "REQUIRED", "Choose the action: approve, activate, suspend, reinstate or retire.");
        }
        if (body.reason() == null || body.reason().isBlank()) {
            issues.add("/reason", "REQUIRED", "Say why: the reason is recorded with the change.");
        } else if (body.reason().strip().length() < 3 || body.reason().length() > 500) {
            issues.add("/reason", body.reason().length() > 500 ? "TOO_LONG" : "TOO_SHORT", "A reason is 3 to 500 characters.");
        }
        issues.throwIfAny();
    }

    /** Moves the record as {@code body} asks, audits the move with its reason, and returns the record after it. */
    <R> R transition(Connection c, Actor caller, Kind<R> kind, Object key, String auditId, R before,
                     TransitionRequest body, Reread<R> reread) throws SQLException {
        Instant now = now();
        Sql.update(c, "UPDATE " + kind.table() + " SET status = ?, last_action = ?, last_from = ?, last_to = ?, "
                        + "last_reason = ?, last_by = ?, last_at = ?, version = version + 1, updated_at = ?, updated_by = ? "
                        + "WHERE " + kind.keyColumn() + " = ?",
                body.action().to().code(), body.action().code(), kind.status().apply(before).code(),
                body.action().to().code(), body.reason().strip(), caller.name(), now, now, caller.name(), key);
        R after = reread.read(c);
        audit(c, caller, "transition", kind, auditId, body.reason(), before, after);
        return after;
    }

    /** One audit entry for a change to a record ({@code before} null for a create, {@code after} null for a delete). */
    void audit(Connection c, Actor caller, String action, Kind<?> kind, String id, String reason, Object before,
               Object after) throws SQLException {
        context.audit().record(c, caller, action, kind.auditType(), id, reason, before, after);
    }

    /** A rule of the lifecycle says no; {@code related} are the records in the way. */
    static Refused refused(String message, String code, List<RecordRef> related) {
        return new Refused(Refused.Kind.TRANSITION, message, List.of(Issue.general(code, message)), null)
                .withRelated(related);
    }

    /** The record would duplicate {@code existing}. */
    static Refused duplicate(String message, RecordRef existing) {
        return new Refused(Refused.Kind.DUPLICATE, message, List.of(Issue.general("ALREADY_EXISTS", message)), null)
                .withRelated(List.of(existing));
    }

    /** The status column every registration table has. */
    static RegistrationStatus status(ResultSet r) throws SQLException {
        return Coded.fromCode(RegistrationStatus.class, r.getString("status"));
    }

    /** The last lifecycle move, from the {@code last_*} columns every registration table has; null before the first. */
    static RegistrationTransition lastTransition(ResultSet r) throws SQLException {
        String action = r.getString("last_action");
        if (action == null) {
            return null;
        }
        return new RegistrationTransition(Coded.fromCode(RegistrationAction.class, action),
                Coded.fromCode(RegistrationStatus.class, r.getString("last_from")),
                Coded.fromCode(RegistrationStatus.class, r.getString("last_to")), r.getString("last_reason"),
                r.getString("last_by"), Sql.instant(r, "last_at"));
    }

    /** A domain rule's field issues, to refuse the input with all of them at once. */
    static Issues issues(List<FieldRuleIssue> fieldIssues) {
        Issues issues = new Issues();
        fieldIssues.forEach(i -> issues.add(i.field(), i.code(), RuleWords.of(i.issue())));
        return issues;
    }
}
