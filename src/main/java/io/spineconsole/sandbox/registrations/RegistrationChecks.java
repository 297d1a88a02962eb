package io.spineconsole.sandbox.registrations;

import io.spineconsole.domain.Identifiers;
import io.spineconsole.domain.registrations.CheckReport;
import io.spineconsole.domain.registrations.CheckRequest;
import io.spineconsole.domain.registrations.CheckRule;
import io.spineconsole.domain.registrations.Finding;
import io.spineconsole.domain.registrations.RecordRef;
import io.spineconsole.domain.registrations.RecordType;
import io.spineconsole.domain.registrations.RegistrationRules;
import io.spineconsole.domain.registrations.Severity;
import io.spineconsole.sandbox.SandboxContext;
import io.spineconsole.sandbox.Sql;
import io.spineconsole.sandbox.http.FieldErrors;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The registration checks, run over the whole directory (or chosen records) in one pass: each table
 * the chosen rules need is read once, streamed, with only the columns they look at, and every rule
 * is evaluated in memory. One SQL statement per rule read every table about twenty times (7-9 s on
 * PostgreSQL and minutes on H2 at 20,000 organisations and 100,000 endpoints); one read of each is
 * well under two seconds on both. The rules mean exactly what their SQL meant: the same regular
 * expressions over the whole value, LIKE with its wildcards, NULLs never matching. Read-only.
 */
public final class RegistrationChecks {
    private static final Pattern ODS_CODE = Pattern.compile("[A-Z0-9]{3,9}");
    private static final Pattern ASID = Pattern.compile("[0-9]{12}");
    private static final Pattern PARTY_KEY = Pattern.compile("[A-Z0-9]{1,9}-[0-9]{5,9}");
    private static final Pattern INTERACTION = Pattern.compile("urn:nhs:names:services:[a-z0-9-]+(:[A-Za-z0-9_.-]+)+");
    private static final Set<String> RELIABLE = Set.of("async-reliable", "forward-reliable");
    private static final Set<String> INACTIVE_OWNER = Set.of("suspended", "retired");
    /** Rows per round trip when a table is streamed. */
    private static final int FETCH = 5_000;
    /** Identifiers per IN list when chosen records are read. */
    private static final int CHUNK = 500;

    private static final Set<CheckRule> ENDPOINT_INTERACTION_RULES = EnumSet.of(CheckRule.INTERACTION_FORMAT,
            CheckRule.INTERACTION_UNKNOWN, CheckRule.INTERACTION_PATTERN_MISMATCH, CheckRule.DUPLICATE_ENDPOINT);
    private static final Set<CheckRule> SYSTEM_INTERACTION_RULES = EnumSet.of(CheckRule.INTERACTION_FORMAT,
            CheckRule.INTERACTION_UNKNOWN, CheckRule.DUPLICATE_ASID_INTERACTION);
    private static final Set<CheckRule> CATALOGUE_RULES = EnumSet.of(CheckRule.INTERACTION_UNKNOWN,
            CheckRule.INTERACTION_PATTERN_MISMATCH);

    private final SandboxContext context;

    public RegistrationChecks(SandboxContext context) {
        this.context = context;
    }

    private static final class Org {
        String ods;
        String parent;
        String status;
        boolean inScope;
    }

    private static final class Sys {
        /** As stored (CHAR(12): padded on some databases); findings name it trimmed. */
        String asid;
        String ods;
        String partyKey;
        String manufacturer;
        String status;
        boolean inScope;
        final Interactions interactions = new Interactions();
    }

    private static final class Endpoint {
        long id;
        String uuid;
        String partyKey;
        String ods;
        String url;
        String fqdn;
        String pattern;
        String retryInterval;
        Instant notBefore;
        Instant notAfter;
        String status;
        boolean inScope;
        final Interactions interactions = new Interactions();
    }

    /** A record's interaction list: ids (shared between records) and their positions. */
    private static final class Interactions {
        String[] ids = new String[0];
        int[] positions = new int[0];
        int size;

