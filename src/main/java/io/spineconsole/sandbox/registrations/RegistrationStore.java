package io.spineconsole.sandbox.registrations;

import io.spineconsole.api.Page;
import io.spineconsole.domain.Coded;
import io.spineconsole.domain.messages.MessagingPattern;
import io.spineconsole.domain.Principal;
import io.spineconsole.domain.registrations.RegistrationStatus;
import io.spineconsole.domain.registrations.AccreditedSystem;
import io.spineconsole.domain.registrations.AccreditedSystemCreate;
import io.spineconsole.domain.registrations.AccreditedSystemUpdate;
import io.spineconsole.domain.registrations.Certificate;
import io.spineconsole.domain.registrations.CertificateInput;
import io.spineconsole.domain.registrations.FieldIssue;
import io.spineconsole.domain.registrations.MhsActor;
import io.spineconsole.domain.registrations.MhsEndpoint;
import io.spineconsole.domain.registrations.MhsEndpointChange;
import io.spineconsole.domain.registrations.Organisation;
import io.spineconsole.domain.registrations.OrganisationCreate;
import io.spineconsole.domain.registrations.OrganisationKind;
import io.spineconsole.domain.registrations.OrganisationUpdate;
import io.spineconsole.domain.registrations.RecordRef;
import io.spineconsole.domain.registrations.RecordType;
import io.spineconsole.domain.registrations.RegistrationAction;
import io.spineconsole.domain.registrations.RegistrationFilter;
import io.spineconsole.domain.registrations.RegistrationRules;
import io.spineconsole.domain.registrations.RegistrationTransition;
import io.spineconsole.domain.registrations.Reliability;
import io.spineconsole.domain.registrations.ReliabilityFlag;
import io.spineconsole.domain.registrations.SyncReplyMode;
import io.spineconsole.domain.registrations.TransitionRequest;
import io.spineconsole.sandbox.InteractionCatalogue;
import io.spineconsole.sandbox.SandboxContext;
import io.spineconsole.sandbox.Sql;
import io.spineconsole.sandbox.http.Etags;
import io.spineconsole.sandbox.http.FieldErrors;
import io.spineconsole.sandbox.http.ProblemException;
import io.spineconsole.sandbox.http.ProblemException.FieldProblem;
import io.spineconsole.sandbox.registrations.Keyset.Key;
import io.spineconsole.sandbox.registrations.Keyset.KeyType;
import io.spineconsole.sandbox.registrations.Keyset.Sort;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Organisations, accredited systems and MHS endpoints in the sandbox store: keyset-paged search,
 * versioned reads, validated writes and lifecycle transitions, each change audited in its own
 * transaction. Methods taking a {@link Connection} run inside a caller's transaction (import).
 */
public final class RegistrationStore {
    /** "No certificate" sorts after every real expiry date (see V3__registrations.sql). */
    static final Instant NO_CERTIFICATE = Instant.parse("9999-12-31T00:00:00Z");

    private static final Map<String, Sort> ORGANISATION_SORTS = sorts(
            Sort.both("ods-code", key("o.ods_code", "ods_code")),
            Sort.both("name", key("o.name", "name"), key("o.ods_code", "ods_code")),
            Sort.both("updated-at", new Key("o.updated_at", "updated_at", KeyType.INSTANT), key("o.ods_code", "ods_code")));
    private static final Map<String, Sort> SYSTEM_SORTS = sorts(
            Sort.both("asid", key("s.asid", "asid")),
            Sort.both("ods-code", key("s.ods_code", "ods_code"), key("s.asid", "asid")),
            Sort.both("name", key("COALESCE(s.name, '')", "sort_name"), key("s.asid", "asid")),
            Sort.both("updated-at", new Key("s.updated_at", "updated_at", KeyType.INSTANT), key("s.asid", "asid")));
    private static final Key ENDPOINT_ID = new Key("e.id", "id", KeyType.LONG);
    private static final Map<String, Sort> ENDPOINT_SORTS = sorts(
            Sort.both("party-key", key("e.party_key", "party_key"), ENDPOINT_ID),
            Sort.both("ods-code", key("e.ods_code", "ods_code"), ENDPOINT_ID),
            Sort.both("certificate-not-after", new Key("e.cert_expiry_key", "cert_expiry_key", KeyType.INSTANT), ENDPOINT_ID),
            Sort.both("updated-at", new Key("e.updated_at", "updated_at", KeyType.INSTANT), ENDPOINT_ID));

    private static final String ORGANISATION_SELECT = "SELECT o.* FROM organisation o";
    private static final String SYSTEM_SELECT = "SELECT s.*, COALESCE(s.name, '') AS sort_name FROM accredited_system s";
    private static final String ENDPOINT_SELECT = "SELECT e.* FROM mhs_endpoint e";

    private final SandboxContext context;
    private final Sql sql;

    public RegistrationStore(SandboxContext context) {
        this.context = context;
        this.sql = context.sql();
        sql.inTransaction(c -> {
            mirrorCatalogue(c, context.interactions());
            assignMissingEndpointIds(c);
            return null;
        });
    }

    public SandboxContext context() {
        return context;
    }

    // ---------------------------------------------------------------- search

