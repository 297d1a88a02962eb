package io.spineconsole.sandbox.registrations.checks;

import io.spineconsole.domain.registrations.CheckRequest;
import io.spineconsole.domain.registrations.CheckRule;
import io.spineconsole.domain.registrations.RecordRef;
import io.spineconsole.sandbox.Sql;
import io.spineconsole.sandbox.outcome.Issues;
import io.spineconsole.sandbox.registrations.checks.CheckedDirectory.Endpoint;
import io.spineconsole.sandbox.registrations.checks.CheckedDirectory.Org;
import io.spineconsole.sandbox.registrations.checks.CheckedDirectory.Sys;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStoreException;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Reads what a run of the checks needs, each table once, streamed, with only the columns the rules
 * look at: the whole directory, or the chosen records and the live endpoints that share a party key
 * or URL with them (for the duplicate rule to compare with).
 */
final class DirectoryReader {
    /** Identifiers per IN list when chosen records are read. */
    private static final int CHUNK = 500;

    private static final Set<CheckRule> ENDPOINT_INTERACTION_RULES = EnumSet.of(CheckRule.INTERACTION_FORMAT,
            CheckRule.INTERACTION_UNKNOWN, CheckRule.INTERACTION_PATTERN_MISMATCH, CheckRule.DUPLICATE_ENDPOINT);
    private static final Set<CheckRule> SYSTEM_INTERACTION_RULES = EnumSet.of(CheckRule.INTERACTION_FORMAT,
            CheckRule.INTERACTION_UNKNOWN, CheckRule.DUPLICATE_ASID_INTERACTION);
    private static final Set<CheckRule> CATALOGUE_RULES = EnumSet.of(CheckRule.INTERACTION_UNKNOWN,
            CheckRule.INTERACTION_PATTERN_MISMATCH);

    private static final String ORG_COLUMNS = "SELECT ods_code, parent_ods, status, name FROM organisation";
    private static final String SYS_COLUMNS = "SELECT asid, ods_code, party_key, manufacturer_ods, status FROM accredited_system";
    private static final String ENDPOINT_COLUMNS = "SELECT id, endpoint_uuid, party_key, ods_code, url, fqdn, messaging_pattern, "
            + "retry_interval, cert_not_before, cert_not_after, status FROM mhs_endpoint";

    /** The records a run covers: all (live, or all with retired ones), or the ones chosen by id. */
    record Scope(boolean whole, boolean includeRetired, List<String> organisations, List<String> systems,
                 List<UUID> endpoints) {
        static Scope all(boolean includeRetired) {
            return new Scope(true, includeRetired, List.of(), List.of(), List.of());
        }

        static Scope chosen(List<String> organisations, List<String> systems, List<UUID> endpoints) {
            return new Scope(false, true, organisations, systems, endpoints);
        }

        boolean covers(String status) {
            return includeRetired || !"retired".equals(status);
        }
    }

    private final boolean postgres;

    DirectoryReader(boolean postgres) {
        this.postgres = postgres;
    }

    /**
     * Reads what a run needs, in one transaction. On H2 the streamed reads are lazy results, and under READ
     * COMMITTED H2 can drop pages a lazy result still needs while the store compacts, as it does for a while
     * after an import or a seed: the read then fails with "Chunk … not found" (H2 issue 4142; about one run
     * in ten on a freshly seeded national store). Such a read is done once more holding one snapshot for the
     * whole transaction (REPEATABLE READ), which keeps those pages. That is not the first choice because H2
     * reads about 40 % slower that way. PostgreSQL streams from cursors that keep their snapshot.
     */
    CheckedDirectory read(Sql sql, CheckRequest request, Set<CheckRule> rules) {
        try {
            return sql.inTransaction(c -> read(c, scope(c, request), rules));
        } catch (Sql.StoreException e) {
            if (postgres || !pagesDropped(e)) {
                throw e;
            }
            return sql.inTransaction(c -> {
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                return read(c, scope(c, request), rules);
            });
        }
    }

