package io.spineconsole.sandbox.registrations;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
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
import io.spineconsole.domain.registrations.CheckRule;
import io.spineconsole.domain.registrations.FieldIssue;
import io.spineconsole.domain.registrations.ImportEntryResult;
import io.spineconsole.domain.registrations.ImportOutcome;
import io.spineconsole.domain.registrations.ImportReport;
import io.spineconsole.domain.registrations.MhsActor;
import io.spineconsole.domain.registrations.MhsEndpoint;
import io.spineconsole.domain.registrations.MhsEndpointChange;
import io.spineconsole.domain.registrations.Organisation;
import io.spineconsole.domain.registrations.OrganisationCreate;
import io.spineconsole.domain.registrations.OrganisationKind;
import io.spineconsole.domain.registrations.OrganisationUpdate;
import io.spineconsole.domain.registrations.RecordType;
import io.spineconsole.domain.registrations.RegistrationFileType;
import io.spineconsole.domain.registrations.RegistrationFilter;
import io.spineconsole.domain.registrations.RegistrationRules;
import io.spineconsole.domain.registrations.Reliability;
import io.spineconsole.domain.registrations.ReliabilityFlag;
import io.spineconsole.domain.registrations.SyncReplyMode;
import io.spineconsole.sandbox.InteractionCatalogue;
import io.spineconsole.sandbox.SandboxContext;
import io.spineconsole.sandbox.http.ProblemException;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Bulk import (SDS FHIR bundles and CSV, with a dry run that writes nothing) and streamed export
 * of registrations. An import plans every entry first (outcome, warnings, errors), then applies
 * the accepted ones in the same transaction, each audited as {@code import}.
 */
final class RegistrationTransfer {
    private static final List<String> ORGANISATION_COLUMNS = List.of("odsCode", "name", "kind", "parentOdsCode", "postcode");
    private static final List<String> SYSTEM_COLUMNS = List.of("asid", "odsCode", "name", "manufacturerOdsCode",
            "productName", "productVersion", "partyKey", "interactions");
    private static final List<String> ENDPOINT_COLUMNS = List.of("partyKey", "odsCode", "name", "url", "fqdn", "cpaId",
            "interactions", "messagingPattern", "retries", "retryInterval", "persistDuration", "ackRequested",
            "duplicateElimination", "syncReplyMode", "mhsActor", "certificateSubject", "certificateIssuer",
            "certificateSerial", "certificateNotBefore", "certificateNotAfter");
    private static final Set<String> BUNDLE_MEMBERS = Set.of("resourceType", "id", "meta", "type", "timestamp", "total",
            "link", "entry");
    private static final Set<String> ENTRY_MEMBERS = Set.of("fullUrl", "resource", "search", "request", "response");
    private static final int EXPORT_PAGE = 500;

    private final RegistrationStore store;
    private final SandboxContext context;
    private final Map<String, MessagingPattern> catalogue = new HashMap<>();

    RegistrationTransfer(RegistrationStore store) {
        this.store = store;
        this.context = store.context();
        for (InteractionCatalogue.Interaction i : context.interactions().all()) {
            catalogue.put(i.id(), i.pattern());
        }
    }

    // ---------------------------------------------------------------- import

    @FunctionalInterface
    private interface Apply {
        String run(Connection c) throws SQLException;
    }

    /** One entry being planned: what it is, what would happen, and how to make it happen. */
    private static final class Entry {
        final int index;
        final Integer line;
        final String resourceType;
        RecordType recordType;
        String identifier;
        String recordId;
        ImportOutcome outcome = ImportOutcome.REJECTED;
        final List<FieldIssue> warnings = new ArrayList<>();
        final List<FieldIssue> errors = new ArrayList<>();
        Apply apply;

        Entry(int index, Integer line, String resourceType) {
            this.index = index;
            this.line = line;
            this.resourceType = resourceType;
        }

        ImportEntryResult result(Function<String, String> fieldName) {
            return new ImportEntryResult(index, line, resourceType, recordType, identifier,
                    outcome == ImportOutcome.REJECTED ? null : recordId, outcome, rename(warnings, fieldName),
                    rename(errors, fieldName));
        }

        private static List<FieldIssue> rename(List<FieldIssue> issues, Function<String, String> fieldName) {
            return issues.stream().map(i -> new FieldIssue(fieldName.apply(i.field()), i.code(), i.message())).toList();
        }
    }

    /** Identifiers already planned in this import, so that an entry repeated in one file is refused, not written twice. */
    private static final class Seen {
        final Set<String> keys = new HashSet<>();
        final Set<String> organisations = new HashSet<>();
    }