    public Page<Organisation> organisations(RegistrationFilter f, String cursor, int limit) {
        Keyset.Where where = new Keyset.Where();
        if (f.q() != null) {
            where.and("(o.ods_code LIKE ? ESCAPE '\\' OR LOWER(o.name) LIKE ? ESCAPE '\\')",
                    Keyset.prefix(f.q().toUpperCase(Locale.ROOT)), Keyset.contains(f.q().toLowerCase(Locale.ROOT)));
        }
        statuses(where, "o", f);
        if (f.kind() != null) {
            where.and("o.org_type = ?", f.kind().code());
        }
        if (f.parent() != null) {
            where.and("o.parent_ods = ?", f.parent());
        }
        Sort sort = sort(ORGANISATION_SORTS, f.sort(), "ods-code");
        return sql.inTransaction(c -> Keyset.page(c, ORGANISATION_SELECT, "organisation o", where, sort, cursor, limit,
                this::organisation, rows -> rows));
    }

    public Page<AccreditedSystem> systems(RegistrationFilter f, String cursor, int limit) {
        Keyset.Where where = systemWhere(f);
        Sort sort = sort(SYSTEM_SORTS, f.sort(), "asid");
        return sql.inTransaction(c -> Keyset.page(c, SYSTEM_SELECT, "accredited_system s", where, sort, cursor, limit,
                this::systemWithoutInteractions, rows -> withSystemInteractions(c, rows)));
    }

    public Page<MhsEndpoint> endpoints(RegistrationFilter f, String cursor, int limit) {
        Keyset.Where where = endpointWhere(f);
        Sort sort = sort(ENDPOINT_SORTS, f.sort(), "party-key");
        return sql.inTransaction(c -> Keyset.page(c, ENDPOINT_SELECT, "mhs_endpoint e", where, sort, cursor, limit,
                this::endpointWithoutInteractions, rows -> withEndpointInteractions(c, rows)));
    }

    private Keyset.Where systemWhere(RegistrationFilter f) {
        Keyset.Where where = new Keyset.Where();
        if (f.q() != null) {
            String upper = Keyset.prefix(f.q().toUpperCase(Locale.ROOT));
            where.and("(s.asid LIKE ? ESCAPE '\\' OR s.ods_code LIKE ? ESCAPE '\\' OR s.party_key LIKE ? ESCAPE '\\' "
                    + "OR LOWER(s.name) LIKE ? ESCAPE '\\')", upper, upper, upper, Keyset.contains(f.q().toLowerCase(Locale.ROOT)));
        }
        statuses(where, "s", f);
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
        return where;
    }

    private Keyset.Where endpointWhere(RegistrationFilter f) {
        Keyset.Where where = new Keyset.Where();
        if (f.q() != null) {
            String upper = Keyset.prefix(f.q().toUpperCase(Locale.ROOT));
            String lower = f.q().toLowerCase(Locale.ROOT);
            where.and("(e.party_key LIKE ? ESCAPE '\\' OR e.ods_code LIKE ? ESCAPE '\\' OR e.fqdn LIKE ? ESCAPE '\\' "
                    + "OR LOWER(e.name) LIKE ? ESCAPE '\\')", upper, upper, Keyset.prefix(lower), Keyset.contains(lower));
        }
        statuses(where, "e", f);
        if (f.ods() != null) {
            where.and("e.ods_code = ?", f.ods());
        }
        if (f.partyKey() != null) {
            where.and("e.party_key = ?", f.partyKey());
        }
        if (f.pattern() != null) {
            where.and("e.messaging_pattern = ?", f.pattern().code());
        }
        if (f.interaction() != null) {
            where.and("EXISTS (SELECT 1 FROM endpoint_interaction ei WHERE ei.endpoint_id = e.id AND ei.interaction_id = ?)",
                    f.interaction());
        }
        if (f.certificateExpiringWithinDays() != null) {
            // Truncated to the minute so that the cursor scope (which includes the parameters) stays stable across pages.
            Instant before = context.clock().instant().plus(Duration.ofDays(f.certificateExpiringWithinDays()))
                    .truncatedTo(java.time.temporal.ChronoUnit.HOURS);
            where.and("e.cert_not_after < ?", before);
        }
        return where;
    }

    private static void statuses(Keyset.Where where, String alias, RegistrationFilter f) {
        if (!f.statuses().isEmpty()) {
            where.and(alias + ".status IN (" + String.join(", ", f.statuses().stream().map(s -> "?").toList()) + ")",
                    f.statuses().stream().map(Coded::code).toArray());
        }
    }

    private static Sort sort(Map<String, Sort> sorts, String code, String defaultCode) {
        String wanted = code == null ? defaultCode : code;
        Sort sort = sorts.get(wanted);
        if (sort == null) {
            throw ProblemException.badParameter("query.sort", "ENUM", "'" + wanted + "' is not a sort of this list. Use one of: "
                    + String.join(", ", sorts.keySet().stream().sorted().toList()) + ".");
        }
        return sort;
    }

    // ---------------------------------------------------------------- reads

    public Optional<Organisation> findOrganisation(Connection c, String odsCode, boolean forUpdate) throws SQLException {
        return first(Sql.list(c, "SELECT * FROM organisation WHERE ods_code = ?" + lock(forUpdate), this::organisation, odsCode));
    }

    public Optional<AccreditedSystem> findSystem(Connection c, String asid, boolean forUpdate) throws SQLException {
        List<AccreditedSystem> rows = Sql.list(c, "SELECT s.*, '' AS sort_name FROM accredited_system s WHERE s.asid = ?"
                + lock(forUpdate), this::systemWithoutInteractions, asid);
        return first(withSystemInteractions(c, rows));
    }

