package io.spineconsole.sandbox.registrations;

import io.spineconsole.api.Page;
import io.spineconsole.sandbox.Actor;
import io.spineconsole.domain.registrations.RegistrationStatus;
import io.spineconsole.domain.registrations.AccreditedSystem;
import io.spineconsole.domain.registrations.AccreditedSystemCreate;
import io.spineconsole.domain.registrations.AccreditedSystemUpdate;
import io.spineconsole.domain.registrations.RecordRef;
import io.spineconsole.domain.registrations.RecordType;
import io.spineconsole.domain.registrations.RegistrationFilter;
import io.spineconsole.domain.registrations.RegistrationRules;
import io.spineconsole.domain.registrations.TransitionRequest;
import io.spineconsole.sandbox.Sql;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Accredited systems (ASIDs) in the sandbox store, with their interaction lists: keyset-paged
 * search, versioned reads, validated writes and lifecycle transitions, each change audited in its
 * own transaction. Methods taking a {@link Connection} run inside a caller's transaction (import).
 */
public final class SystemStore {
    static final RecordLifecycle.Kind<AccreditedSystem> KIND = new RecordLifecycle.Kind<>("Accredited system",
            "accredited-system", "accredited_system", "asid", AccreditedSystem::version, AccreditedSystem::status);
    private static final Map<String, Sort> SORTS = Keyset.sorts(
            Sort.both("asid", Key.text("s.asid", "asid")),
            Sort.both("ods-code", Key.text("s.ods_code", "ods_code"), Key.text("s.asid", "asid")),
            Sort.both("name", Key.text("COALESCE(s.name, '')", "sort_name"), Key.text("s.asid", "asid")),
            Sort.both("updated-at", new Key("s.updated_at", "updated_at", KeyType.INSTANT), Key.text("s.asid", "asid")));
    private static final String DEFAULT_SORT = "asid";
    private static final String SELECT = "SELECT s.*, COALESCE(s.name, '') AS sort_name FROM accredited_system s";

    private final Sql sql;
    private final RecordLifecycle lifecycle;
    private final OrganisationStore organisations;

    SystemStore(Sql sql, RecordLifecycle lifecycle, OrganisationStore organisations) {
        this.sql = sql;
        this.lifecycle = lifecycle;
        this.organisations = organisations;
    }

    // ---------------------------------------------------------------- reads

    /** Refuses a sort this list does not offer (null is the default sort), before a cursor made for a sort is read. */
    public void checkSort(String code) {
        Keyset.sort(SORTS, code, DEFAULT_SORT);
    }

    public Page<AccreditedSystem> search(RegistrationFilter f, PageCursor cursor, int limit) {
        Keyset.Where where = new Keyset.Where();
        if (f.q() != null) {
            String upper = Keyset.prefix(f.q().toUpperCase(Locale.ROOT));
            // asid is CHAR(12): compared as VARCHAR, as PostgreSQL's trigram index on it reads it (V81).
            where.and("(CAST(s.asid AS VARCHAR(12)) LIKE ? ESCAPE '\\' OR s.ods_code LIKE ? ESCAPE '\\' OR s.party_key LIKE ? ESCAPE '\\' "
                    + "OR LOWER(s.name) LIKE ? ESCAPE '\\')", upper, upper, upper, Keyset.contains(f.q().toLowerCase(Locale.ROOT)));
        }
        where.statuses("s", f);
        if (f.ods() != null) {
            where.and("s.ods_code = ?", f.ods());
        }
        if (f.partyKey() != null) {
            where.and("s.party_key = ?", f.partyKey());
        }
        if (f.interaction() != null) {
            where.and("EXISTS (SELECT 1 FROM system_interaction si WHERE si.asid = s.asid AND si.interaction_id = ?)",
                    f.interaction());
        }
        Sort sort = Keyset.sort(SORTS, f.sort(), DEFAULT_SORT);
        return sql.inTransaction(c -> Keyset.page(c, SELECT, "accredited_system s", where, sort, cursor, limit,
                SystemStore::rowWithoutInteractions, rows -> withInteractions(c, rows)));
    }