        void add(String id, int position) {
            if (size == ids.length) {
                ids = java.util.Arrays.copyOf(ids, Math.max(4, size * 2));
                positions = java.util.Arrays.copyOf(positions, Math.max(4, size * 2));
            }
            ids[size] = id;
            positions[size] = position;
            size++;
        }
    }

    /** The records a run covers: all (live, or all with retired ones), or the ones chosen by id. */
    private static final class Scope {
        final boolean whole;
        final boolean includeRetired;
        final List<String> organisations;
        final List<String> systems;
        final List<UUID> endpoints;

        Scope(boolean includeRetired) {
            this.whole = true;
            this.includeRetired = includeRetired;
            this.organisations = List.of();
            this.systems = List.of();
            this.endpoints = List.of();
        }

        Scope(List<String> organisations, List<String> systems, List<UUID> endpoints) {
            this.whole = false;
            this.includeRetired = true;
            this.organisations = organisations;
            this.systems = systems;
            this.endpoints = endpoints;
        }

        boolean covers(String status) {
            return includeRetired || !"retired".equals(status);
        }
    }

    /** What one run has read. */
    private static final class Directory {
        final Map<String, Org> organisations = new HashMap<>();
        final Map<String, Sys> systems = new LinkedHashMap<>();
        final Map<Long, Endpoint> endpoints = new LinkedHashMap<>();
        final Map<String, String> catalogue = new HashMap<>();
        /** One shared copy of each interaction id (a few hundred distinct among ~250,000 rows). */
        final Map<String, String> interned = new HashMap<>();
        long checked;

        String intern(String s) {
            return s == null ? null : interned.computeIfAbsent(s, Function.identity());
        }
    }

    public CheckReport run(CheckRequest request) {
        long started = System.nanoTime();
        Set<CheckRule> rules = request.rules() == null ? EnumSet.allOf(CheckRule.class) : EnumSet.copyOf(request.rules());
        int expiringDays = request.expiringWithinDays() == null ? 30 : request.expiringWithinDays();
        int maxFindings = request.maxFindings() == null ? 1000 : request.maxFindings();
        Severity minSeverity = request.minSeverity() == null ? Severity.INFO : request.minSeverity();
        Instant now = context.clock().instant();
        return context.sql().inTransaction(c -> {
            Scope scope = scope(c, request);
            Directory d = readStreaming(c, scope, rules);
            List<Finding> all = new ArrayList<>();
            for (CheckRule rule : rules) {
                all.addAll(findings(d, rule, now, expiringDays));
            }
            all.removeIf(f -> f.severity().ordinal() > minSeverity.ordinal());
            all.sort(ORDER);
            long errors = all.stream().filter(f -> f.severity() == Severity.ERROR).count();
            long warnings = all.stream().filter(f -> f.severity() == Severity.WARNING).count();
            long infos = all.size() - errors - warnings;
            Map<CheckRule, Long> byRule = new EnumMap<>(CheckRule.class);
            all.forEach(f -> byRule.merge(f.rule(), 1L, Long::sum));
            boolean truncated = all.size() > maxFindings;
            return new CheckReport(now, (System.nanoTime() - started) / 1_000_000, d.checked,
                    new CheckReport.SeverityCounts(errors, warnings, infos), byRule, truncated,
                    truncated ? List.copyOf(all.subList(0, maxFindings)) : all);
        });
    }

    /** Most severe first, then by rule, record and field; the message orders what is left, so the order never depends on the database. */
    static final Comparator<Finding> ORDER = Comparator.comparing((Finding f) -> f.severity().ordinal())
            .thenComparing(f -> f.rule().ordinal()).thenComparing(f -> f.record().id())
            .thenComparing(f -> f.field() == null ? "" : f.field()).thenComparing(Finding::message);