    public Optional<MhsEndpoint> findEndpoint(Connection c, UUID id, boolean forUpdate) throws SQLException {
        List<MhsEndpoint> rows = Sql.list(c, "SELECT * FROM mhs_endpoint WHERE endpoint_uuid = ?" + lock(forUpdate),
                this::endpointWithoutInteractions, id);
        return first(withEndpointInteractions(c, rows));
    }

    public Organisation organisation(String odsCode) {
        return sql.inTransaction(c -> findOrganisation(c, odsCode, false))
                .orElseThrow(() -> ProblemException.notFound("Organisation " + odsCode));
    }

    public AccreditedSystem system(String asid) {
        return sql.inTransaction(c -> findSystem(c, asid, false))
                .orElseThrow(() -> ProblemException.notFound("Accredited system " + asid));
    }

    public MhsEndpoint endpoint(UUID id) {
        return sql.inTransaction(c -> findEndpoint(c, id, false))
                .orElseThrow(() -> ProblemException.notFound("Endpoint " + id));
    }

    /** Endpoints matched by party key and URL (how an import recognises an existing endpoint). */
    Optional<MhsEndpoint> findEndpointByAddress(Connection c, String partyKey, String url) throws SQLException {
        List<MhsEndpoint> rows = Sql.list(c, "SELECT * FROM mhs_endpoint WHERE party_key = ? AND url = ? ORDER BY id",
                this::endpointWithoutInteractions, partyKey, url);
        return first(withEndpointInteractions(c, rows.isEmpty() ? rows : rows.subList(0, 1)));
    }

    private static String lock(boolean forUpdate) {
        return forUpdate ? " FOR UPDATE" : "";
    }

    // ---------------------------------------------------------------- organisations

    public Organisation createOrganisation(Principal caller, OrganisationCreate body) {
        FieldErrors errors = errors(RegistrationRules.organisationErrors(body.odsCode(), body.name(), body.kind(),
                body.parentOdsCode(), body.postcode(), true));
        errors.throwIfAny();
        return sql.inTransaction(c -> {
            if (findOrganisation(c, body.odsCode(), false).isPresent()) {
                throw duplicate("Organisation " + body.odsCode() + " is already registered.",
                        RecordRef.of(RecordType.ORGANISATION, body.odsCode()));
            }
            requireOrganisations(c, Map.of("/parentOdsCode", nullable(body.parentOdsCode())));
            Organisation created = insertOrganisation(c, caller, body, RegistrationStatus.REQUESTED);
            context.audit().record(c, caller, "create", "organisation", created.odsCode(), null, null, created);
            return created;
        });
    }

    Organisation insertOrganisation(Connection c, Principal caller, OrganisationCreate body, RegistrationStatus status)
            throws SQLException {
        Instant now = context.clock().instant();
        Sql.update(c, "INSERT INTO organisation (ods_code, name, org_type, parent_ods, postcode, status, version, "
                        + "created_at, updated_at, created_by, updated_by) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)",
                body.odsCode(), body.name(), body.kind().code(), body.parentOdsCode(), body.postcode(), status.code(),
                now, now, caller.name(), caller.name());
        return findOrganisation(c, body.odsCode(), false).orElseThrow();
    }

    public Organisation updateOrganisation(Principal caller, String odsCode, long ifMatch, OrganisationUpdate body) {
        return sql.inTransaction(c -> {
            Organisation before = editable(findOrganisation(c, odsCode, true), "Organisation " + odsCode, ifMatch,
                    Organisation::version, Organisation::status);
            errors(RegistrationRules.organisationErrors(odsCode, body.name(), body.kind(), body.parentOdsCode(),
                    body.postcode(), false)).throwIfAny();
            requireOrganisations(c, Map.of("/parentOdsCode", nullable(body.parentOdsCode())));
            Organisation after = applyOrganisationUpdate(c, caller, before, body);
            context.audit().record(c, caller, "update", "organisation", odsCode, null, before, after);
            return after;
        });
    }

    Organisation applyOrganisationUpdate(Connection c, Principal caller, Organisation before, OrganisationUpdate body)
            throws SQLException {
        Sql.update(c, "UPDATE organisation SET name = ?, org_type = ?, parent_ods = ?, postcode = ?, version = version + 1, "
                        + "updated_at = ?, updated_by = ? WHERE ods_code = ?",
                body.name(), body.kind().code(), body.parentOdsCode(), body.postcode(), context.clock().instant(),
                caller.name(), before.odsCode());
        return findOrganisation(c, before.odsCode(), false).orElseThrow();
    }

    public void deleteOrganisation(Principal caller, String odsCode, long ifMatch) {
        sql.inTransaction(c -> {
            Organisation before = deletable(findOrganisation(c, odsCode, true), "Organisation " + odsCode, ifMatch,
                    Organisation::version, Organisation::status);
            List<RecordRef> dependents = dependents(c, odsCode, false);
            if (!dependents.isEmpty()) {
                throw refused("Organisation " + odsCode + " still owns " + dependents.size()
                        + " systems or endpoints; delete or move them first.", "HAS_DEPENDENTS", before, dependents);
            }
            Sql.update(c, "DELETE FROM organisation WHERE ods_code = ?", odsCode);
            context.audit().record(c, caller, "delete", "organisation", odsCode, null, before, null);
            return null;
        });
    }

