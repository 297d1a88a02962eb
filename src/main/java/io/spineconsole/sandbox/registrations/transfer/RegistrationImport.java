package io.spineconsole.sandbox.registrations.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import io.spineconsole.domain.messages.MessagingPattern;
import io.spineconsole.sandbox.Actor;
import io.spineconsole.domain.registrations.RegistrationStatus;
import io.spineconsole.domain.registrations.AccreditedSystemCreate;
import io.spineconsole.domain.registrations.FieldIssue;
import io.spineconsole.domain.registrations.ImportEntryResult;
import io.spineconsole.domain.registrations.ImportOutcome;
import io.spineconsole.domain.registrations.ImportReport;
import io.spineconsole.domain.registrations.MhsEndpoint;
import io.spineconsole.domain.registrations.MhsEndpointChange;
import io.spineconsole.domain.registrations.RecordType;
import io.spineconsole.domain.sds.SdsDevice;
import io.spineconsole.domain.registrations.RegistrationFileType;
import io.spineconsole.sandbox.InteractionCatalogue;
import io.spineconsole.sandbox.registrations.Registrations;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Bulk import of registrations from an SDS FHIR Bundle or a CSV file, with a dry run that writes
 * nothing. The file is read as it arrives and each entry planned as it is read ({@link ImportPlanner});
 * once the whole file is read and sound, the accepted entries are written in the same transaction
 * (all or none when {@code atomic}), and the report gives every entry's outcome, warnings and errors.
 */
public final class RegistrationImport {
    private static final Set<String> ENTRY_MEMBERS = Set.of("fullUrl", "resource", "search", "request", "response");

    /**
     * @param dryRun report only, write nothing
     * @param atomic write nothing when any entry is rejected
     * @param status what created records start as
     * @param registerMissingOwners register the owning organisations the file needs that are not registered
     *                              (as requested, audited), instead of rejecting the entries that need them
     */
    public record Options(boolean dryRun, boolean atomic, RegistrationStatus status, boolean registerMissingOwners) {
        /** Missing owners reject the entries that need them. */
        public Options(boolean dryRun, boolean atomic, RegistrationStatus status) {
            this(dryRun, atomic, status, false);
        }
    }

    private final Registrations stores;
    private final FhirBundleReader bundles;
    private final Map<String, MessagingPattern> catalogue = new HashMap<>();

    public RegistrationImport(Registrations stores) {
        this.stores = stores;
        this.bundles = new FhirBundleReader(stores.context().mapper());
        for (InteractionCatalogue.Interaction i : stores.context().interactions().all()) {
            catalogue.put(i.id(), i.pattern());
        }
    }

    /** Imports the Device and Endpoint resources of an SDS FHIR Bundle. */
    public ImportReport fhir(Actor caller, InputStream body, Options options) {
        return stores.context().sql().inTransaction(c -> {
            MissingOwners missing = new MissingOwners(options.registerMissingOwners());
            ImportPlanner planner = new ImportPlanner(stores, catalogue, caller, options.status(), missing);
            List<ImportEntry> entries = new ArrayList<>();
            bundles.read(body, new FhirBundleReader.Entries() {
                @Override
                public void startOver() {
                    entries.clear();
                    planner.startOver();
                }

                @Override
                public void entry(int index, JsonNode entry) throws SQLException {
                    ImportEntry e = fhirEntry(c, planner, index, entry);
                    if (options.dryRun()) {
                        e.apply = null; // a dry run writes nothing: keep what it would do, not how (100,000 entries)
                    }
                    entries.add(e);
                }
            });
            return report(c, caller, entries, missing, options, "fhir", null, Function.identity());
        });
    }

    /** Imports the records of one type from a CSV file with a header row. */
    public ImportReport csv(Actor caller, RegistrationFileType type, InputStream body, Options options) {
        return stores.context().sql().inTransaction(c -> {
            MissingOwners missing = new MissingOwners(options.registerMissingOwners());
            ImportPlanner planner = new ImportPlanner(stores, catalogue, caller, options.status(), missing);
            List<ImportEntry> entries = new ArrayList<>();
            CsvFileReader.read(body, type, row -> entries.add(csvEntry(c, planner, type, row)));
            return report(c, caller, entries, missing, options, "csv", CsvRecords.recordType(type), CsvRecords::csvField);
        });
    }