    private static boolean pagesDropped(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MVStoreException m && m.getErrorCode() == DataUtils.ERROR_CHUNK_NOT_FOUND) {
                return true;
            }
        }
        return false;
    }

    /** The records the request names, each of a type the checks cover and registered; otherwise invalid, naming each. */
    private static Scope scope(Connection c, CheckRequest request) throws SQLException {
        if (request.records() == null) {
            return Scope.all(Boolean.TRUE.equals(request.includeRetired()));
        }
        Issues issues = new Issues();
        List<String> organisations = new ArrayList<>();
        List<String> systems = new ArrayList<>();
        List<UUID> endpoints = new ArrayList<>();
        for (int i = 0; i < request.records().size(); i++) {
            RecordRef ref = request.records().get(i);
            String field = "/records/" + i;
            String id = ref.id() == null ? "" : ref.id();
            switch (ref.type() == null ? "" : ref.type()) {
                case "organisation" -> organisations.add(id);
                case "accredited-system" -> systems.add(id);
                case "endpoint" -> {
                    try {
                        endpoints.add(UUID.fromString(id));
                    } catch (IllegalArgumentException e) {
                        issues.add(field + "/id", "FORMAT", "An endpoint id is a UUID.");
                    }
                }
                default -> issues.add(field + "/type", "ENUM", "Checks cover organisation, accredited-system or endpoint records.");
            }
        }
        issues.throwIfAny();
        unknown(c, issues, "organisation", "ods_code", organisations);
        unknown(c, issues, "accredited_system", "asid", systems);
        unknown(c, issues, "mhs_endpoint", "endpoint_uuid", endpoints);
        issues.throwIfAny();
        return Scope.chosen(organisations, systems, endpoints);
    }

    private static void unknown(Connection c, Issues issues, String table, String key, List<?> ids) throws SQLException {
        for (Object id : ids) {
            if (Sql.list(c, "SELECT 1 FROM " + table + " WHERE " + key + " = ?", r -> 1, id).isEmpty()) {
                issues.add("/records", "UNKNOWN_REFERENCE", "There is no " + table.replace('_', ' ') + " " + id + ".");
            }
        }
    }

    /**
     * Reads with H2 streaming its results. By default H2 materialises a result of more than a few
     * thousand rows into a temporary store before handing over the first row: at national scale that
     * wrote every endpoint and interaction row out and read it back, most of the checks' time. Each
     * query here is read to its end before the next one starts, as lazy execution requires.
     */
    private CheckedDirectory read(Connection c, Scope scope, Set<CheckRule> rules) throws SQLException {
        if (postgres) {
            return readEachTable(c, scope, rules);
        }
        try (Statement s = c.createStatement()) {
            s.execute("SET LAZY_QUERY_EXECUTION TRUE");
            try {
                return readEachTable(c, scope, rules);
            } finally {
                s.execute("SET LAZY_QUERY_EXECUTION FALSE");
            }
        }
    }

    private static CheckedDirectory readEachTable(Connection c, Scope scope, Set<CheckRule> rules) throws SQLException {
        CheckedDirectory d = new CheckedDirectory();
        // Organisations are few and light, and every owner rule looks them up: always all of them.
        Set<String> chosenOrganisations = new HashSet<>(scope.organisations());
        Sql.each(c, ORG_COLUMNS, r -> {
            String ods = r.getString(1);
            String status = r.getString(3);
            d.organisations.put(ods, new Org(ods, r.getString(2), status,
                    scope.whole() ? scope.covers(status) : chosenOrganisations.contains(ods), r.getString(4)));
        });
        readSystems(c, d, scope, rules.stream().anyMatch(SYSTEM_INTERACTION_RULES::contains));
        readEndpoints(c, d, scope, rules);
        if (rules.stream().anyMatch(CATALOGUE_RULES::contains)) {
            Sql.each(c, "SELECT interaction_id, messaging_pattern FROM interaction_catalogue",
                    r -> d.catalogue.put(r.getString(1), r.getString(2)));
        }
        return d;
    }

    /** Accredited systems and their interaction lists. */
    private static void readSystems(Connection c, CheckedDirectory d, Scope scope, boolean interactions)
            throws SQLException {
        Sql.RowConsumer systemRow = r -> {
            String status = r.getString(5);
            Sys s = new Sys(r.getString(1), r.getString(2), r.getString(3), r.getString(4), status,
                    !scope.whole() || scope.covers(status));
            d.systems.put(SqlText.charKey(s.asid()), s);
        };
        Sql.RowConsumer systemInteraction = r -> {
            Sys s = d.systems.get(SqlText.charKey(r.getString(1)));
            if (s != null) {
                s.interactions().add(d.intern(r.getString(2)), r.getInt(3));
            }
        };
        if (scope.whole()) {
            Sql.each(c, SYS_COLUMNS, systemRow);
            if (interactions) {
                Sql.each(c, "SELECT asid, interaction_id, position FROM system_interaction", systemInteraction);
            }
        } else {
            streamIn(c, SYS_COLUMNS + " WHERE asid IN ", new ArrayList<>(scope.systems()), systemRow);
            if (interactions) {
                streamIn(c, "SELECT asid, interaction_id, position FROM system_interaction WHERE asid IN ",
                        new ArrayList<>(d.systems.values().stream().map(s -> (Object) s.asid()).toList()), systemInteraction);
            }
        }
    }

    /**
     * Endpoints and their interaction lists. Chosen endpoints bring the live endpoints that share their party
     * key or URL, out of scope, for the duplicate rule to compare them with.
     */
    private static void readEndpoints(Connection c, CheckedDirectory d, Scope scope, Set<CheckRule> rules)
            throws SQLException {
        Sql.RowConsumer inScope = endpointRow(d, scope, true);
        Sql.RowConsumer related = endpointRow(d, scope, false);
        Sql.RowConsumer endpointInteraction = r -> {
            Endpoint e = d.endpoints.get(r.getLong(1));
            if (e != null) {
                e.interactions().add(d.intern(r.getString(2)), r.getInt(3));
            }
        };
        boolean interactions = rules.stream().anyMatch(ENDPOINT_INTERACTION_RULES::contains);
        if (scope.whole()) {
            Sql.each(c, ENDPOINT_COLUMNS, inScope);
            if (interactions) {
                Sql.each(c, "SELECT endpoint_id, interaction_id, position FROM endpoint_interaction",
                        endpointInteraction);
            }
            return;
        }
        streamIn(c, ENDPOINT_COLUMNS + " WHERE endpoint_uuid IN ", new ArrayList<>(scope.endpoints()), inScope);
        if (rules.contains(CheckRule.DUPLICATE_ENDPOINT) && !d.endpoints.isEmpty()) {
            List<Endpoint> chosen = List.copyOf(d.endpoints.values());
            streamIn(c, ENDPOINT_COLUMNS + " WHERE status <> 'retired' AND party_key IN ",
                    new ArrayList<>(new LinkedHashSet<>(chosen.stream().map(e -> (Object) e.partyKey()).toList())), related);
            streamIn(c, ENDPOINT_COLUMNS + " WHERE status <> 'retired' AND url IN ",
                    new ArrayList<>(new LinkedHashSet<>(chosen.stream().map(e -> (Object) e.url()).toList())), related);
        }
        if (interactions) {
            streamIn(c, "SELECT endpoint_id, interaction_id, position FROM endpoint_interaction WHERE endpoint_id IN ",
                    new ArrayList<>(d.endpoints.keySet()), endpointInteraction);
        }
    }

    /**
     * One endpoint row: in a whole-directory run in scope unless its status is left out; in a run over chosen
     * records in scope when chosen ({@code chosen}), otherwise only there to compare with. The first read of an
     * endpoint wins.
     */
    private static Sql.RowConsumer endpointRow(CheckedDirectory d, Scope scope, boolean chosen) {
        return r -> {
            long id = r.getLong(1);
            if (d.endpoints.containsKey(id)) {
                return;
            }
            String status = d.intern(r.getString(11));
            d.endpoints.put(id, new Endpoint(id, r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                    r.getString(6), d.intern(r.getString(7)), r.getString(8), Sql.instant(r, "cert_not_before"),
                    Sql.instant(r, "cert_not_after"), status, scope.whole() ? scope.covers(status) : chosen));
        };
    }

    /** {@code sqlPrefix} ends with {@code IN }: runs it for each chunk of {@code ids}. */
    private static void streamIn(Connection c, String sqlPrefix, List<Object> ids, Sql.RowConsumer reader)
            throws SQLException {
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Object> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            Sql.each(c, sqlPrefix + "(" + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")", reader,
                    chunk.toArray());
        }
    }
}