    public Organisation transitionOrganisation(Principal caller, String odsCode, long ifMatch, TransitionRequest body) {
        checkReason(body);
        return sql.inTransaction(c -> {
            Organisation before = versioned(findOrganisation(c, odsCode, true), "Organisation " + odsCode, ifMatch,
                    Organisation::version);
            allowed(body.action(), before.status(), before);
            if (body.action() == RegistrationAction.RETIRE) {
                List<RecordRef> live = dependents(c, odsCode, true);
                if (!live.isEmpty()) {
                    throw refused("Organisation " + odsCode + " still owns " + live.size()
                            + " systems or endpoints that are not retired; retire them first.", "HAS_DEPENDENTS", before, live);
                }
            }
            transition(c, caller, "organisation", "ods_code", odsCode, before.status(), body);
            Organisation after = findOrganisation(c, odsCode, false).orElseThrow();
            context.audit().record(c, caller, "transition", "organisation", odsCode, body.reason(), before, after);
            return after;
        });
    }

    /** Systems and endpoints owned by an organisation (only those not retired, when {@code liveOnly}). */
    private List<RecordRef> dependents(Connection c, String odsCode, boolean liveOnly) throws SQLException {
        String live = liveOnly ? " AND status <> 'retired'" : "";
        List<RecordRef> out = new ArrayList<>(Sql.list(c, "SELECT asid FROM accredited_system WHERE ods_code = ?" + live
                + " ORDER BY asid FETCH FIRST 100 ROWS ONLY", r -> RecordRef.of(RecordType.ACCREDITED_SYSTEM, r.getString(1)), odsCode));
        out.addAll(Sql.list(c, "SELECT endpoint_uuid FROM mhs_endpoint WHERE ods_code = ?" + live
                + " ORDER BY id FETCH FIRST 100 ROWS ONLY", r -> RecordRef.of(RecordType.ENDPOINT, r.getString(1)), odsCode));
        return out;
    }

    // ---------------------------------------------------------------- accredited systems

    public AccreditedSystem createSystem(Principal caller, AccreditedSystemCreate body) {
        errors(RegistrationRules.systemErrors(body.asid(), body.odsCode(), body.name(), body.manufacturerOdsCode(),
                body.productName(), body.productVersion(), body.partyKey(), body.interactions(), true)).throwIfAny();
        return sql.inTransaction(c -> {
            if (findSystem(c, body.asid(), false).isPresent()) {
                throw duplicate("Accredited system " + body.asid() + " is already registered.",
                        RecordRef.of(RecordType.ACCREDITED_SYSTEM, body.asid()));
            }
            requireOrganisations(c, owners(body.odsCode(), body.manufacturerOdsCode()));
            AccreditedSystem created = insertSystem(c, caller, body, RegistrationStatus.REQUESTED, null);
            context.audit().record(c, caller, "create", "accredited-system", created.asid(), null, null, created);
            return created;
        });
    }

    AccreditedSystem insertSystem(Connection c, Principal caller, AccreditedSystemCreate body, RegistrationStatus status,
                                  String sdsId) throws SQLException {
        Instant now = context.clock().instant();
        Sql.update(c, "INSERT INTO accredited_system (asid, ods_code, name, manufacturer_ods, product, product_version, "
                        + "party_key, sds_id, status, version, created_at, updated_at, created_by, updated_by) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)",
                body.asid(), body.odsCode(), body.name(), body.manufacturerOdsCode(), body.productName(),
                body.productVersion(), body.partyKey(), sdsId, status.code(), now, now, caller.name(), caller.name());
        writeInteractions(c, "system_interaction", "asid", body.asid(), body.interactions());
        return findSystem(c, body.asid(), false).orElseThrow();
    }

    public AccreditedSystem updateSystem(Principal caller, String asid, long ifMatch, AccreditedSystemUpdate body) {
        return sql.inTransaction(c -> {
            AccreditedSystem before = editable(findSystem(c, asid, true), "Accredited system " + asid, ifMatch,
                    AccreditedSystem::version, AccreditedSystem::status);
            errors(RegistrationRules.systemErrors(asid, body.odsCode(), body.name(), body.manufacturerOdsCode(),
                    body.productName(), body.productVersion(), body.partyKey(), body.interactions(), false)).throwIfAny();
            requireOrganisations(c, owners(body.odsCode(), body.manufacturerOdsCode()));
            AccreditedSystem after = applySystemUpdate(c, caller, asid, body, before.sdsId());
            context.audit().record(c, caller, "update", "accredited-system", asid, null, before, after);
            return after;
        });
    }

    AccreditedSystem applySystemUpdate(Connection c, Principal caller, String asid, AccreditedSystemUpdate body,
                                       String sdsId) throws SQLException {
        Sql.update(c, "UPDATE accredited_system SET ods_code = ?, name = ?, manufacturer_ods = ?, product = ?, "
                        + "product_version = ?, party_key = ?, sds_id = ?, version = version + 1, updated_at = ?, updated_by = ? "
                        + "WHERE asid = ?",
                body.odsCode(), body.name(), body.manufacturerOdsCode(), body.productName(), body.productVersion(),
                body.partyKey(), sdsId, context.clock().instant(), caller.name(), asid);
        writeInteractions(c, "system_interaction", "asid", asid, body.interactions());
        return findSystem(c, asid, false).orElseThrow();
    }

