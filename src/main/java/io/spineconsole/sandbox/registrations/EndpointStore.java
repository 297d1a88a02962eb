package io.spineconsole.sandbox.registrations;

import io.spineconsole.api.Page;
import io.spineconsole.domain.Coded;
import io.spineconsole.domain.messages.MessagingPattern;
import io.spineconsole.sandbox.Actor;
import io.spineconsole.domain.registrations.RegistrationStatus;
import io.spineconsole.domain.registrations.Certificate;
import io.spineconsole.domain.registrations.CertificateInput;
import io.spineconsole.domain.registrations.MhsActor;
import io.spineconsole.domain.registrations.MhsEndpoint;
import io.spineconsole.domain.registrations.MhsEndpointChange;
import io.spineconsole.domain.registrations.RegistrationFilter;
import io.spineconsole.domain.registrations.RegistrationRules;
import io.spineconsole.domain.registrations.Reliability;
import io.spineconsole.domain.registrations.ReliabilityFlag;
import io.spineconsole.domain.registrations.SyncReplyMode;
import io.spineconsole.domain.registrations.TransitionRequest;
import io.spineconsole.sandbox.Sql;
import io.spineconsole.sandbox.outcome.NotFound;
import io.spineconsole.sandbox.outcome.Version;
import io.spineconsole.sandbox.paging.PageCursor;
import io.spineconsole.sandbox.registrations.Keyset.Key;
import io.spineconsole.sandbox.registrations.Keyset.KeyType;
import io.spineconsole.sandbox.registrations.Keyset.Sort;
import io.spineconsole.sandbox.registrations.schema.DirectoryTextSearch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * MHS endpoints in the sandbox store, with their interaction lists: keyset-paged search, versioned
 * reads, validated writes and lifecycle transitions, each change audited in its own transaction.
 * Methods taking a {@link Connection} run inside a caller's transaction (import).
 */
public final class EndpointStore {
    static final RecordLifecycle.Kind<MhsEndpoint> KIND = new RecordLifecycle.Kind<>("Endpoint", "endpoint",
            "mhs_endpoint", "endpoint_uuid", MhsEndpoint::version, MhsEndpoint::status);
    /** "No certificate" sorts after every real expiry date (see V3__registrations.sql). */
    static final Instant NO_CERTIFICATE = Instant.parse("9999-12-31T00:00:00Z");
    private static final Key ID = new Key("e.id", "id", KeyType.LONG);
    private static final Map<String, Sort> SORTS = Keyset.sorts(
            Sort.both("party-key", Key.text("e.party_key", "party_key"), ID),
            Sort.both("ods-code", Key.text("e.ods_code", "ods_code"), ID),
            Sort.both("certificate-not-after", new Key("e.cert_expiry_key", "cert_expiry_key", KeyType.INSTANT), ID),
            Sort.both("updated-at", new Key("e.updated_at", "updated_at", KeyType.INSTANT), ID));
    private static final String DEFAULT_SORT = "party-key";
    private static final String SELECT = "SELECT e.* FROM mhs_endpoint e";
    /** The columns a create and an update both write, in this order ({@link #changedColumns}). */
    private static final List<String> CHANGED = List.of("name", "party_key", "asid", "ods_code", "url", "fqdn", "cpa_id",
            "messaging_pattern", "retries", "retry_interval", "persist_duration", "ack_requested", "duplicate_elimination",
            "sync_reply_mode", "mhs_actor", "cert_subject", "cert_issuer", "cert_serial", "cert_not_before",
            "cert_not_after", "cert_expiry_key", "sds_id");

    private final Sql sql;
    private final RecordLifecycle lifecycle;
    private final OrganisationStore organisations;
    /** True on H2: free text in the default sort is read through {@link DirectoryTextSearch#H2_ENDPOINT_INDEX}. */
    private final boolean textIndexOnH2;

    EndpointStore(Sql sql, RecordLifecycle lifecycle, OrganisationStore organisations, boolean textIndexOnH2) {
        this.sql = sql;
        this.textIndexOnH2 = textIndexOnH2;
        this.lifecycle = lifecycle;
        this.organisations = organisations;
    }

    // ---------------------------------------------------------------- reads

