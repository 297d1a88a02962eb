package io.spineconsole.sandbox.registrations;

import io.spineconsole.api.Page;
import io.spineconsole.domain.Coded;
import io.spineconsole.sandbox.Actor;
import io.spineconsole.domain.registrations.RegistrationStatus;
import io.spineconsole.domain.registrations.Organisation;
import io.spineconsole.domain.registrations.OrganisationCreate;
import io.spineconsole.domain.registrations.OrganisationKind;
import io.spineconsole.domain.registrations.OrganisationUpdate;
import io.spineconsole.domain.registrations.RecordRef;
import io.spineconsole.domain.registrations.RecordType;
import io.spineconsole.domain.registrations.RegistrationAction;
import io.spineconsole.domain.registrations.RegistrationFilter;
import io.spineconsole.domain.registrations.RegistrationRules;
import io.spineconsole.domain.registrations.TransitionRequest;
import io.spineconsole.sandbox.Sql;
import io.spineconsole.sandbox.outcome.Issues;
import io.spineconsole.sandbox.outcome.NotFound;
import io.spineconsole.sandbox.outcome.Version;
import io.spineconsole.sandbox.paging.PageCursor;
import io.spineconsole.sandbox.registrations.Keyset.Key;
import io.spineconsole.sandbox.registrations.Keyset.KeyType;
import io.spineconsole.sandbox.registrations.Keyset.Sort;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Organisations (ODS codes) in the sandbox store: keyset-paged search, versioned reads, validated
 * writes and lifecycle transitions, each change audited in its own transaction. Methods taking a
 * {@link Connection} run inside a caller's transaction (an import, or another store's change).
 */
public final class OrganisationStore {
    static final RecordLifecycle.Kind<Organisation> KIND = new RecordLifecycle.Kind<>("Organisation", "organisation",
            "organisation", "ods_code", Organisation::version, Organisation::status);
    private static final Map<String, Sort> SORTS = Keyset.sorts(
            Sort.both("ods-code", Key.text("o.ods_code", "ods_code")),
            Sort.both("name", Key.text("o.name", "name"), Key.text("o.ods_code", "ods_code")),
            Sort.both("updated-at", new Key("o.updated_at", "updated_at", KeyType.INSTANT), Key.text("o.ods_code", "ods_code")));
    private static final String DEFAULT_SORT = "ods-code";
    private static final String SELECT = "SELECT o.* FROM organisation o";

    private final Sql sql;
    private final RecordLifecycle lifecycle;

    OrganisationStore(Sql sql, RecordLifecycle lifecycle) {
        this.sql = sql;
        this.lifecycle = lifecycle;
    }

    // ---------------------------------------------------------------- reads

    /** Refuses a sort this list does not offer (null is the default sort), before a cursor made for a sort is read. */
    public void checkSort(String code) {
        Keyset.sort(SORTS, code, DEFAULT_SORT);
    }

    public Page<Organisation> search(RegistrationFilter f, PageCursor cursor, int limit) {
        Keyset.Where where = new Keyset.Where();
        if (f.q() != null) {
            where.and("(o.ods_code LIKE ? ESCAPE '\\' OR LOWER(o.name) LIKE ? ESCAPE '\\')",
                    Keyset.prefix(f.q().toUpperCase(Locale.ROOT)), Keyset.contains(f.q().toLowerCase(Locale.ROOT)));
        }
        where.statuses("o", f);
        if (f.kind() != null) {
            where.and("o.org_type = ?", f.kind().code());
        }
        if (f.parent() != null) {
            where.and("o.parent_ods = ?", f.parent());
        }
        Sort sort = Keyset.sort(SORTS, f.sort(), DEFAULT_SORT);
        return sql.inTransaction(c -> Keyset.page(c, SELECT, "organisation o", where, sort, cursor, limit,
                OrganisationStore::row, rows -> rows));
    }