    public void deleteSystem(Principal caller, String asid, long ifMatch) {
        sql.inTransaction(c -> {
            AccreditedSystem before = deletable(findSystem(c, asid, true), "Accredited system " + asid, ifMatch,
                    AccreditedSystem::version, AccreditedSystem::status);
            List<RecordRef> endpoints = Sql.list(c, "SELECT endpoint_uuid FROM mhs_endpoint WHERE asid = ? ORDER BY id",
                    r -> RecordRef.of(RecordType.ENDPOINT, r.getString(1)), asid);
            if (!endpoints.isEmpty()) {
                throw refused("Accredited system " + asid + " still has endpoints; delete them first.", "HAS_DEPENDENTS",
                        before, endpoints);
            }
            Sql.update(c, "DELETE FROM accredited_system WHERE asid = ?", asid);
            context.audit().record(c, caller, "delete", "accredited-system", asid, null, before, null);
            return null;
        });
    }

    public AccreditedSystem transitionSystem(Principal caller, String asid, long ifMatch, TransitionRequest body) {
        checkReason(body);
        return sql.inTransaction(c -> {
            AccreditedSystem before = versioned(findSystem(c, asid, true), "Accredited system " + asid, ifMatch,
                    AccreditedSystem::version);
            allowed(body.action(), before.status(), before);
            if (body.action().makesRoutable()) {
                requireActiveOwner(c, before.odsCode(), before);
            }
            transition(c, caller, "accredited_system", "asid", asid, before.status(), body);
            AccreditedSystem after = findSystem(c, asid, false).orElseThrow();
            context.audit().record(c, caller, "transition", "accredited-system", asid, body.reason(), before, after);
            return after;
        });
    }

    // ---------------------------------------------------------------- endpoints

    public MhsEndpoint createEndpoint(Principal caller, MhsEndpointChange body) {
        errors(RegistrationRules.endpointErrors(body)).throwIfAny();
        return sql.inTransaction(c -> {
            requireOrganisations(c, Map.of("/odsCode", Optional.of(body.odsCode())));
            MhsEndpoint created = insertEndpoint(c, caller, body, RegistrationStatus.REQUESTED, null);
            context.audit().record(c, caller, "create", "endpoint", created.id().toString(), null, null, created);
            return created;
        });
    }

    MhsEndpoint insertEndpoint(Connection c, Principal caller, MhsEndpointChange body, RegistrationStatus status,
                               String sdsId) throws SQLException {
        Instant now = context.clock().instant();
        UUID id = UUID.randomUUID();
        Reliability r = body.reliability();
        CertificateInput cert = body.certificate();
        Sql.update(c, "INSERT INTO mhs_endpoint (endpoint_uuid, name, party_key, asid, ods_code, url, fqdn, cpa_id, "
                        + "messaging_pattern, retries, retry_interval, persist_duration, ack_requested, duplicate_elimination, "
                        + "sync_reply_mode, mhs_actor, cert_subject, cert_issuer, cert_serial, cert_not_before, cert_not_after, "
                        + "cert_expiry_key, sds_id, status, version, created_at, updated_at, created_by, updated_by) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)",
                id, body.name(), body.partyKey(), systemWithPartyKey(c, body.partyKey()), body.odsCode(), body.url(),
                fqdnOf(body), body.cpaId(), body.messagingPattern().code(),
                r == null ? null : r.retries(), r == null ? null : r.retryInterval(), r == null ? null : r.persistDuration(),
                r != null && r.ackRequested() == ReliabilityFlag.ALWAYS, r != null && r.duplicateElimination() == ReliabilityFlag.ALWAYS,
                r == null ? null : r.syncReplyMode().code(), body.mhsActor() == null ? null : body.mhsActor().code(),
                cert == null ? null : cert.subject(), cert == null ? null : cert.issuer(), cert == null ? null : cert.serial(),
                cert == null ? null : cert.notBefore(), cert == null ? null : cert.notAfter(),
                cert == null ? NO_CERTIFICATE : cert.notAfter(), sdsId, status.code(), now, now, caller.name(), caller.name());
        long internalId = Sql.list(c, "SELECT id FROM mhs_endpoint WHERE endpoint_uuid = ?", row -> row.getLong(1), id).get(0);
        writeInteractions(c, "endpoint_interaction", "endpoint_id", internalId, body.interactions());
        return findEndpoint(c, id, false).orElseThrow();
    }

    public MhsEndpoint updateEndpoint(Principal caller, UUID id, long ifMatch, MhsEndpointChange body) {
        return sql.inTransaction(c -> {
            MhsEndpoint before = editable(findEndpoint(c, id, true), "Endpoint " + id, ifMatch,
                    MhsEndpoint::version, MhsEndpoint::status);
            errors(RegistrationRules.endpointErrors(body)).throwIfAny();
            requireOrganisations(c, Map.of("/odsCode", Optional.of(body.odsCode())));
            MhsEndpoint after = applyEndpointUpdate(c, caller, id, body, before.sdsId());
            context.audit().record(c, caller, "update", "endpoint", id.toString(), null, before, after);
            return after;
        });
    }