    private ImportReport report(Connection c, Actor caller, List<ImportEntry> entries, MissingOwners missing,
                                Options options, String format, RecordType recordType,
                                Function<String, String> fieldName) throws SQLException {
        boolean anyRejected = entries.stream().anyMatch(e -> e.outcome == ImportOutcome.REJECTED);
        boolean apply = !options.dryRun() && (!options.atomic() || !anyRejected);
        if (apply) {
            missing.apply(c, stores, stores.context().audit(), caller);
            for (ImportEntry e : entries) {
                if (e.apply != null) {
                    e.recordId = e.apply.run(c);
                }
            }
        }
        List<ImportEntryResult> results = entries.stream().map(e -> e.result(fieldName)).toList();
        return new ImportReport(options.dryRun(), apply && entries.stream().anyMatch(e -> e.apply != null), format,
                recordType, entries.size(), new ImportReport.Counts(count(entries, ImportOutcome.CREATED),
                count(entries, ImportOutcome.UPDATED), count(entries, ImportOutcome.UNCHANGED),
                count(entries, ImportOutcome.REJECTED)), results, missing.report());
    }

    private static int count(List<ImportEntry> entries, ImportOutcome outcome) {
        return (int) entries.stream().filter(e -> e.outcome == outcome).count();
    }

    private ImportEntry fhirEntry(Connection c, ImportPlanner planner, int index, JsonNode entry) throws SQLException {
        JsonNode resource = entry.path("resource");
        String resourceType = resource.path("resourceType").asText(null);
        ImportEntry e = new ImportEntry(index, null, resourceType);
        for (Iterator<String> it = entry.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!ENTRY_MEMBERS.contains(name)) {
                e.warnings.add(new FieldIssue("/" + name, "UNKNOWN_ELEMENT", "Ignored unknown entry member " + name + "."));
            }
        }
        if ("Device".equals(resourceType)) {
            e.recordType = RecordType.ACCREDITED_SYSTEM;
            SdsDevice d = SdsFhirEntries.device(resource, e.warnings, e.errors);
            e.identifier = d.asid();
            if (e.errors.isEmpty()) {
                planner.system(c, e, new AccreditedSystemCreate(d.asid(), d.odsCode(), null, d.manufacturerOdsCode(),
                        null, null, d.partyKey(), d.interactions()), d.id(), true, d.ownerName());
            }
        } else if ("Endpoint".equals(resourceType)) {
            e.recordType = RecordType.ENDPOINT;
            SdsFhirEntries.EndpointFields f = SdsFhirEntries.endpoint(resource, e.warnings, e.errors);
            e.identifier = f.partyKey();
            if (e.errors.isEmpty()) {
                MhsEndpoint existing = f.partyKey() == null || f.url() == null ? null
                        : stores.endpoints().findByAddress(c, f.partyKey(), ImportLeniency.url(f.url())).orElse(null);
                MessagingPattern pattern = planner.patternFor(f.interactions(), f.reliability(), existing, e.warnings);
                // SDS does not carry a name or a certificate: an endpoint it updates keeps its own.
                MhsEndpointChange change = new MhsEndpointChange(existing == null ? null : existing.name(), f.odsCode(),
                        f.partyKey(), f.url(), f.cpaId(), f.interactions(), pattern, f.reliability(), f.mhsActor(), f.fqdn(),
                        existing == null ? null : ImportPlanner.certificateInput(existing.certificate()));
                planner.endpoint(c, e, change, f.id(), existing,
                        resource.path("managingOrganization").path("display").asText(null));
            }
        } else {
            e.errors.add(new FieldIssue("/resourceType", "UNSUPPORTED_RESOURCE", "Only Device and Endpoint resources are "
                    + "imported" + (resourceType == null ? "." : "; this entry is a " + resourceType + ".")));
        }
        return e;
    }

    private static ImportEntry csvEntry(Connection c, ImportPlanner planner, RegistrationFileType type,
                                        CsvFileReader.CsvEntry row) throws SQLException {
        ImportEntry e = new ImportEntry(row.index(), row.line(), null);
        if (row.cellCount() != row.columns()) {
            e.errors.add(new FieldIssue("", "FORMAT", "Row has " + row.cellCount() + " cells; the header has "
                    + row.columns() + "."));
            return e;
        }
        e.recordType = CsvRecords.recordType(type);
        switch (type) {
            case ORGANISATIONS -> planner.organisation(c, e, CsvRecords.organisation(row.cells(), e.errors));
            case ACCREDITED_SYSTEMS -> planner.system(c, e, CsvRecords.system(row.cells()), null, false, null);
            case ENDPOINTS -> {
                MhsEndpointChange change = CsvRecords.endpoint(row.cells(), e.errors);
                e.identifier = change.partyKey();
                if (e.errors.isEmpty()) {
                    planner.endpoint(c, e, change, null, null, null);
                }
            }
            default -> throw new IllegalStateException("No CSV layout for " + type);
        }
        return e;
    }
}