    public AccreditedSystem get(String asid) {
        return sql.inTransaction(c -> find(c, asid, false)).orElseThrow(() -> new NotFound(KIND.name(asid)));
    }

    public Optional<AccreditedSystem> find(Connection c, String asid, boolean forUpdate) throws SQLException {
        List<AccreditedSystem> rows = withInteractions(c, Sql.list(c, "SELECT s.*, '' AS sort_name FROM accredited_system s "
                + "WHERE s.asid = ?" + (forUpdate ? " FOR UPDATE" : ""), SystemStore::rowWithoutInteractions, asid));
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** The first system (by ASID) that uses {@code partyKey}: the one an endpoint with that party key belongs to. */
    static String asidWithPartyKey(Connection c, String partyKey) throws SQLException {
        List<String> asids = Sql.list(c, "SELECT asid FROM accredited_system WHERE party_key = ? ORDER BY asid "
                + "FETCH FIRST 1 ROWS ONLY", r -> r.getString(1), partyKey);
        return asids.isEmpty() ? null : asids.get(0);
    }

    // ---------------------------------------------------------------- changes

    public AccreditedSystem create(Actor caller, AccreditedSystemCreate body) {
        RecordLifecycle.issues(RegistrationRules.systemErrors(body.asid(), body.odsCode(), body.name(),
                body.manufacturerOdsCode(), body.productName(), body.productVersion(), body.partyKey(), body.interactions(),
                true)).throwIfAny();
        return sql.inTransaction(c -> {
            if (find(c, body.asid(), false).isPresent()) {
                throw RecordLifecycle.duplicate(KIND.name(body.asid()) + " is already registered.",
                        RecordRef.of(RecordType.ACCREDITED_SYSTEM, body.asid()));
            }
            organisations.requireRegistered(c, owners(body.odsCode(), body.manufacturerOdsCode()));
            AccreditedSystem created = insert(c, caller, body, RegistrationStatus.REQUESTED, null);
            lifecycle.audit(c, caller, "create", KIND, created.asid(), null, null, created);
            return created;
        });
    }

    /** Writes a new system as {@code status}, without rules or audit (the caller has applied both). */
    public AccreditedSystem insert(Connection c, Actor caller, AccreditedSystemCreate body, RegistrationStatus status,
                                   String sdsId) throws SQLException {
        Instant now = lifecycle.now();
        Sql.update(c, "INSERT INTO accredited_system (asid, ods_code, name, manufacturer_ods, product, product_version, "
                        + "party_key, sds_id, status, version, created_at, updated_at, created_by, updated_by) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)",
                body.asid(), body.odsCode(), body.name(), body.manufacturerOdsCode(), body.productName(),
                body.productVersion(), body.partyKey(), sdsId, status.code(), now, now, caller.name(), caller.name());
        InteractionLists.write(c, "system_interaction", "asid", body.asid(), body.interactions());
        return find(c, body.asid(), false).orElseThrow();
    }

    public AccreditedSystem update(Actor caller, String asid, Version version, AccreditedSystemUpdate body) {
        return sql.inTransaction(c -> {
            AccreditedSystem before = lifecycle.editable(KIND, asid, find(c, asid, true), version);
            RecordLifecycle.issues(RegistrationRules.systemErrors(asid, body.odsCode(), body.name(),
                    body.manufacturerOdsCode(), body.productName(), body.productVersion(), body.partyKey(),
                    body.interactions(), false)).throwIfAny();
            organisations.requireRegistered(c, owners(body.odsCode(), body.manufacturerOdsCode()));
            AccreditedSystem after = applyUpdate(c, caller, asid, body, before.sdsId());
            lifecycle.audit(c, caller, "update", KIND, asid, null, before, after);
            return after;
        });
    }

    /** Writes {@code body} over the system, without rules or audit (the caller has applied both). */
    public AccreditedSystem applyUpdate(Connection c, Actor caller, String asid, AccreditedSystemUpdate body,
                                        String sdsId) throws SQLException {
        Sql.update(c, "UPDATE accredited_system SET ods_code = ?, name = ?, manufacturer_ods = ?, product = ?, "
                        + "product_version = ?, party_key = ?, sds_id = ?, version = version + 1, updated_at = ?, updated_by = ? "
                        + "WHERE asid = ?",
                body.odsCode(), body.name(), body.manufacturerOdsCode(), body.productName(), body.productVersion(),
                body.partyKey(), sdsId, lifecycle.now(), caller.name(), asid);
        InteractionLists.write(c, "system_interaction", "asid", asid, body.interactions());
        return find(c, asid, false).orElseThrow();
    }

    public void delete(Actor caller, String asid, Version version) {
        sql.inTransaction(c -> {
            AccreditedSystem before = lifecycle.deletable(KIND, asid, find(c, asid, true), version);
            List<RecordRef> endpoints = Sql.list(c, "SELECT endpoint_uuid FROM mhs_endpoint WHERE asid = ? ORDER BY id",
                    r -> RecordRef.of(RecordType.ENDPOINT, r.getString(1)), asid);
            if (!endpoints.isEmpty()) {
                throw RecordLifecycle.refused(KIND.name(asid) + " still has endpoints; delete them first.",
                        "HAS_DEPENDENTS", endpoints);
            }
            Sql.update(c, "DELETE FROM accredited_system WHERE asid = ?", asid);
            lifecycle.audit(c, caller, "delete", KIND, asid, null, before, null);
            return null;
        });
    }

    public AccreditedSystem transition(Actor caller, String asid, Version version, TransitionRequest body) {
        RecordLifecycle.checkReason(body);
        return sql.inTransaction(c -> {
            AccreditedSystem before = lifecycle.versioned(KIND, asid, find(c, asid, true), version);
            RecordLifecycle.allowed(body.action(), before.status());
            if (body.action().makesRoutable()) {
                organisations.requireActive(c, before.odsCode());
            }
            return lifecycle.transition(c, caller, KIND, asid, asid, before, body,
                    conn -> find(conn, asid, false).orElseThrow());
        });
    }

    // ---------------------------------------------------------------- rows

    private static Map<String, Optional<String>> owners(String odsCode, String manufacturer) {
        Map<String, Optional<String>> out = new LinkedHashMap<>();
        out.put("/odsCode", Optional.ofNullable(odsCode));
        out.put("/manufacturerOdsCode", Optional.ofNullable(manufacturer));
        return out;
    }

    private static AccreditedSystem rowWithoutInteractions(ResultSet r) throws SQLException {
        return new AccreditedSystem(r.getString("asid").trim(), r.getString("ods_code"), r.getString("name"),
                r.getString("manufacturer_ods"), r.getString("product"), r.getString("product_version"),
                r.getString("party_key"), List.of(), r.getString("sds_id"), RecordLifecycle.status(r),
                RecordLifecycle.lastTransition(r), r.getLong("version"), Sql.instant(r, "created_at"),
                r.getString("created_by"), Sql.instant(r, "updated_at"), r.getString("updated_by"));
    }

    private static List<AccreditedSystem> withInteractions(Connection c, List<AccreditedSystem> rows) throws SQLException {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<String, List<String>> byAsid = InteractionLists.read(c, "SELECT asid, interaction_id FROM system_interaction "
                + "WHERE asid IN ", " ORDER BY asid, position", rows.stream().map(AccreditedSystem::asid).toList());
        return rows.stream().map(s -> new AccreditedSystem(s.asid(), s.odsCode(), s.name(), s.manufacturerOdsCode(),
                s.productName(), s.productVersion(), s.partyKey(), byAsid.getOrDefault(s.asid(), List.of()), s.sdsId(),
                s.status(), s.lastTransition(), s.version(), s.createdAt(), s.createdBy(), s.updatedAt(), s.updatedBy())).toList();
    }
}