    MhsEndpoint applyEndpointUpdate(Connection c, Principal caller, UUID id, MhsEndpointChange body, String sdsId)
            throws SQLException {
        Reliability r = body.reliability();
        CertificateInput cert = body.certificate();
        Sql.update(c, "UPDATE mhs_endpoint SET name = ?, party_key = ?, asid = ?, ods_code = ?, url = ?, fqdn = ?, "
                        + "cpa_id = ?, messaging_pattern = ?, retries = ?, retry_interval = ?, persist_duration = ?, "
                        + "ack_requested = ?, duplicate_elimination = ?, sync_reply_mode = ?, mhs_actor = ?, cert_subject = ?, "
                        + "cert_issuer = ?, cert_serial = ?, cert_not_before = ?, cert_not_after = ?, cert_expiry_key = ?, "
                        + "sds_id = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE endpoint_uuid = ?",
                body.name(), body.partyKey(), systemWithPartyKey(c, body.partyKey()), body.odsCode(), body.url(),
                fqdnOf(body), body.cpaId(), body.messagingPattern().code(),
                r == null ? null : r.retries(), r == null ? null : r.retryInterval(), r == null ? null : r.persistDuration(),
                r != null && r.ackRequested() == ReliabilityFlag.ALWAYS, r != null && r.duplicateElimination() == ReliabilityFlag.ALWAYS,
                r == null ? null : r.syncReplyMode().code(), body.mhsActor() == null ? null : body.mhsActor().code(),
                cert == null ? null : cert.subject(), cert == null ? null : cert.issuer(), cert == null ? null : cert.serial(),
                cert == null ? null : cert.notBefore(), cert == null ? null : cert.notAfter(),
                cert == null ? NO_CERTIFICATE : cert.notAfter(), sdsId, context.clock().instant(), caller.name(), id);
        long internalId = Sql.list(c, "SELECT id FROM mhs_endpoint WHERE endpoint_uuid = ?", row -> row.getLong(1), id).get(0);
        writeInteractions(c, "endpoint_interaction", "endpoint_id", internalId, body.interactions());
        return findEndpoint(c, id, false).orElseThrow();
    }

    public void deleteEndpoint(Principal caller, UUID id, long ifMatch) {
        sql.inTransaction(c -> {
            MhsEndpoint before = deletable(findEndpoint(c, id, true), "Endpoint " + id, ifMatch,
                    MhsEndpoint::version, MhsEndpoint::status);
            Sql.update(c, "DELETE FROM mhs_endpoint WHERE endpoint_uuid = ?", id);
            context.audit().record(c, caller, "delete", "endpoint", id.toString(), null, before, null);
            return null;
        });
    }

    public MhsEndpoint transitionEndpoint(Principal caller, UUID id, long ifMatch, TransitionRequest body) {
        checkReason(body);
        return sql.inTransaction(c -> {
            MhsEndpoint before = versioned(findEndpoint(c, id, true), "Endpoint " + id, ifMatch, MhsEndpoint::version);
            allowed(body.action(), before.status(), before);
            if (body.action().makesRoutable()) {
                requireActiveOwner(c, before.odsCode(), before);
                if (before.certificate() == null || !before.certificate().isCurrentlyValid()) {
                    throw refused("Endpoint " + id + " needs a currently valid TLS certificate before it can carry traffic.",
                            "CERTIFICATE_NOT_VALID", before, List.of());
                }
                if (before.messagingPattern().isReliable() && before.reliability() == null) {
                    throw refused("A " + before.messagingPattern().code() + " endpoint needs reliability settings before "
                            + "it can carry traffic.", "RELIABILITY_REQUIRED", before, List.of());
                }
            }
            transition(c, caller, "mhs_endpoint", "endpoint_uuid", id, before.status(), body);
            MhsEndpoint after = findEndpoint(c, id, false).orElseThrow();
            context.audit().record(c, caller, "transition", "endpoint", id.toString(), body.reason(), before, after);
            return after;
        });
    }

    // ---------------------------------------------------------------- shared rules

    private interface Getter<R, V> {
        V of(R record);
    }

    private static <R> R versioned(Optional<R> found, String what, long ifMatch, Getter<R, Long> version) {
        R record = found.orElseThrow(() -> ProblemException.notFound(what));
        Etags.checkVersion(ifMatch, version.of(record), record);
        return record;
    }

    private static <R> R editable(Optional<R> found, String what, long ifMatch, Getter<R, Long> version,
                                  Getter<R, RegistrationStatus> status) {
        R record = versioned(found, what, ifMatch, version);
        if (status.of(record) == RegistrationStatus.RETIRED) {
            throw refused(what + " is retired; retired records are kept read-only for history.", "RECORD_RETIRED",
                    record, List.of());
        }
        return record;
    }

    private static <R> R deletable(Optional<R> found, String what, long ifMatch, Getter<R, Long> version,
                                   Getter<R, RegistrationStatus> status) {
        R record = versioned(found, what, ifMatch, version);
        if (status.of(record) != RegistrationStatus.REQUESTED) {
            throw refused(what + " is " + status.of(record).code() + "; only a requested record can be deleted. "
                    + "Retire it instead.", "INVALID_TRANSITION", record, List.of());
        }
        return record;
    }

    private static void allowed(RegistrationAction action, RegistrationStatus status, Object current) {
        action.refusal(status).ifPresent(message -> {
            throw refused(message, "INVALID_TRANSITION", current, List.of());
        });
    }

    private void requireActiveOwner(Connection c, String odsCode, Object current) throws SQLException {
        Optional<Organisation> owner = findOrganisation(c, odsCode, false);
        if (owner.isEmpty() || owner.get().status() != RegistrationStatus.ACTIVE) {
            throw refused("Organisation " + odsCode + " is " + owner.map(o -> o.status().code()).orElse("not registered")
                            + "; activate it first.", "OWNER_NOT_ACTIVE", current,
                    List.of(RecordRef.of(RecordType.ORGANISATION, odsCode)));
        }
    }