    ImportReport importBody(Principal caller, String contentType, byte[] body, RegistrationFileType type, boolean dryRun,
                            boolean atomic, RegistrationStatus status) {
        String media = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        boolean fhir = media.equals("application/fhir+json") || media.equals("application/json");
        if (!fhir && !media.equals("text/csv")) {
            throw new ProblemException(415, "UNSUPPORTED_MEDIA_TYPE", "Unsupported media type",
                    "Send an SDS FHIR Bundle as application/fhir+json (or application/json), or a CSV file as text/csv.");
        }
        if (!fhir && type == null) {
            throw ProblemException.badParameter("query.type", "REQUIRED",
                    "A CSV import needs type=organisations, accredited-systems or endpoints.");
        }
        JsonNode bundle = fhir ? bundle(body) : null;
        List<Csv.Row> rows = fhir ? null : csvRows(body);
        return context.sql().inTransaction(c -> {
            Seen seen = new Seen();
            List<Entry> entries = new ArrayList<>();
            Function<String, String> fieldName;
            RecordType recordType = null;
            if (fhir) {
                JsonNode list = bundle.path("entry");
                for (int i = 0; i < list.size(); i++) {
                    entries.add(planFhir(c, caller, i, list.get(i), seen, status));
                }
                fieldName = Function.identity();
            } else {
                recordType = recordType(type);
                entries.addAll(planCsv(c, caller, type, rows, seen, status));
                fieldName = RegistrationTransfer::csvField;
            }
            boolean anyRejected = entries.stream().anyMatch(e -> e.outcome == ImportOutcome.REJECTED);
            boolean apply = !dryRun && (!atomic || !anyRejected);
            if (apply) {
                for (Entry e : entries) {
                    if (e.apply != null) {
                        e.recordId = e.apply.run(c);
                    }
                }
            }
            List<ImportEntryResult> results = entries.stream().map(e -> e.result(fieldName)).toList();
            return new ImportReport(dryRun, apply && entries.stream().anyMatch(e -> e.apply != null),
                    fhir ? "fhir" : "csv", recordType, entries.size(), new ImportReport.Counts(
                    count(entries, ImportOutcome.CREATED), count(entries, ImportOutcome.UPDATED),
                    count(entries, ImportOutcome.UNCHANGED), count(entries, ImportOutcome.REJECTED)), results);
        });
    }

    private static int count(List<Entry> entries, ImportOutcome outcome) {
        return (int) entries.stream().filter(e -> e.outcome == outcome).count();
    }