    /** Refuses a sort this list does not offer (null is the default sort), before a cursor made for a sort is read. */
    public void checkSort(String code) {
        Keyset.sort(SORTS, code, DEFAULT_SORT);
    }

    public Page<MhsEndpoint> search(RegistrationFilter f, PageCursor cursor, int limit) {
        Keyset.Where where = new Keyset.Where();
        if (f.q() != null) {
            String upper = Keyset.prefix(f.q().toUpperCase(Locale.ROOT));
            String lower = f.q().toLowerCase(Locale.ROOT);
            where.and("(e.party_key LIKE ? ESCAPE '\\' OR e.ods_code LIKE ? ESCAPE '\\' OR e.fqdn LIKE ? ESCAPE '\\' "
                    + "OR e.name_lower LIKE ? ESCAPE '\\')", upper, upper, Keyset.prefix(lower), Keyset.contains(lower));
        }
        where.statuses("e", f);
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
            // Truncated to the hour so that the cursor scope (which includes the parameters) stays stable across pages.
            Instant before = lifecycle.now().plus(Duration.ofDays(f.certificateExpiringWithinDays()))
                    .truncatedTo(ChronoUnit.HOURS);
            where.and("e.cert_not_after < ?", before);
        }
        Sort sort = Keyset.sort(SORTS, f.sort(), DEFAULT_SORT);
        if (textIndexOnH2 && f.q() != null && onlyText(f) && sort.keys().equals(SORTS.get(DEFAULT_SORT).keys())) {
            return sql.inTransaction(c -> textThroughIndex(c, where, sort, cursor, limit));
        }
        return sql.inTransaction(c -> Keyset.page(c, SELECT, "mhs_endpoint e", where, sort, cursor, limit,
                this::rowWithoutInteractions, rows -> withInteractions(c, rows)));
    }

    /** True when free text is the filter's only condition (what a person typing into the list sends). */
    private static boolean onlyText(RegistrationFilter f) {
        return f.statuses().isEmpty() && f.ods() == null && f.partyKey() == null && f.pattern() == null
                && f.interaction() == null && f.certificateExpiringWithinDays() == null;
    }

    /**
     * Free text on H2, in the default sort: the page's keys and the total read from H2's narrow text index
     * alone ({@link DirectoryTextSearch}), then only the page's rows. Read in one step, H2 reads every
     * endpoint's row through the sort's index to test the text: seconds at the national directory.
     */
    private Page<MhsEndpoint> textThroughIndex(Connection c, Keyset.Where where, Sort sort, PageCursor cursor, int limit)
            throws SQLException {
        String indexed = "mhs_endpoint e USE INDEX (" + DirectoryTextSearch.H2_ENDPOINT_INDEX + ")";
        String keys = String.join(", ", sort.keys().stream().map(Key::expression).toList());
        Page<Long> ids = Keyset.page(c, "SELECT " + keys + " FROM " + indexed, indexed, where, sort, cursor, limit,
                r -> r.getLong("id"), rows -> rows);
        List<MhsEndpoint> rows = List.of();
        if (!ids.items().isEmpty()) {
            rows = Sql.list(c, SELECT + " WHERE e.id IN (" + String.join(", ", ids.items().stream().map(i -> "?").toList())
                    + ") ORDER BY " + Keyset.orderBy(sort), this::rowWithoutInteractions, ids.items().toArray());
        }
        return new Page<>(withInteractions(c, rows), ids.nextCursor(), ids.approximateTotal(), ids.totalIsExact());
    }

    public MhsEndpoint get(UUID id) {
        return sql.inTransaction(c -> find(c, id, false)).orElseThrow(() -> new NotFound(KIND.name(id)));
    }

    public Optional<MhsEndpoint> find(Connection c, UUID id, boolean forUpdate) throws SQLException {
        return first(withInteractions(c, Sql.list(c, "SELECT * FROM mhs_endpoint WHERE endpoint_uuid = ?"
                + (forUpdate ? " FOR UPDATE" : ""), this::rowWithoutInteractions, id)));
    }

    /** The first endpoint with this party key and URL: how an import recognises an endpoint it has seen. */
    public Optional<MhsEndpoint> findByAddress(Connection c, String partyKey, String url) throws SQLException {
        List<MhsEndpoint> rows = Sql.list(c, "SELECT * FROM mhs_endpoint WHERE party_key = ? AND url = ? ORDER BY id",
                this::rowWithoutInteractions, partyKey, url);
        return first(withInteractions(c, rows.isEmpty() ? rows : rows.subList(0, 1)));
    }

    // ---------------------------------------------------------------- changes

    public MhsEndpoint create(Actor caller, MhsEndpointChange body) {
        RecordLifecycle.issues(RegistrationRules.endpointErrors(body)).throwIfAny();
        return sql.inTransaction(c -> {
            organisations.requireRegistered(c, Map.of("/odsCode", Optional.of(body.odsCode())));
            MhsEndpoint created = insert(c, caller, body, RegistrationStatus.REQUESTED, null);
            lifecycle.audit(c, caller, "create", KIND, created.id().toString(), null, null, created);
            return created;
        });
    }

    /** Writes a new endpoint as {@code status}, without rules or audit (the caller has applied both). */
    public MhsEndpoint insert(Connection c, Actor caller, MhsEndpointChange body, RegistrationStatus status,
                              String sdsId) throws SQLException {
        Instant now = lifecycle.now();
        UUID id = UUID.randomUUID();
        List<Object> values = new ArrayList<>();
        values.add(id);
        values.addAll(changedColumns(c, body, sdsId));
        values.addAll(Arrays.asList(status.code(), now, now, caller.name(), caller.name()));
        Sql.update(c, "INSERT INTO mhs_endpoint (endpoint_uuid, " + String.join(", ", CHANGED)
                + ", status, version, created_at, updated_at, created_by, updated_by) VALUES (?, "
                + "?, ".repeat(CHANGED.size()) + "?, 1, ?, ?, ?, ?)", values.toArray());
        writeInteractions(c, id, body.interactions());
        return find(c, id, false).orElseThrow();
    }

    public MhsEndpoint update(Actor caller, UUID id, Version version, MhsEndpointChange body) {
        return sql.inTransaction(c -> {
            MhsEndpoint before = lifecycle.editable(KIND, id, find(c, id, true), version);
            RecordLifecycle.issues(RegistrationRules.endpointErrors(body)).throwIfAny();
            organisations.requireRegistered(c, Map.of("/odsCode", Optional.of(body.odsCode())));
            MhsEndpoint after = applyUpdate(c, caller, id, body, before.sdsId());
            lifecycle.audit(c, caller, "update", KIND, id.toString(), null, before, after);
            return after;
        });
    }

    /** Writes {@code body} over the endpoint, without rules or audit (the caller has applied both). */
    public MhsEndpoint applyUpdate(Connection c, Actor caller, UUID id, MhsEndpointChange body, String sdsId)
            throws SQLException {
        List<Object> values = new ArrayList<>(changedColumns(c, body, sdsId));
        values.addAll(Arrays.asList(lifecycle.now(), caller.name(), id));
        Sql.update(c, "UPDATE mhs_endpoint SET " + String.join(" = ?, ", CHANGED) + " = ?, version = version + 1, "
                + "updated_at = ?, updated_by = ? WHERE endpoint_uuid = ?", values.toArray());
        writeInteractions(c, id, body.interactions());
        return find(c, id, false).orElseThrow();
    }

    public void delete(Actor caller, UUID id, Version version) {
        sql.inTransaction(c -> {
            MhsEndpoint before = lifecycle.deletable(KIND, id, find(c, id, true), version);
            Sql.update(c, "DELETE FROM mhs_endpoint WHERE endpoint_uuid = ?", id);
            lifecycle.audit(c, caller, "delete", KIND, id.toString(), null, before, null);
            return null;
        });
    }

    public MhsEndpoint transition(Actor caller, UUID id, Version version, TransitionRequest body) {
        RecordLifecycle.checkReason(body);
        return sql.inTransaction(c -> {
            MhsEndpoint before = lifecycle.versioned(KIND, id, find(c, id, true), version);
            RecordLifecycle.allowed(body.action(), before.status());
            if (body.action().makesRoutable()) {
                organisations.requireActive(c, before.odsCode());
                if (before.certificate() == null || !before.certificate().isCurrentlyValid()) {
                    throw RecordLifecycle.refused(KIND.name(id) + " needs a currently valid TLS certificate before it "
                            + "can carry traffic.", "CERTIFICATE_NOT_VALID", List.of());
                }
                if (before.messagingPattern().isReliable() && before.reliability() == null) {
                    throw RecordLifecycle.refused("A " + before.messagingPattern().code() + " endpoint needs reliability "
                            + "settings before it can carry traffic.", "RELIABILITY_REQUIRED", List.of());
                }
            }
            return lifecycle.transition(c, caller, KIND, id, id.toString(), before, body,
                    conn -> find(conn, id, false).orElseThrow());
        });
    }

    /** Stores created before endpoint UUIDs existed get one per endpoint, once. */
    static void assignMissingIds(Connection c) throws SQLException {
        List<Long> missing = Sql.list(c, "SELECT id FROM mhs_endpoint WHERE endpoint_uuid IS NULL", r -> r.getLong(1));
        try (PreparedStatement ps = c.prepareStatement("UPDATE mhs_endpoint SET endpoint_uuid = ? WHERE id = ?")) {
            for (Long id : missing) {
                Sql.bind(ps, UUID.randomUUID(), id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    // ---------------------------------------------------------------- rows

    /** The values of {@link #CHANGED} for {@code body}. */
    private static List<Object> changedColumns(Connection c, MhsEndpointChange body, String sdsId) throws SQLException {
        Reliability r = body.reliability();
        CertificateInput cert = body.certificate();
        String fqdn = body.fqdn() != null ? body.fqdn() : RegistrationRules.hostOf(body.url()).orElseThrow();
        return Arrays.asList(body.name(), body.partyKey(), SystemStore.asidWithPartyKey(c, body.partyKey()), body.odsCode(),
                body.url(), fqdn, body.cpaId(), body.messagingPattern().code(),
                r == null ? null : r.retries(), r == null ? null : r.retryInterval(), r == null ? null : r.persistDuration(),
                r != null && r.ackRequested() == ReliabilityFlag.ALWAYS,
                r != null && r.duplicateElimination() == ReliabilityFlag.ALWAYS,
                r == null ? null : r.syncReplyMode().code(), body.mhsActor() == null ? null : body.mhsActor().code(),
                cert == null ? null : cert.subject(), cert == null ? null : cert.issuer(), cert == null ? null : cert.serial(),
                cert == null ? null : cert.notBefore(), cert == null ? null : cert.notAfter(),
                cert == null ? NO_CERTIFICATE : cert.notAfter(), sdsId);
    }

    private static void writeInteractions(Connection c, UUID id, List<String> interactions) throws SQLException {
        long internalId = Sql.list(c, "SELECT id FROM mhs_endpoint WHERE endpoint_uuid = ?", row -> row.getLong(1), id).get(0);
        InteractionLists.write(c, "endpoint_interaction", "endpoint_id", internalId, interactions);
    }

    private MhsEndpoint rowWithoutInteractions(ResultSet r) throws SQLException {
        Instant now = lifecycle.now();
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
                RecordLifecycle.status(r), RecordLifecycle.lastTransition(r), r.getLong("version"),
                Sql.instant(r, "created_at"), r.getString("created_by"), Sql.instant(r, "updated_at"), r.getString("updated_by"));
    }

    private static List<MhsEndpoint> withInteractions(Connection c, List<MhsEndpoint> rows) throws SQLException {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<String, List<String>> byId = InteractionLists.read(c, "SELECT e.endpoint_uuid, ei.interaction_id FROM "
                + "endpoint_interaction ei JOIN mhs_endpoint e ON e.id = ei.endpoint_id WHERE e.endpoint_uuid IN ",
                " ORDER BY ei.endpoint_id, ei.position", rows.stream().map(MhsEndpoint::id).toList());
        return rows.stream().map(e -> new MhsEndpoint(e.id(), e.name(), e.odsCode(), e.partyKey(), e.url(), e.fqdn(),
                e.cpaId(), byId.getOrDefault(e.id().toString(), List.of()), e.messagingPattern(), e.reliability(),
                e.mhsActor(), e.certificate(), e.sdsId(), e.status(), e.lastTransition(), e.version(), e.createdAt(),
                e.createdBy(), e.updatedAt(), e.updatedBy())).toList();
    }

    private static <T> Optional<T> first(List<T> rows) {
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }
}