    private static void checkReason(TransitionRequest body) {
        FieldErrors errors = new FieldErrors();
        if (body.action() == null) {
            errors.add("/action", "REQUIRED", "Choose the action: approve, activate, suspend, reinstate or retire.");
        }
        if (body.reason() == null || body.reason().isBlank()) {
            errors.add("/reason", "REQUIRED", "Say why: the reason is recorded with the change.");
        } else if (body.reason().strip().length() < 3 || body.reason().length() > 500) {
            errors.add("/reason", body.reason().length() > 500 ? "TOO_LONG" : "TOO_SHORT", "A reason is 3 to 500 characters.");
        }
        errors.throwIfAny();
    }

    private void transition(Connection c, Principal caller, String table, String keyColumn, Object key,
                            RegistrationStatus from, TransitionRequest body) throws SQLException {
        Instant now = context.clock().instant();
        Sql.update(c, "UPDATE " + table + " SET status = ?, last_action = ?, last_from = ?, last_to = ?, last_reason = ?, "
                        + "last_by = ?, last_at = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE " + keyColumn + " = ?",
                body.action().to().code(), body.action().code(), from.code(), body.action().to().code(), body.reason().strip(),
                caller.name(), now, now, caller.name(), key);
    }

    /** 422 UNKNOWN_REFERENCE for every named organisation that is not registered. */
    void requireOrganisations(Connection c, Map<String, Optional<String>> byField) throws SQLException {
        FieldErrors errors = new FieldErrors();
        for (Map.Entry<String, Optional<String>> e : byField.entrySet()) {
            if (e.getValue().isPresent() && findOrganisation(c, e.getValue().get(), false).isEmpty()) {
                errors.add(e.getKey(), "UNKNOWN_REFERENCE", "Organisation " + e.getValue().get() + " is not registered.");
            }
        }
        errors.throwIfAny();
    }

    private static Map<String, Optional<String>> owners(String odsCode, String manufacturer) {
        Map<String, Optional<String>> out = new LinkedHashMap<>();
        out.put("/odsCode", Optional.ofNullable(odsCode));
        out.put("/manufacturerOdsCode", Optional.ofNullable(manufacturer));
        return out;
    }

    private static Optional<String> nullable(String value) {
        return Optional.ofNullable(value);
    }

    static FieldErrors errors(List<FieldIssue> issues) {
        FieldErrors errors = new FieldErrors();
        issues.forEach(i -> errors.add(i.field(), i.code(), i.message()));
        return errors;
    }

    private static ProblemException refused(String message, String code, Object current, List<RecordRef> related) {
        return ProblemException.transitionRefused(message, List.of(new FieldProblem("", code, message)), null)
                .withRelated(related);
    }

    private static ProblemException duplicate(String message, RecordRef existing) {
        return new ProblemException(409, "DUPLICATE_REJECTED", "Duplicate rejected", message,
                List.of(new FieldProblem("", "ALREADY_EXISTS", message)), null).withRelated(List.of(existing));
    }

    private static String fqdnOf(MhsEndpointChange body) {
        return body.fqdn() != null ? body.fqdn() : RegistrationRules.hostOf(body.url()).orElseThrow();
    }

    private String systemWithPartyKey(Connection c, String partyKey) throws SQLException {
        List<String> asids = Sql.list(c, "SELECT asid FROM accredited_system WHERE party_key = ? ORDER BY asid "
                + "FETCH FIRST 1 ROWS ONLY", r -> r.getString(1), partyKey);
        return asids.isEmpty() ? null : asids.get(0);
    }