    private Scope scope(Connection c, CheckRequest request) throws SQLException {
        if (request.records() == null) {
            return new Scope(Boolean.TRUE.equals(request.includeRetired()));
        }
        FieldErrors errors = new FieldErrors();
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
                        errors.add(field + "/id", "FORMAT", "An endpoint id is a UUID.");
                    }
                }
                default -> errors.add(field + "/type", "ENUM", "Checks cover organisation, accredited-system or endpoint records.");
            }
        }
        errors.throwIfAny();
        unknown(c, errors, "organisation", "ods_code", organisations);
        unknown(c, errors, "accredited_system", "asid", systems);
        unknown(c, errors, "mhs_endpoint", "endpoint_uuid", endpoints);
        errors.throwIfAny();
        return new Scope(organisations, systems, endpoints);
    }

    private static void unknown(Connection c, FieldErrors errors, String table, String key, List<?> ids)
            throws SQLException {
        for (Object id : ids) {
            if (Sql.list(c, "SELECT 1 FROM " + table + " WHERE " + key + " = ?", r -> 1, id).isEmpty()) {
                errors.add("/records", "UNKNOWN_REFERENCE", "There is no " + table.replace('_', ' ') + " " + id + ".");
            }
        }
    }

    // ---- Reading: each table once, only the columns the rules look at ----

    private static final String ORG_COLUMNS = "SELECT ods_code, parent_ods, status FROM organisation";
    private static final String SYS_COLUMNS = "SELECT asid, ods_code, party_key, manufacturer_ods, status FROM accredited_system";
    private static final String ENDPOINT_COLUMNS = "SELECT id, endpoint_uuid, party_key, ods_code, url, fqdn, messaging_pattern, "
            + "retry_interval, cert_not_before, cert_not_after, status FROM mhs_endpoint";

    /**
     * {@link #read} with H2 streaming its results. By default H2 materialises a result of more than
     * a few thousand rows into a temporary store before handing over the first row: at national scale
     * that wrote every endpoint and interaction row out and read it back, most of the checks' time.
     * Each query here is read to its end before the next one starts, as lazy execution requires.
     */
    private Directory readStreaming(Connection c, Scope scope, Set<CheckRule> rules) throws SQLException {
        if (context.isPostgres()) {
            return read(c, scope, rules);
        }
        try (Statement s = c.createStatement()) {
            s.execute("SET LAZY_QUERY_EXECUTION TRUE");
            try {
                return read(c, scope, rules);
            } finally {
                s.execute("SET LAZY_QUERY_EXECUTION FALSE");
            }
        }
    }

    private Directory read(Connection c, Scope scope, Set<CheckRule> rules) throws SQLException {
        Directory d = new Directory();
        // Organisations are few and light, and every owner rule looks them up: always all of them.
        stream(c, ORG_COLUMNS, r -> {
            Org o = new Org();
            o.ods = r.getString(1);
            o.parent = r.getString(2);
            o.status = r.getString(3);
            d.organisations.put(o.ods, o);
        });
        if (scope.whole) {
            d.organisations.values().forEach(o -> o.inScope = scope.covers(o.status));
        } else {
            for (String ods : scope.organisations) {
                Org o = d.organisations.get(ods);
                if (o != null) {
                    o.inScope = true;
                }
            }
        }
        d.checked += d.organisations.values().stream().filter(o -> o.inScope).count();

        // Accredited systems and their interaction lists.
        RowReader systemRow = r -> {
            Sys s = new Sys();
            s.asid = r.getString(1);
            s.ods = r.getString(2);
            s.partyKey = r.getString(3);
            s.manufacturer = r.getString(4);
            s.status = r.getString(5);
            s.inScope = scope.whole ? scope.covers(s.status) : true;
            d.systems.put(charKey(s.asid), s);
        };
        boolean systemInteractions = rules.stream().anyMatch(SYSTEM_INTERACTION_RULES::contains);
        RowReader systemInteraction = r -> {
            Sys s = d.systems.get(charKey(r.getString(1)));
            if (s != null) {
                s.interactions.add(d.intern(r.getString(2)), r.getInt(3));
            }
        };
        if (scope.whole) {
            stream(c, SYS_COLUMNS, systemRow);
            if (systemInteractions) {
                stream(c, "SELECT asid, interaction_id, position FROM system_interaction", systemInteraction);
            }
        } else {
            streamIn(c, SYS_COLUMNS + " WHERE asid IN ", new ArrayList<>(scope.systems), systemRow);
            if (systemInteractions) {
                streamIn(c, "SELECT asid, interaction_id, position FROM system_interaction WHERE asid IN ",
                        new ArrayList<>(d.systems.values().stream().map(s -> (Object) s.asid).toList()), systemInteraction);
            }
        }
        d.checked += d.systems.values().stream().filter(s -> s.inScope).count();

        // Endpoints and their interaction lists. Chosen endpoints bring the live endpoints that share their party
        // key or URL, out of scope, for the duplicate rule to compare them with.
        RowReader endpointRow = r -> {
            Endpoint e = new Endpoint();
            e.id = r.getLong(1);
            e.uuid = r.getString(2);
            e.partyKey = r.getString(3);
            e.ods = r.getString(4);
            e.url = r.getString(5);
            e.fqdn = r.getString(6);
            e.pattern = d.intern(r.getString(7));
            e.retryInterval = r.getString(8);
            e.notBefore = Sql.instant(r, "cert_not_before");
            e.notAfter = Sql.instant(r, "cert_not_after");
            e.status = d.intern(r.getString(11));
            e.inScope = scope.whole && scope.covers(e.status);
            d.endpoints.putIfAbsent(e.id, e);
        };
        boolean endpointInteractions = rules.stream().anyMatch(ENDPOINT_INTERACTION_RULES::contains);
        RowReader endpointInteraction = r -> {
            Endpoint e = d.endpoints.get(r.getLong(1));
            if (e != null) {
                e.interactions.add(d.intern(r.getString(2)), r.getInt(3));
            }
        };
        if (scope.whole) {
            stream(c, ENDPOINT_COLUMNS, endpointRow);
            if (endpointInteractions) {
                stream(c, "SELECT endpoint_id, interaction_id, position FROM endpoint_interaction", endpointInteraction);
            }
        } else {
            streamIn(c, ENDPOINT_COLUMNS + " WHERE endpoint_uuid IN ", new ArrayList<>(scope.endpoints), endpointRow);
            d.endpoints.values().forEach(e -> e.inScope = true);
            if (rules.contains(CheckRule.DUPLICATE_ENDPOINT) && !d.endpoints.isEmpty()) {
                List<Endpoint> chosen = List.copyOf(d.endpoints.values());
                streamIn(c, ENDPOINT_COLUMNS + " WHERE status <> 'retired' AND party_key IN ",
                        new ArrayList<>(new LinkedHashSet<>(chosen.stream().map(e -> (Object) e.partyKey).toList())), endpointRow);
                streamIn(c, ENDPOINT_COLUMNS + " WHERE status <> 'retired' AND url IN ",
                        new ArrayList<>(new LinkedHashSet<>(chosen.stream().map(e -> (Object) e.url).toList())), endpointRow);
            }
            if (endpointInteractions) {
                streamIn(c, "SELECT endpoint_id, interaction_id, position FROM endpoint_interaction WHERE endpoint_id IN ",
                        new ArrayList<>(d.endpoints.keySet()), endpointInteraction);
            }
        }
        d.checked += d.endpoints.values().stream().filter(e -> e.inScope).count();

        if (rules.stream().anyMatch(CATALOGUE_RULES::contains)) {
            stream(c, "SELECT interaction_id, messaging_pattern FROM interaction_catalogue",
                    r -> d.catalogue.put(r.getString(1), r.getString(2)));
        }
        return d;
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    /** Streams a query's rows (a few thousand per round trip, never the whole table in the driver at once). */
    private static void stream(Connection c, String sql, RowReader reader, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            ps.setFetchSize(FETCH);
            Sql.bind(ps, params);
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    reader.read(r);
                }
            }
        }
    }

    /** {@code sqlPrefix} ends with {@code IN }: runs it for each chunk of {@code ids}. */
    private static void streamIn(Connection c, String sqlPrefix, List<Object> ids, RowReader reader) throws SQLException {
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Object> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            stream(c, sqlPrefix + "(" + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")) + ")", reader,
                    chunk.toArray());
        }
    }

    /** A CHAR column's value as the database compares it: trailing spaces do not count. */
    private static String charKey(String value) {
        int end = value.length();
        while (end > 0 && value.charAt(end - 1) == ' ') {
            end--;
        }
        return value.substring(0, end);
    }

    // ---- The rules ----

    private List<Finding> findings(Directory d, CheckRule rule, Instant now, int expiringDays) {
        List<Finding> out = new ArrayList<>();
        Collection<Org> orgs = d.organisations.values().stream().filter(o -> o.inScope).toList();
        Collection<Sys> systems = d.systems.values().stream().filter(s -> s.inScope).toList();
        Collection<Endpoint> endpoints = d.endpoints.values().stream().filter(e -> e.inScope).toList();
        switch (rule) {
            case ODS_CODE_FORMAT -> orgs.stream().filter(o -> !ODS_CODE.matcher(o.ods).matches()).forEach(o ->
                    out.add(finding(rule, RecordType.ORGANISATION, o.ods, "/odsCode",
                            "ODS code " + o.ods + " is not 3-9 upper-case letters and digits.")));
            case ASID_FORMAT -> systems.stream().filter(s -> !ASID.matcher(sqlTrim(s.asid)).matches()).forEach(s ->
                    out.add(system(rule, s, "/asid", "ASID " + s.asid.trim() + " is not 12 digits.")));
            case ASID_PREFIX -> systems.stream().filter(s -> !s.asid.startsWith("2")).forEach(s ->
                    out.add(system(rule, s, "/asid", "ASID " + s.asid.trim() + " does not start with 2, as new ASIDs do.")));
            case PARTY_KEY_FORMAT -> {
                endpoints.stream().filter(e -> e.partyKey != null && !PARTY_KEY.matcher(e.partyKey).matches()).forEach(e ->
                        out.add(endpoint(rule, e, "/partyKey", "Party key " + e.partyKey
                                + " is not an ODS code, a hyphen and 5-9 digits.")));
                systems.stream().filter(s -> s.partyKey != null && !PARTY_KEY.matcher(s.partyKey).matches()).forEach(s ->
                        out.add(system(rule, s, "/partyKey", "Party key " + s.partyKey
                                + " is not an ODS code, a hyphen and 5-9 digits.")));
            }
            case PARTY_KEY_PREFIX_MISMATCH -> {
                endpoints.stream().filter(e -> prefixMismatch(e.partyKey, e.ods)).forEach(e ->
                        out.add(finding(rule, RecordType.ENDPOINT, e.uuid.trim(), "/partyKey", "Party key " + e.partyKey
                                + " does not start with the owner's ODS code " + e.ods + ".")));
                systems.stream().filter(s -> prefixMismatch(s.partyKey, s.ods)).forEach(s ->
                        out.add(system(rule, s, "/partyKey", "Party key " + s.partyKey
                                + " does not start with the owner's ODS code " + s.ods + ".")));
            }
            case URL_NOT_HTTPS -> endpoints.stream().filter(e -> e.url != null && !e.url.startsWith("https://")).forEach(e ->
                    out.add(endpoint(rule, e, "/url", "URL " + e.url + " is not an absolute https:// address.")));
            case FQDN_URL_HOST_MISMATCH -> endpoints.stream().filter(RegistrationChecks::fqdnDiffers).forEach(e ->
                    out.add(endpoint(rule, e, "/fqdn", "FQDN " + e.fqdn + " differs from the URL host "
                            + RegistrationRules.hostOf(e.url).orElse(e.url) + ".")));
            case INTERACTION_FORMAT -> {
                for (Endpoint e : endpoints) {
                    eachInteraction(e.interactions, (id, position) -> {
                        if (!INTERACTION.matcher(id).matches()) {
                            out.add(endpoint(rule, e, "/interactions/" + position, notUrn(id)));
                        }
                    });
                }
                for (Sys s : systems) {
                    eachInteraction(s.interactions, (id, position) -> {
                        if (!INTERACTION.matcher(id).matches()) {
                            out.add(system(rule, s, "/interactions/" + position, notUrn(id)));
                        }
                    });
                }
            }
            case INTERACTION_UNKNOWN -> {
                for (Endpoint e : endpoints) {
                    eachInteraction(e.interactions, (id, position) -> {
                        if (!d.catalogue.containsKey(id)) {
                            out.add(endpoint(rule, e, "/interactions/" + position, unknownInteraction(id)));
                        }
                    });
                }
                for (Sys s : systems) {
                    eachInteraction(s.interactions, (id, position) -> {
                        if (!d.catalogue.containsKey(id)) {
                            out.add(system(rule, s, "/interactions/" + position, unknownInteraction(id)));
                        }
                    });
                }
            }
            case INTERACTION_PATTERN_MISMATCH -> {
                for (Endpoint e : endpoints) {
                    eachInteraction(e.interactions, (id, position) -> {
                        String pattern = d.catalogue.get(id);
                        if (pattern != null && e.pattern != null && !pattern.equals(e.pattern)) {
                            out.add(endpoint(rule, e, "/interactions/" + position, "Interaction " + id + " is " + pattern
                                    + " in the catalogue, but the endpoint is " + e.pattern + "."));
                        }
                    });
                }
            }
            case RELIABILITY_MISSING -> endpoints.stream()
                    .filter(e -> RELIABLE.contains(e.pattern) && e.retryInterval == null).forEach(e ->
                            out.add(endpoint(rule, e, "/reliability", "A " + e.pattern
                                    + " endpoint has no reliability settings.")));
            case RELIABILITY_NOT_APPLICABLE -> endpoints.stream()
                    .filter(e -> e.pattern != null && !RELIABLE.contains(e.pattern) && e.retryInterval != null).forEach(e ->
                            out.add(endpoint(rule, e, "/reliability", "A " + e.pattern
                                    + " endpoint carries reliability settings it does not use.")));
            case DUPLICATE_ENDPOINT -> {
                out.addAll(duplicates(d, rule, e -> e.partyKey, "party key"));
                out.addAll(duplicates(d, rule, e -> e.url, "URL"));
            }
            case DUPLICATE_ASID_INTERACTION -> {
                for (Sys s : systems) {
                    Set<String> seen = new HashSet<>();
                    Set<String> reported = new HashSet<>();
                    eachInteraction(s.interactions, (id, position) -> {
                        if (!seen.add(id) && reported.add(id)) {
                            out.add(system(rule, s, "/interactions", "Interaction " + id + " is listed more than once."));
                        }
                    });
                }
            }
            case CERTIFICATE_MISSING -> endpoints.stream().filter(e -> e.notAfter == null).forEach(e -> {
                boolean active = "active".equals(e.status);
                out.add(new Finding(active ? Severity.ERROR : Severity.WARNING, rule,
                        "The endpoint has no TLS client certificate" + (active ? " but is active." : "."),
                        RecordRef.of(RecordType.ENDPOINT, e.uuid), "/certificate", List.of()));
            });
            case CERTIFICATE_EXPIRED -> endpoints.stream().filter(e -> e.notAfter != null && e.notAfter.isBefore(now))
                    .forEach(e -> out.add(endpoint(rule, e, "/certificate/notAfter",
                            "The certificate expired on " + e.notAfter + ".")));
            case CERTIFICATE_EXPIRING -> {
                Instant until = now.plus(Duration.ofDays(expiringDays));
                endpoints.stream().filter(e -> e.notAfter != null && !e.notAfter.isBefore(now) && e.notAfter.isBefore(until))
                        .forEach(e -> out.add(endpoint(rule, e, "/certificate/notAfter", "The certificate expires on "
                                + e.notAfter + ", within " + expiringDays + " days.")));
            }
            case CERTIFICATE_NOT_YET_VALID -> endpoints.stream().filter(e -> e.notBefore != null && e.notBefore.isAfter(now))
                    .forEach(e -> out.add(endpoint(rule, e, "/certificate/notBefore",
                            "The certificate is not valid until " + e.notBefore + ".")));
            case OWNER_UNKNOWN -> {
                orgs.stream().filter(o -> o.parent != null && !d.organisations.containsKey(o.parent)).forEach(o ->
                        out.add(finding(rule, RecordType.ORGANISATION, o.ods, "/parentOdsCode",
                                "Parent organisation " + o.parent + " is not registered.")));
                systems.stream().filter(s -> s.manufacturer != null && !d.organisations.containsKey(s.manufacturer))
                        .forEach(s -> out.add(system(rule, s, "/manufacturerOdsCode",
                                "Manufacturer " + s.manufacturer + " is not a registered organisation.")));
            }
            case OWNER_NOT_ACTIVE -> {
                for (Endpoint e : endpoints) {
                    Org owner = d.organisations.get(e.ods);
                    if ("active".equals(e.status) && owner != null && INACTIVE_OWNER.contains(owner.status)) {
                        out.add(ownerNotActive(rule, RecordType.ENDPOINT, e.uuid.trim(), owner));
                    }
                }
                for (Sys s : systems) {
                    Org owner = d.organisations.get(s.ods);
                    if ("active".equals(s.status) && owner != null && INACTIVE_OWNER.contains(owner.status)) {
                        out.add(ownerNotActive(rule, RecordType.ACCREDITED_SYSTEM, s.asid.trim(), owner));
                    }
                }
            }
            default -> throw new IllegalStateException("No check for " + rule);
        }
        return out;
    }

    @FunctionalInterface
    private interface InteractionVisitor {
        void visit(String id, int position);
    }

    private static void eachInteraction(Interactions list, InteractionVisitor visitor) {
        for (int i = 0; i < list.size; i++) {
            visitor.visit(list.ids[i], list.positions[i]);
        }
    }

    /**
     * Live endpoints that share {@code key} and an interaction with another live endpoint, each naming the others
     * (by internal id, at most 100). Retired endpoints never count, whatever the scope.
     */
    private static List<Finding> duplicates(Directory d, CheckRule rule, Function<Endpoint, String> key, String what) {
        Map<String, List<Endpoint>> byKey = new HashMap<>();
        for (Endpoint e : d.endpoints.values()) {
            String k = key.apply(e);
            if (k != null && !"retired".equals(e.status) && e.interactions.size > 0) {
                byKey.computeIfAbsent(k, x -> new ArrayList<>(1)).add(e);
            }
        }
        List<Finding> out = new ArrayList<>();
        for (Map.Entry<String, List<Endpoint>> group : byKey.entrySet()) {
            if (group.getValue().size() < 2) {
                continue;
            }
            Map<String, List<Endpoint>> byInteraction = new LinkedHashMap<>();
            for (Endpoint e : group.getValue()) {
                eachInteraction(e.interactions, (id, position) ->
                        byInteraction.computeIfAbsent(id, x -> new ArrayList<>()).add(e));
            }
            byInteraction.forEach((interaction, same) -> {
                if (same.size() < 2) {
                    return;
                }
                List<Endpoint> ordered = same.stream().distinct().sorted(Comparator.comparingLong(e -> e.id)).toList();
                if (ordered.size() < 2) {
                    return;
                }
                for (Endpoint e : ordered) {
                    if (!e.inScope) {
                        continue;
                    }
                    List<RecordRef> others = ordered.stream().filter(x -> x != e).limit(100)
                            .map(x -> RecordRef.of(RecordType.ENDPOINT, x.uuid)).toList();
                    out.add(new Finding(rule.severity(), rule, "Another endpoint has the same " + what + " " + group.getKey()
                            + " for interaction " + interaction + ".", RecordRef.of(RecordType.ENDPOINT, e.uuid),
                            what.equals("URL") ? "/url" : "/partyKey", others));
                }
            });
        }
        return out;
    }

    /** A well-formed party key that does not start with its owner's ODS code and a hyphen. */
    private static boolean prefixMismatch(String partyKey, String ods) {
        return partyKey != null && ods != null && !like(partyKey, ods + "-%")
                && Identifiers.partyKeyPrefix(partyKey).isPresent();
    }

    /** The URL is not https:// followed by the FQDN, alone or before a path or a port (URL compared in lower case). */
    private static boolean fqdnDiffers(Endpoint e) {
        if (e.url == null || e.fqdn == null) {
            return false;
        }
        String url = e.url.toLowerCase(Locale.ROOT);
        String base = "https://" + e.fqdn;
        return !url.equals(base) && !like(url, base + "/%") && !like(url, base + ":%");
    }

    /**
     * SQL's {@code value LIKE pattern} as H2 and PostgreSQL read it: {@code %} any run of characters, {@code _} any
     * one character, a backslash makes the next character literal.
     */
    static boolean like(String value, String pattern) {
        return like(value, 0, pattern, 0);
    }

    private static boolean like(String v, int vi, String p, int pi) {
        while (pi < p.length()) {
            char ch = p.charAt(pi);
            if (ch == '%') {
                while (pi < p.length() && p.charAt(pi) == '%') {
                    pi++;
                }
                if (pi == p.length()) {
                    return true;
                }
                for (int k = vi; k <= v.length(); k++) {
                    if (like(v, k, p, pi)) {
                        return true;
                    }
                }
                return false;
            }
            if (vi >= v.length()) {
                return false;
            }
            if (ch == '_') {
                vi++;
                pi++;
                continue;
            }
            if (ch == '\\' && pi + 1 < p.length()) {
                pi++;
                ch = p.charAt(pi);
            }
            if (v.charAt(vi) != ch) {
                return false;
            }
            vi++;
            pi++;
        }
        return vi == v.length();
    }

    /** SQL's TRIM: spaces off both ends (and nothing else). */
    private static String sqlTrim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == ' ') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(start, end);
    }

    private static String notUrn(String id) {
        return "Interaction " + id + " is not a urn:nhs:names:services: URN.";
    }

    private static String unknownInteraction(String id) {
        return "Interaction " + id + " is not in the catalogue; its messaging pattern is unknown.";
    }

    private static Finding ownerNotActive(CheckRule rule, RecordType type, String id, Org owner) {
        return new Finding(rule.severity(), rule, "Active, but its organisation " + owner.ods + " is " + owner.status + ".",
                RecordRef.of(type, id), "/odsCode", List.of(RecordRef.of(RecordType.ORGANISATION, owner.ods)));
    }

    private static Finding endpoint(CheckRule rule, Endpoint e, String field, String message) {
        return finding(rule, RecordType.ENDPOINT, e.uuid, field, message);
    }

    private static Finding system(CheckRule rule, Sys s, String field, String message) {
        return finding(rule, RecordType.ACCREDITED_SYSTEM, s.asid.trim(), field, message);
    }

    private static Finding finding(CheckRule rule, RecordType type, String id, String field, String message) {
        return new Finding(rule.severity(), rule, message, RecordRef.of(type, id), field, List.of());
    }
}