    public Organisation get(String odsCode) {
        return sql.inTransaction(c -> find(c, odsCode, false)).orElseThrow(() -> new NotFound(KIND.name(odsCode)));
    }

    public Optional<Organisation> find(Connection c, String odsCode, boolean forUpdate) throws SQLException {
        List<Organisation> rows = Sql.list(c, "SELECT * FROM organisation WHERE ods_code = ?"
                + (forUpdate ? " FOR UPDATE" : ""), OrganisationStore::row, odsCode);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    // ---------------------------------------------------------------- changes

    public Organisation create(Actor caller, OrganisationCreate body) {
        RecordLifecycle.issues(RegistrationRules.organisationErrors(body.odsCode(), body.name(), body.kind(),
                body.parentOdsCode(), body.postcode(), true)).throwIfAny();
        return sql.inTransaction(c -> {
            if (find(c, body.odsCode(), false).isPresent()) {
                throw RecordLifecycle.duplicate(KIND.name(body.odsCode()) + " is already registered.",
                        RecordRef.of(RecordType.ORGANISATION, body.odsCode()));
            }
            requireRegistered(c, Map.of("/parentOdsCode", Optional.ofNullable(body.parentOdsCode())));
            Organisation created = insert(c, caller, body, RegistrationStatus.REQUESTED);
            lifecycle.audit(c, caller, "create", KIND, created.odsCode(), null, null, created);
            return created;
        });
    }

    /** Writes a new organisation as {@code status}, without rules or audit (the caller has applied both). */
    public Organisation insert(Connection c, Actor caller, OrganisationCreate body, RegistrationStatus status)
            throws SQLException {
        Instant now = lifecycle.now();
        Sql.update(c, "INSERT INTO organisation (ods_code, name, org_type, parent_ods, postcode, status, version, "
                        + "created_at, updated_at, created_by, updated_by) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)",
                body.odsCode(), body.name(), body.kind().code(), body.parentOdsCode(), body.postcode(), status.code(),
                now, now, caller.name(), caller.name());
        return find(c, body.odsCode(), false).orElseThrow();
    }

    public Organisation update(Actor caller, String odsCode, Version version, OrganisationUpdate body) {
        return sql.inTransaction(c -> {
            Organisation before = lifecycle.editable(KIND, odsCode, find(c, odsCode, true), version);
            RecordLifecycle.issues(RegistrationRules.organisationErrors(odsCode, body.name(), body.kind(),
                    body.parentOdsCode(), body.postcode(), false)).throwIfAny();
            requireRegistered(c, Map.of("/parentOdsCode", Optional.ofNullable(body.parentOdsCode())));
            Organisation after = applyUpdate(c, caller, before, body);
            lifecycle.audit(c, caller, "update", KIND, odsCode, null, before, after);
            return after;
        });
    }

    /** Writes {@code body} over {@code before}, without rules or audit (the caller has applied both). */
    public Organisation applyUpdate(Connection c, Actor caller, Organisation before, OrganisationUpdate body)
            throws SQLException {
        Sql.update(c, "UPDATE organisation SET name = ?, org_type = ?, parent_ods = ?, postcode = ?, version = version + 1, "
                        + "updated_at = ?, updated_by = ? WHERE ods_code = ?",
                body.name(), body.kind().code(), body.parentOdsCode(), body.postcode(), lifecycle.now(),
                caller.name(), before.odsCode());
        return find(c, before.odsCode(), false).orElseThrow();
    }

    public void delete(Actor caller, String odsCode, Version version) {
        sql.inTransaction(c -> {
            Organisation before = lifecycle.deletable(KIND, odsCode, find(c, odsCode, true), version);
            List<RecordRef> dependents = dependents(c, odsCode, false);
            if (!dependents.isEmpty()) {
                throw RecordLifecycle.refused(KIND.name(odsCode) + " still owns " + dependents.size()
                        + " systems or endpoints; delete or move them first.", "HAS_DEPENDENTS", dependents);
            }
            Sql.update(c, "DELETE FROM organisation WHERE ods_code = ?", odsCode);
            lifecycle.audit(c, caller, "delete", KIND, odsCode, null, before, null);
            return null;
        });
    }

    public Organisation transition(Actor caller, String odsCode, Version version, TransitionRequest body) {
        RecordLifecycle.checkReason(body);
        return sql.inTransaction(c -> {
            Organisation before = lifecycle.versioned(KIND, odsCode, find(c, odsCode, true), version);
            RecordLifecycle.allowed(body.action(), before.status());
            if (body.action() == RegistrationAction.RETIRE) {
                List<RecordRef> live = dependents(c, odsCode, true);
                if (!live.isEmpty()) {
                    throw RecordLifecycle.refused(KIND.name(odsCode) + " still owns " + live.size()
                            + " systems or endpoints that are not retired; retire them first.", "HAS_DEPENDENTS", live);
                }
            }
            return lifecycle.transition(c, caller, KIND, odsCode, odsCode, before, body,
                    conn -> find(conn, odsCode, false).orElseThrow());
        });
    }

    // ---------------------------------------------------------------- rules other records rely on

    /** Every organisation named (by field) is registered; otherwise the input is invalid, naming each unknown one. */
    void requireRegistered(Connection c, Map<String, Optional<String>> byField) throws SQLException {
        Issues issues = new Issues();
        for (Map.Entry<String, Optional<String>> e : byField.entrySet()) {
            if (e.getValue().isPresent() && find(c, e.getValue().get(), false).isEmpty()) {
                issues.add(e.getKey(), "UNKNOWN_REFERENCE", KIND.name(e.getValue().get()) + " is not registered.");
            }
        }
        issues.throwIfAny();
    }

    /** A record can carry traffic only while its owner is active. */
    void requireActive(Connection c, String odsCode) throws SQLException {
        Optional<Organisation> owner = find(c, odsCode, false);
        if (owner.isEmpty() || owner.get().status() != RegistrationStatus.ACTIVE) {
            throw RecordLifecycle.refused(KIND.name(odsCode) + " is "
                            + owner.map(o -> o.status().code()).orElse("not registered") + "; activate it first.",
                    "OWNER_NOT_ACTIVE", List.of(RecordRef.of(RecordType.ORGANISATION, odsCode)));
        }
    }

    /** Systems and endpoints owned by an organisation (only those not retired, when {@code liveOnly}). */
    private static List<RecordRef> dependents(Connection c, String odsCode, boolean liveOnly) throws SQLException {
        String live = liveOnly ? " AND status <> 'retired'" : "";
        List<RecordRef> out = new ArrayList<>(Sql.list(c, "SELECT asid FROM accredited_system WHERE ods_code = ?" + live
                + " ORDER BY asid FETCH FIRST 100 ROWS ONLY", r -> RecordRef.of(RecordType.ACCREDITED_SYSTEM, r.getString(1)), odsCode));
        out.addAll(Sql.list(c, "SELECT endpoint_uuid FROM mhs_endpoint WHERE ods_code = ?" + live
                + " ORDER BY id FETCH FIRST 100 ROWS ONLY", r -> RecordRef.of(RecordType.ENDPOINT, r.getString(1)), odsCode));
        return out;
    }

    private static Organisation row(ResultSet r) throws SQLException {
        return new Organisation(r.getString("ods_code"), r.getString("name"),
                Coded.fromCode(OrganisationKind.class, r.getString("org_type")), r.getString("parent_ods"),
                r.getString("postcode"), RecordLifecycle.status(r), RecordLifecycle.lastTransition(r), r.getLong("version"),
                Sql.instant(r, "created_at"), r.getString("created_by"), Sql.instant(r, "updated_at"), r.getString("updated_by"));
    }
}