    private static void writeInteractions(Connection c, String table, String ownerColumn, Object owner,
                                          List<String> interactions) throws SQLException {
        Sql.update(c, "DELETE FROM " + table + " WHERE " + ownerColumn + " = ?", owner);
        if (interactions == null || interactions.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (" + ownerColumn
                + ", position, interaction_id) VALUES (?, ?, ?)")) {
            int position = 0;
            for (String id : interactions.stream().distinct().toList()) {
                Sql.bind(ps, owner, position++, id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    // ---------------------------------------------------------------- row mapping

    private Organisation organisation(ResultSet r) throws SQLException {
        return new Organisation(r.getString("ods_code"), r.getString("name"),
                Coded.fromCode(OrganisationKind.class, r.getString("org_type")), r.getString("parent_ods"),
                r.getString("postcode"), status(r), lastTransition(r), r.getLong("version"),
                Sql.instant(r, "created_at"), r.getString("created_by"), Sql.instant(r, "updated_at"), r.getString("updated_by"));
    }

    private AccreditedSystem systemWithoutInteractions(ResultSet r) throws SQLException {
        return new AccreditedSystem(r.getString("asid").trim(), r.getString("ods_code"), r.getString("name"),
                r.getString("manufacturer_ods"), r.getString("product"), r.getString("product_version"),
                r.getString("party_key"), List.of(), r.getString("sds_id"), status(r), lastTransition(r),
                r.getLong("version"), Sql.instant(r, "created_at"), r.getString("created_by"),
                Sql.instant(r, "updated_at"), r.getString("updated_by"));
    }

    private MhsEndpoint endpointWithoutInteractions(ResultSet r) throws SQLException {
        Instant now = context.clock().instant();
        Reliability reliability = r.getString("retry_interval") == null ? null : new Reliability(
                r.getInt("retries"), r.getString("retry_interval"), r.getString("persist_duration"),
                r.getBoolean("ack_requested") ? ReliabilityFlag.ALWAYS : ReliabilityFlag.NEVER,
                r.getBoolean("duplicate_elimination") ? ReliabilityFlag.ALWAYS : ReliabilityFlag.NEVER,
                r.getString("sync_reply_mode") == null ? SyncReplyMode.NONE
                        : Coded.fromCode(SyncReplyMode.class, r.getString("sync_reply_mode")));
        Instant notAfter = Sql.instant(r, "cert_not_after");
        Certificate certificate = notAfter == null ? null : Certificate.of(r.getString("cert_subject"),
                r.getString("cert_issuer"), r.getString("cert_serial"), Sql.instant(r, "cert_not_before"), notAfter, now);
        String actor = r.getString("mhs_actor");
        return new MhsEndpoint(r.getObject("endpoint_uuid", UUID.class), r.getString("name"), r.getString("ods_code"),
                r.getString("party_key"), r.getString("url"), r.getString("fqdn"), r.getString("cpa_id"), List.of(),
                Coded.fromCode(MessagingPattern.class, r.getString("messaging_pattern")), reliability,
                actor == null ? null : Coded.fromCode(MhsActor.class, actor), certificate, r.getString("sds_id"),
                status(r), lastTransition(r), r.getLong("version"), Sql.instant(r, "created_at"), r.getString("created_by"),
                Sql.instant(r, "updated_at"), r.getString("updated_by"));
    }

    private static RegistrationStatus status(ResultSet r) throws SQLException {
        return Coded.fromCode(RegistrationStatus.class, r.getString("status"));
    }

    private static RegistrationTransition lastTransition(ResultSet r) throws SQLException {
        String action = r.getString("last_action");
        if (action == null) {
            return null;
        }
        return new RegistrationTransition(Coded.fromCode(RegistrationAction.class, action),
                Coded.fromCode(RegistrationStatus.class, r.getString("last_from")),
                Coded.fromCode(RegistrationStatus.class, r.getString("last_to")), r.getString("last_reason"),
                r.getString("last_by"), Sql.instant(r, "last_at"));
    }

    private List<AccreditedSystem> withSystemInteractions(Connection c, List<AccreditedSystem> rows) throws SQLException {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<String, List<String>> byAsid = interactions(c, "SELECT asid, interaction_id FROM system_interaction WHERE asid IN ",
                " ORDER BY asid, position", rows.stream().map(AccreditedSystem::asid).toList());
        return rows.stream().map(s -> new AccreditedSystem(s.asid(), s.odsCode(), s.name(), s.manufacturerOdsCode(),
                s.productName(), s.productVersion(), s.partyKey(), byAsid.getOrDefault(s.asid(), List.of()), s.sdsId(),
                s.status(), s.lastTransition(), s.version(), s.createdAt(), s.createdBy(), s.updatedAt(), s.updatedBy())).toList();
    }

    private List<MhsEndpoint> withEndpointInteractions(Connection c, List<MhsEndpoint> rows) throws SQLException {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<String, List<String>> byId = interactions(c, "SELECT e.endpoint_uuid, ei.interaction_id FROM endpoint_interaction ei "
                + "JOIN mhs_endpoint e ON e.id = ei.endpoint_id WHERE e.endpoint_uuid IN ", " ORDER BY ei.endpoint_id, ei.position",
                rows.stream().map(MhsEndpoint::id).toList());
        return rows.stream().map(e -> new MhsEndpoint(e.id(), e.name(), e.odsCode(), e.partyKey(), e.url(), e.fqdn(),
                e.cpaId(), byId.getOrDefault(e.id().toString(), List.of()), e.messagingPattern(), e.reliability(),
                e.mhsActor(), e.certificate(), e.sdsId(), e.status(), e.lastTransition(), e.version(), e.createdAt(),
                e.createdBy(), e.updatedAt(), e.updatedBy())).toList();
    }

    private static Map<String, List<String>> interactions(Connection c, String select, String order, List<?> keys)
            throws SQLException {
        String in = "(" + keys.stream().map(k -> "?").collect(Collectors.joining(", ")) + ")";
        Map<String, List<String>> out = new HashMap<>();
        for (String[] row : Sql.list(c, select + in + order, r -> new String[] {r.getString(1).trim(), r.getString(2)},
                keys.toArray())) {
            out.computeIfAbsent(row[0], k -> new ArrayList<>()).add(row[1]);
        }
        return out;
    }

    // ---------------------------------------------------------------- start-up

    private static void mirrorCatalogue(Connection c, InteractionCatalogue catalogue) throws SQLException {
        Sql.update(c, "DELETE FROM interaction_catalogue");
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO interaction_catalogue (interaction_id, messaging_pattern) VALUES (?, ?)")) {
            for (InteractionCatalogue.Interaction i : catalogue.all()) {
                Sql.bind(ps, i.id(), i.pattern().code());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Stores created before endpoint UUIDs existed get one per endpoint, once. */
    private static void assignMissingEndpointIds(Connection c) throws SQLException {
        List<Long> missing = Sql.list(c, "SELECT id FROM mhs_endpoint WHERE endpoint_uuid IS NULL", r -> r.getLong(1));
        try (PreparedStatement ps = c.prepareStatement("UPDATE mhs_endpoint SET endpoint_uuid = ? WHERE id = ?")) {
            for (Long id : missing) {
                Sql.bind(ps, UUID.randomUUID(), id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    @SafeVarargs
    private static Map<String, Sort> sorts(Map<String, Sort>... groups) {
        Map<String, Sort> out = new LinkedHashMap<>();
        for (Map<String, Sort> g : groups) {
            out.putAll(g);
        }
        return out;
    }

    private static Key key(String expression, String column) {
        return new Key(expression, column, KeyType.TEXT);
    }

    private static <T> Optional<T> first(List<T> rows) {
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }
}