    private JsonNode bundle(byte[] body) {
        JsonNode root;
        try {
            root = context.mapper().readTree(body);
        } catch (IOException e) {
            throw invalid("", "The body is not valid JSON.");
        }
        if (root == null || !root.isObject() || !"Bundle".equals(root.path("resourceType").asText())) {
            throw invalid("/resourceType", "The body must be a FHIR Bundle (resourceType Bundle) of Device and Endpoint resources.");
        }
        for (java.util.Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!BUNDLE_MEMBERS.contains(name)) {
                throw invalid("/" + name, "Unknown Bundle member '" + name + "'.");
            }
        }
        String bundleType = root.path("type").asText();
        if (!Set.of("searchset", "collection", "transaction", "batch").contains(bundleType)) {
            throw invalid("/type", "Bundle type must be searchset, collection, transaction or batch.");
        }
        JsonNode entries = root.path("entry");
        if (!entries.isMissingNode() && !entries.isArray()) {
            throw invalid("/entry", "Bundle entry must be an array.");
        }
        for (int i = 0; i < entries.size(); i++) {
            if (!entries.get(i).isObject() || !entries.get(i).path("resource").isObject()) {
                throw invalid("/entry/" + i + "/resource", "Each entry needs a resource object.");
            }
        }
        return root;
    }

    private static List<Csv.Row> csvRows(byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw invalid("", "The CSV file must be UTF-8.");
        }
        try {
            List<Csv.Row> rows = Csv.parse(text);
            if (rows.isEmpty()) {
                throw invalid("", "The CSV file needs a header row.");
            }
            return rows;
        } catch (IllegalArgumentException e) {
            throw invalid("", e.getMessage());
        }
    }

    private Entry planFhir(Connection c, Principal caller, int index, JsonNode entry, Seen seen, RegistrationStatus status)
            throws SQLException {
        JsonNode resource = entry.path("resource");
        String resourceType = resource.path("resourceType").asText(null);
        Entry e = new Entry(index, null, resourceType);
        for (java.util.Iterator<String> it = entry.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!ENTRY_MEMBERS.contains(name)) {
                e.warnings.add(new FieldIssue("/" + name, "UNKNOWN_ELEMENT", "Ignored unknown entry member " + name + "."));
            }
        }
        if ("Device".equals(resourceType)) {
            e.recordType = RecordType.ACCREDITED_SYSTEM;
            SdsFhir.DeviceFields d = SdsFhir.readDevice(resource, e.warnings, e.errors);
            e.identifier = d.asid();
            if (e.errors.isEmpty()) {
                planSystem(c, caller, e, new AccreditedSystemCreate(d.asid(), d.odsCode(), null, d.manufacturerOdsCode(),
                        null, null, d.partyKey(), d.interactions()), d.id(), true, seen, status);
            }
        } else if ("Endpoint".equals(resourceType)) {
            e.recordType = RecordType.ENDPOINT;
            SdsFhir.EndpointFields f = SdsFhir.readEndpoint(resource, e.warnings, e.errors);
            e.identifier = f.partyKey();
            if (e.errors.isEmpty()) {
                MhsEndpoint existing = f.partyKey() == null || f.url() == null ? null
                        : store.findEndpointByAddress(c, f.partyKey(), f.url()).orElse(null);
                MessagingPattern pattern = patternFor(f, existing, e.warnings);
                MhsEndpointChange change = new MhsEndpointChange(existing == null ? null : existing.name(), f.odsCode(),
                        f.partyKey(), f.url(), f.cpaId(), f.interactions(), pattern, f.reliability(), f.mhsActor(), f.fqdn(),
                        existing == null ? null : certificateInput(existing.certificate()));
                planEndpoint(c, caller, e, change, f.id(), existing, seen, status);
            }
        } else {
            e.errors.add(new FieldIssue("/resourceType", "UNSUPPORTED_RESOURCE", "Only Device and Endpoint resources are "
                    + "imported" + (resourceType == null ? "." : "; this entry is a " + resourceType + ".")));
        }
        return e;
    }

    /** SDS Endpoints do not carry a pattern: it comes from the catalogue entries of their interactions. */
    private MessagingPattern patternFor(SdsFhir.EndpointFields f, MhsEndpoint existing, List<FieldIssue> warnings) {
        Set<MessagingPattern> patterns = f.interactions().stream().map(catalogue::get).filter(Objects::nonNull)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (patterns.size() == 1) {
            return patterns.iterator().next();
        }
        MessagingPattern fallback = !patterns.isEmpty() ? patterns.iterator().next()
                : existing != null ? existing.messagingPattern()
                : f.reliability() != null ? MessagingPattern.ASYNC_RELIABLE : MessagingPattern.ASYNC_EXPRESS;
        warnings.add(new FieldIssue("/extension", CheckRule.INTERACTION_PATTERN_MISMATCH.code(), patterns.isEmpty()
                ? "No interaction of this endpoint is in the catalogue; its messaging pattern is taken as " + fallback.code() + "."
                : "The endpoint's interactions have different patterns in the catalogue (" + patterns.stream()
                .map(MessagingPattern::code).collect(Collectors.joining(", ")) + "); taken as " + fallback.code() + "."));
        return fallback;
    }

    private void planSystem(Connection c, Principal caller, Entry e, AccreditedSystemCreate candidate, String sdsId,
                            boolean keepUnsentMembers, Seen seen, RegistrationStatus status) throws SQLException {
        AccreditedSystemCreate s = withInteractions(candidate, dedupe(candidate.interactions(), e.warnings));
        e.identifier = s.asid();
        e.errors.addAll(RegistrationRules.systemErrors(s.asid(), s.odsCode(), s.name(), s.manufacturerOdsCode(),
                s.productName(), s.productVersion(), s.partyKey(), s.interactions(), true));
        if (!e.errors.isEmpty()) {
            return;
        }
        if (!seen.keys.add("system " + s.asid())) {
            e.errors.add(new FieldIssue("/asid", "ALREADY_EXISTS", "ASID " + s.asid() + " appears earlier in this import."));
            return;
        }
        if (!organisationKnown(c, s.odsCode(), seen)) {
            e.errors.add(ownerUnknown("/odsCode", s.odsCode()));
            return;
        }
        if (s.manufacturerOdsCode() != null && !organisationKnown(c, s.manufacturerOdsCode(), seen)) {
            e.warnings.add(new FieldIssue("/manufacturerOdsCode", CheckRule.OWNER_UNKNOWN.code(),
                    "Manufacturer " + s.manufacturerOdsCode() + " is not a registered organisation."));
        }
        e.warnings.addAll(RegistrationRules.systemWarnings(s.asid(), s.odsCode(), s.partyKey()));
        unknownInteractions(s.interactions(), e.warnings);
        AccreditedSystem existing = store.findSystem(c, s.asid(), false).orElse(null);
        e.recordId = s.asid();
        if (existing == null) {
            e.outcome = ImportOutcome.CREATED;
            e.apply = conn -> {
                AccreditedSystem created = store.insertSystem(conn, caller, s, status, sdsId);
                context.audit().record(conn, caller, "import", "accredited-system", s.asid(), null, null, created);
                return s.asid();
            };
            return;
        }
        if (retired(e, existing.status())) {
            return;
        }
        AccreditedSystemUpdate update = new AccreditedSystemUpdate(s.odsCode(),
                keepUnsentMembers ? existing.name() : s.name(), s.manufacturerOdsCode(),
                keepUnsentMembers ? existing.productName() : s.productName(),
                keepUnsentMembers ? existing.productVersion() : s.productVersion(), s.partyKey(), s.interactions());
        String newSdsId = sdsId != null ? sdsId : existing.sdsId();
        if (update.equals(new AccreditedSystemUpdate(existing.odsCode(), existing.name(), existing.manufacturerOdsCode(),
                existing.productName(), existing.productVersion(), existing.partyKey(), existing.interactions()))
                && Objects.equals(newSdsId, existing.sdsId())) {
            e.outcome = ImportOutcome.UNCHANGED;
            return;
        }
        e.outcome = ImportOutcome.UPDATED;
        e.apply = conn -> {
            AccreditedSystem after = store.applySystemUpdate(conn, caller, s.asid(), update, newSdsId);
            context.audit().record(conn, caller, "import", "accredited-system", s.asid(), null, existing, after);
            return s.asid();
        };
    }

    private void planEndpoint(Connection c, Principal caller, Entry e, MhsEndpointChange candidate, String sdsId,
                              MhsEndpoint existing, Seen seen, RegistrationStatus status) throws SQLException {
        MhsEndpointChange change = withInteractions(candidate, dedupe(candidate.interactions(), e.warnings));
        e.identifier = change.partyKey();
        e.errors.addAll(RegistrationRules.endpointErrors(change));
        if (!e.errors.isEmpty()) {
            return;
        }
        if (!seen.keys.add("endpoint " + change.partyKey() + " " + change.url())) {
            e.errors.add(new FieldIssue("/partyKey", "ALREADY_EXISTS", "An endpoint with party key " + change.partyKey()
                    + " and this URL appears earlier in this import."));
            return;
        }
        if (!organisationKnown(c, change.odsCode(), seen)) {
            e.errors.add(ownerUnknown("/odsCode", change.odsCode()));
            return;
        }
        String fqdn = change.fqdn() != null ? change.fqdn() : RegistrationRules.hostOf(change.url()).orElse(null);
        e.warnings.addAll(RegistrationRules.endpointWarnings(change.odsCode(), change.partyKey(), change.url(), fqdn));
        unknownInteractions(change.interactions(), e.warnings);
        if (existing == null) {
            existing = store.findEndpointByAddress(c, change.partyKey(), change.url()).orElse(null);
        }
        if (existing == null) {
            e.outcome = ImportOutcome.CREATED;
            e.apply = conn -> {
                MhsEndpoint created = store.insertEndpoint(conn, caller, change, status, sdsId);
                context.audit().record(conn, caller, "import", "endpoint", created.id().toString(), null, null, created);
                return created.id().toString();
            };
            return;
        }
        e.recordId = existing.id().toString();
        if (retired(e, existing.status())) {
            return;
        }
        MhsEndpoint before = existing;
        String newSdsId = sdsId != null ? sdsId : before.sdsId();
        MhsEndpointChange normalised = new MhsEndpointChange(change.name(), change.odsCode(), change.partyKey(),
                change.url(), change.cpaId(), change.interactions(), change.messagingPattern(), change.reliability(),
                change.mhsActor(), fqdn, change.certificate());
        if (normalised.equals(changeOf(before)) && Objects.equals(newSdsId, before.sdsId())) {
            e.outcome = ImportOutcome.UNCHANGED;
            return;
        }
        e.outcome = ImportOutcome.UPDATED;
        e.apply = conn -> {
            MhsEndpoint after = store.applyEndpointUpdate(conn, caller, before.id(), normalised, newSdsId);
            context.audit().record(conn, caller, "import", "endpoint", before.id().toString(), null, before, after);
            return before.id().toString();
        };
    }

    private void planOrganisation(Connection c, Principal caller, Entry e, OrganisationCreate o, Seen seen,
                                  RegistrationStatus status) throws SQLException {
        e.identifier = o.odsCode();
        e.errors.addAll(RegistrationRules.organisationErrors(o.odsCode(), o.name(), o.kind(), o.parentOdsCode(),
                o.postcode(), true));
        if (!e.errors.isEmpty()) {
            return;
        }
        if (!seen.keys.add("organisation " + o.odsCode())) {
            e.errors.add(new FieldIssue("/odsCode", "ALREADY_EXISTS", "ODS code " + o.odsCode() + " appears earlier in this import."));
            return;
        }
        if (o.parentOdsCode() != null && !organisationKnown(c, o.parentOdsCode(), seen)) {
            e.errors.add(new FieldIssue("/parentOdsCode", "UNKNOWN_REFERENCE",
                    "Parent organisation " + o.parentOdsCode() + " is not registered (or earlier in this file)."));
            return;
        }
        seen.organisations.add(o.odsCode());
        e.recordId = o.odsCode();
        Organisation existing = store.findOrganisation(c, o.odsCode(), false).orElse(null);
        if (existing == null) {
            e.outcome = ImportOutcome.CREATED;
            e.apply = conn -> {
                Organisation created = store.insertOrganisation(conn, caller, o, status);
                context.audit().record(conn, caller, "import", "organisation", o.odsCode(), null, null, created);
                return o.odsCode();
            };
            return;
        }
        if (retired(e, existing.status())) {
            return;
        }
        OrganisationUpdate update = new OrganisationUpdate(o.name(), o.kind(), o.parentOdsCode(), o.postcode());
        if (update.equals(new OrganisationUpdate(existing.name(), existing.kind(), existing.parentOdsCode(), existing.postcode()))) {
            e.outcome = ImportOutcome.UNCHANGED;
            return;
        }
        e.outcome = ImportOutcome.UPDATED;
        e.apply = conn -> {
            Organisation after = store.applyOrganisationUpdate(conn, caller, existing, update);
            context.audit().record(conn, caller, "import", "organisation", o.odsCode(), null, existing, after);
            return o.odsCode();
        };
    }

    private static boolean retired(Entry e, RegistrationStatus status) {
        if (status == RegistrationStatus.RETIRED) {
            e.errors.add(new FieldIssue("", "RECORD_RETIRED", "The matching record is retired and kept read-only."));
            return true;
        }
        return false;
    }

    private boolean organisationKnown(Connection c, String odsCode, Seen seen) throws SQLException {
        return seen.organisations.contains(odsCode) || store.findOrganisation(c, odsCode, false).isPresent();
    }

    private static FieldIssue ownerUnknown(String field, String odsCode) {
        return new FieldIssue(field, CheckRule.OWNER_UNKNOWN.code(), "Organisation " + odsCode + " is not registered; "
                + "import or register it first.");
    }

    private void unknownInteractions(List<String> interactions, List<FieldIssue> warnings) {
        for (int i = 0; i < interactions.size(); i++) {
            if (!catalogue.containsKey(interactions.get(i))) {
                warnings.add(new FieldIssue("/interactions/" + i, CheckRule.INTERACTION_UNKNOWN.code(),
                        "Interaction " + interactions.get(i) + " is not in the catalogue; messaging pattern unknown."));
            }
        }
    }

    private static List<String> dedupe(List<String> interactions, List<FieldIssue> warnings) {
        if (interactions == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String id : interactions) {
            if (id != null && out.contains(id)) {
                warnings.add(new FieldIssue("/interactions", CheckRule.DUPLICATE_ASID_INTERACTION.code(),
                        "Interaction " + id + " is listed twice; imported once."));
            } else {
                out.add(id);
            }
        }
        return out;
    }

    private static AccreditedSystemCreate withInteractions(AccreditedSystemCreate s, List<String> interactions) {
        return new AccreditedSystemCreate(s.asid(), s.odsCode(), s.name(), s.manufacturerOdsCode(), s.productName(),
                s.productVersion(), s.partyKey(), interactions);
    }

    private static MhsEndpointChange withInteractions(MhsEndpointChange e, List<String> interactions) {
        return new MhsEndpointChange(e.name(), e.odsCode(), e.partyKey(), e.url(), e.cpaId(), interactions,
                e.messagingPattern(), e.reliability(), e.mhsActor(), e.fqdn(), e.certificate());
    }

    static MhsEndpointChange changeOf(MhsEndpoint e) {
        return new MhsEndpointChange(e.name(), e.odsCode(), e.partyKey(), e.url(), e.cpaId(), e.interactions(),
                e.messagingPattern(), e.reliability(), e.mhsActor(), e.fqdn(), certificateInput(e.certificate()));
    }

    private static CertificateInput certificateInput(Certificate c) {
        return c == null ? null : new CertificateInput(c.subject(), c.issuer(), c.serial(), c.notBefore(), c.notAfter());
    }

    // ---------------------------------------------------------------- CSV rows

    private List<Entry> planCsv(Connection c, Principal caller, RegistrationFileType type, List<Csv.Row> rows, Seen seen,
                                RegistrationStatus status) throws SQLException {
        List<String> columns = columns(type);
        List<String> header = rows.get(0).cells().stream().map(String::trim).toList();
        Set<String> allowed = new HashSet<>(columns);
        allowed.add("status");
        if (type == RegistrationFileType.ENDPOINTS) {
            allowed.add("id");
        }
        for (String name : header) {
            if (!allowed.contains(name)) {
                throw invalid("column." + name, "Unknown column '" + name + "'. A " + type.code() + " file has: "
                        + String.join(", ", columns) + ".");
            }
        }
        if (new HashSet<>(header).size() != header.size()) {
            throw invalid("", "A column is named twice in the header row.");
        }
        List<Entry> out = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            Csv.Row row = rows.get(i);
            Map<String, String> cells = new HashMap<>();
            for (int k = 0; k < header.size() && k < row.cells().size(); k++) {
                String v = row.cells().get(k).trim();
                cells.put(header.get(k), v.isEmpty() ? null : v);
            }
            Entry e = new Entry(i - 1, row.line(), null);
            if (row.cells().size() != header.size()) {
                e.errors.add(new FieldIssue("", "FORMAT", "Row has " + row.cells().size() + " cells; the header has "
                        + header.size() + "."));
                out.add(e);
                continue;
            }
            switch (type) {
                case ORGANISATIONS -> {
                    e.recordType = RecordType.ORGANISATION;
                    OrganisationKind kind = coded(cells, "kind", OrganisationKind.class, e);
                    planOrganisation(c, caller, e, new OrganisationCreate(cells.get("odsCode"), cells.get("name"), kind,
                            cells.get("parentOdsCode"), cells.get("postcode")), seen, status);
                }
                case ACCREDITED_SYSTEMS -> {
                    e.recordType = RecordType.ACCREDITED_SYSTEM;
                    planSystem(c, caller, e, new AccreditedSystemCreate(cells.get("asid"), cells.get("odsCode"),
                            cells.get("name"), cells.get("manufacturerOdsCode"), cells.get("productName"),
                            cells.get("productVersion"), cells.get("partyKey"), list(cells.get("interactions"))),
                            null, false, seen, status);
                }
                case ENDPOINTS -> {
                    e.recordType = RecordType.ENDPOINT;
                    MhsEndpointChange change = endpointRow(cells, e);
                    e.identifier = change.partyKey();
                    if (e.errors.isEmpty()) {
                        planEndpoint(c, caller, e, change, null, null, seen, status);
                    }
                }
                default -> throw new IllegalStateException();
            }
            out.add(e);
        }
        return out;
    }

    private MhsEndpointChange endpointRow(Map<String, String> cells, Entry e) {
        MessagingPattern pattern = null;
        if (cells.get("messagingPattern") != null) {
            pattern = MessagingPattern.parseLenient(cells.get("messagingPattern")).orElse(null);
            if (pattern == null) {
                e.errors.add(new FieldIssue("/messagingPattern", "ENUM", "Messaging pattern is one of: "
                        + codes(MessagingPattern.class) + "."));
            }
        }
        Reliability reliability = null;
        if (anyOf(cells, "retries", "retryInterval", "persistDuration", "ackRequested", "duplicateElimination", "syncReplyMode")) {
            Integer retries = null;
            if (cells.get("retries") != null) {
                try {
                    retries = Integer.valueOf(cells.get("retries"));
                } catch (NumberFormatException ex) {
                    e.errors.add(new FieldIssue("/reliability/retries", "WRONG_TYPE", "Retries is a whole number."));
                }
            }
            reliability = new Reliability(retries, cells.get("retryInterval"), cells.get("persistDuration"),
                    coded(cells, "ackRequested", ReliabilityFlag.class, e), coded(cells, "duplicateElimination", ReliabilityFlag.class, e),
                    coded(cells, "syncReplyMode", SyncReplyMode.class, e));
        }
        CertificateInput certificate = null;
        if (anyOf(cells, "certificateSubject", "certificateIssuer", "certificateSerial", "certificateNotBefore",
                "certificateNotAfter")) {
            certificate = new CertificateInput(cells.get("certificateSubject"), cells.get("certificateIssuer"),
                    cells.get("certificateSerial"), instant(cells, "certificateNotBefore", e), instant(cells, "certificateNotAfter", e));
        }
        return new MhsEndpointChange(cells.get("name"), cells.get("odsCode"), cells.get("partyKey"), cells.get("url"),
                cells.get("cpaId"), list(cells.get("interactions")), pattern, reliability,
                coded(cells, "mhsActor", MhsActor.class, e), cells.get("fqdn"), certificate);
    }

    private static boolean anyOf(Map<String, String> cells, String... names) {
        for (String n : names) {
            if (cells.get(n) != null) {
                return true;
            }
        }
        return false;
    }

    private static Instant instant(Map<String, String> cells, String column, Entry e) {
        String text = cells.get(column);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException ex) {
            e.errors.add(new FieldIssue("column." + column, "FORMAT", "Use an ISO-8601 UTC date-time, for example 2026-11-01T00:00:00Z."));
            return null;
        }
    }

    private static <E extends Enum<E> & Coded> E coded(Map<String, String> cells, String column, Class<E> type, Entry e) {
        String text = cells.get(column);
        if (text == null) {
            return null;
        }
        for (E value : type.getEnumConstants()) {
            if (value.code().equals(text)) {
                return value;
            }
        }
        e.errors.add(new FieldIssue("column." + column, "ENUM", column + " is one of: " + codes(type) + "."));
        return null;
    }

    private static <E extends Enum<E> & Coded> String codes(Class<E> type) {
        return java.util.Arrays.stream(type.getEnumConstants()).map(Coded::code).collect(Collectors.joining(", "));
    }

    private static List<String> list(String cell) {
        return cell == null ? List.of() : java.util.Arrays.stream(cell.split("\\|")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
    }

    /** A JSON Pointer from the record rules, as the CSV column it came from. */
    static String csvField(String pointer) {
        if (pointer == null || pointer.isEmpty() || pointer.startsWith("column.")) {
            return pointer;
        }
        String[] parts = pointer.substring(1).split("/");
        if (parts[0].equals("certificate") && parts.length > 1) {
            return "column.certificate" + Character.toUpperCase(parts[1].charAt(0)) + parts[1].substring(1);
        }
        if (parts[0].equals("reliability") && parts.length > 1) {
            return "column." + parts[1];
        }
        return "column." + parts[0];
    }

    private static List<String> columns(RegistrationFileType type) {
        return switch (type) {
            case ORGANISATIONS -> ORGANISATION_COLUMNS;
            case ACCREDITED_SYSTEMS -> SYSTEM_COLUMNS;
            case ENDPOINTS -> ENDPOINT_COLUMNS;
        };
    }

    private static RecordType recordType(RegistrationFileType type) {
        return switch (type) {
            case ORGANISATIONS -> RecordType.ORGANISATION;
            case ACCREDITED_SYSTEMS -> RecordType.ACCREDITED_SYSTEM;
            case ENDPOINTS -> RecordType.ENDPOINT;
        };
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(400, "INVALID_REQUEST_BODY", "Invalid request body", message,
                List.of(new ProblemException.FieldProblem(field, "INVALID_BODY", message)), null);
    }

    // ---------------------------------------------------------------- export

    /** Writes the export straight to the response, a page at a time, so memory stays flat at any size. */
    void export(Context ctx, Principal caller, String format, RegistrationFileType type, RegistrationFilter filter)
            throws IOException {
        if (format.equals("csv") && type == null) {
            throw ProblemException.badParameter("query.type", "REQUIRED", "A CSV export needs type=organisations, "
                    + "accredited-systems or endpoints.");
        }
        if (format.equals("fhir") && type == RegistrationFileType.ORGANISATIONS) {
            throw ProblemException.badParameter("query.type", "ENUM", "Organisations export as CSV only; SDS FHIR has "
                    + "Device (accredited-systems) and Endpoint (endpoints).");
        }
        String stamp = context.clock().instant().toString().replace(":", "").substring(0, 15);
        ctx.status(200);
        if (format.equals("csv")) {
            ctx.contentType("text/csv; charset=utf-8");
            ctx.header("Content-Disposition", "attachment; filename=\"" + type.code() + "-" + stamp + ".csv\"");
            try (Writer w = new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8)) {
                writeCsv(w, type, filter);
            }
        } else {
            ctx.contentType("application/fhir+json");
            ctx.header("Content-Disposition", "attachment; filename=\"registrations-" + stamp + ".json\"");
            try (OutputStream out = ctx.outputStream()) {
                writeBundle(out, type, filter);
            }
        }
    }

    private void writeBundle(OutputStream out, RegistrationFileType type, RegistrationFilter filter) throws IOException {
        ObjectMapper mapper = context.mapper();
        try (JsonGenerator g = mapper.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("resourceType", "Bundle");
            g.writeStringField("type", "collection");
            g.writeStringField("timestamp", context.clock().instant().toString());
            g.writeArrayFieldStart("entry");
            if (type == null || type == RegistrationFileType.ACCREDITED_SYSTEMS) {
                forEachPage(cursor -> store.systems(filter.withSort("asid"), cursor, EXPORT_PAGE), s -> {
                    g.writeStartObject();
                    g.writeFieldName("resource");
                    mapper.writeTree(g, SdsFhir.device(s));
                    g.writeEndObject();
                });
            }
            if (type == null || type == RegistrationFileType.ENDPOINTS) {
                forEachPage(cursor -> store.endpoints(filter.withSort("party-key"), cursor, EXPORT_PAGE), e -> {
                    g.writeStartObject();
                    g.writeFieldName("resource");
                    mapper.writeTree(g, SdsFhir.endpoint(e));
                    g.writeEndObject();
                });
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private void writeCsv(Writer w, RegistrationFileType type, RegistrationFilter filter) throws IOException {
        List<String> header = new ArrayList<>(columns(type));
        if (type == RegistrationFileType.ENDPOINTS) {
            header.add(0, "id");
        }
        header.add("status");
        w.write(Csv.line(header));
        switch (type) {
            case ORGANISATIONS -> forEachPage(cursor -> store.organisations(filter.withSort("ods-code"), cursor, EXPORT_PAGE),
                    o -> w.write(Csv.line(List.of(o.odsCode(), o.name(), o.kind().code(), nz(o.parentOdsCode()),
                            nz(o.postcode()), o.status().code()))));
            case ACCREDITED_SYSTEMS -> forEachPage(cursor -> store.systems(filter.withSort("asid"), cursor, EXPORT_PAGE),
                    s -> w.write(Csv.line(List.of(s.asid(), s.odsCode(), nz(s.name()), nz(s.manufacturerOdsCode()),
                            nz(s.productName()), nz(s.productVersion()), nz(s.partyKey()), String.join("|", s.interactions()),
                            s.status().code()))));
            case ENDPOINTS -> forEachPage(cursor -> store.endpoints(filter.withSort("party-key"), cursor, EXPORT_PAGE), e -> {
                Reliability r = e.reliability();
                Certificate cert = e.certificate();
                w.write(Csv.line(java.util.Arrays.asList(e.id().toString(), e.partyKey(), e.odsCode(), nz(e.name()), e.url(),
                        e.fqdn(), e.cpaId(), String.join("|", e.interactions()), e.messagingPattern().code(),
                        r == null ? "" : String.valueOf(r.retries()), r == null ? "" : r.retryInterval(),
                        r == null ? "" : r.persistDuration(), r == null ? "" : r.ackRequested().code(),
                        r == null ? "" : r.duplicateElimination().code(), r == null ? "" : r.syncReplyMode().code(),
                        e.mhsActor() == null ? "" : e.mhsActor().code(), cert == null ? "" : cert.subject(),
                        cert == null ? "" : nz(cert.issuer()), cert == null ? "" : cert.serial(),
                        cert == null || cert.notBefore() == null ? "" : cert.notBefore().toString(),
                        cert == null ? "" : cert.notAfter().toString(), e.status().code())));
            });
            default -> throw new IllegalStateException();
        }
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }

    @FunctionalInterface
    private interface PageReader<T> {
        Page<T> read(String cursor);
    }

    @FunctionalInterface
    private interface RowWriter<T> {
        void write(T row) throws IOException;
    }

    private static <T> void forEachPage(PageReader<T> reader, RowWriter<T> writer) throws IOException {
        String cursor = null;
        do {
            Page<T> page = reader.read(cursor);
            for (T row : page.items()) {
                writer.write(row);
            }
            cursor = page.nextCursor();
        } while (cursor != null);
    }
}
