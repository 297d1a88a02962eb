package io.spineconsole.sandbox.registrations.transfer;

import io.spineconsole.sandbox.Actor;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spineconsole.api.wire.WireJson;
import io.spineconsole.domain.messages.MessagingPattern;
import io.spineconsole.domain.Principal;
import io.spineconsole.domain.registrations.RegistrationStatus;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.registrations.AccreditedSystem;
import io.spineconsole.domain.registrations.FieldIssue;
import io.spineconsole.domain.registrations.ImportEntryResult;
import io.spineconsole.domain.registrations.ImportOutcome;
import io.spineconsole.domain.registrations.ImportReport;
import io.spineconsole.domain.registrations.MhsEndpoint;
import io.spineconsole.domain.registrations.RecordType;
import io.spineconsole.domain.registrations.RegistrationFileType;
import io.spineconsole.sandbox.AuditLog;
import io.spineconsole.sandbox.InteractionCatalogue;
import io.spineconsole.sandbox.SandboxContext;
import io.spineconsole.sandbox.SandboxDatabase;
import io.spineconsole.sandbox.Sql;
import io.spineconsole.sandbox.registrations.Registrations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The import planner and writer on an empty store: each entry judged against the store and what came
 * earlier in its file, nothing written on a dry run or when an all-or-nothing file has a rejected entry,
 * and every write audited as an import.
 */
class RegistrationImportTest {
    private static final Actor ADMIN = new Actor(new Principal("ada.admin", Role.ADMIN, 1), null);
    private static final RegistrationImport.Options APPLY = new RegistrationImport.Options(false, true,
            RegistrationStatus.REQUESTED);
    private static final RegistrationImport.Options DRY_RUN = new RegistrationImport.Options(true, true,
            RegistrationStatus.REQUESTED);

    private SandboxDatabase database;
    private Sql sql;
    private Registrations stores;
    private RegistrationImport imports;

    @BeforeEach
    void open() {
        database = SandboxDatabase.open("jdbc:h2:mem:import-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", null, null);
        sql = new Sql(database.dataSource());
        ObjectMapper mapper = WireJson.strictMapper();
        Clock clock = Clock.systemUTC();
        stores = new Registrations(new SandboxContext(sql, clock, new AuditLog(mapper, clock), mapper, database.product(),
                InteractionCatalogue.load()));
        imports = new RegistrationImport(stores);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void theSdsEndpointExampleNeedsItsOwnerThenIsCreatedThenLeftUnchanged() throws Exception {
        ImportReport dryRun = imports.fhir(ADMIN, utf8(FhirBundleReaderTest.example("EndpointBundle.json")), DRY_RUN);
        ImportEntryResult rejected = dryRun.results().get(0);
        assertEquals(ImportOutcome.REJECTED, rejected.outcome());
        assertEquals("Endpoint", rejected.resourceType());
        assertEquals("YES-0000806", rejected.identifier());
        assertEquals(List.of(new FieldIssue("/odsCode", "OWNER_UNKNOWN",
                "Organisation YES is not registered; import or register it first.")), rejected.errors());

        assertEquals(ImportOutcome.CREATED, csv(RegistrationFileType.ORGANISATIONS,
                "odsCode,name,kind\nYES,NHS Spine,national-service\n", APPLY).results().get(0).outcome());
        ImportReport created = imports.fhir(ADMIN, utf8(FhirBundleReaderTest.example("EndpointBundle.json")), APPLY);
        assertTrue(created.applied());
        assertEquals(new ImportReport.Counts(1, 0, 0, 0), created.counts());
        MhsEndpoint endpoint = stores.endpoints().get(UUID.fromString(created.results().get(0).recordId()));
        assertEquals(MessagingPattern.ASYNC_RELIABLE, endpoint.messagingPattern(), "the pattern comes from the catalogue");
        assertEquals("08CE3BFB-5055-422B-9AE5-80DF6F4E1C61", endpoint.sdsId());
        assertEquals(RegistrationStatus.REQUESTED, endpoint.status());
        assertEquals(List.of("import endpoint " + endpoint.id()), audit("endpoint"));

        ImportReport again = imports.fhir(ADMIN, utf8(FhirBundleReaderTest.example("EndpointBundle.json")), APPLY);
        assertEquals(ImportOutcome.UNCHANGED, again.results().get(0).outcome());
        assertFalse(again.applied(), "nothing to write");
        assertEquals(endpoint.id().toString(), again.results().get(0).recordId());
    }

    @Test
    void anSdsDeviceUpdatesTheSystemButKeepsWhatSdsDoesNotCarry() throws Exception {
        csv(RegistrationFileType.ORGANISATIONS, "odsCode,name,kind\nA20047,Supplier,supplier\n", APPLY);
        csv(RegistrationFileType.ACCREDITED_SYSTEMS, "asid,odsCode,name,productName,partyKey\n"
                + "200000000985,A20047,GP system,GP Connect,A20047-821870\n", APPLY);

        ImportReport report = imports.fhir(ADMIN, utf8(FhirBundleReaderTest.example("DeviceBundle.json")), APPLY);

        assertEquals(ImportOutcome.UPDATED, report.results().get(0).outcome());
        AccreditedSystem system = stores.systems().get("200000000985");
        assertEquals("GP system", system.name());
        assertEquals("GP Connect", system.productName());
        assertEquals("A20047", system.manufacturerOdsCode());
        assertEquals(2, system.interactions().size());
        assertEquals("0E512499-E65C-4AE9-BEEC-224917FCDE94", system.sdsId());
    }

    @Test
    void aCsvFileIsAllOrNothingUnlessAskedOtherwise() {
        String file = "odsCode,name,kind,parentOdsCode\n"
                + "RR8,Leeds Teaching Hospitals,trust,\n"
                + "RR801,St James's,trust-site,RR8\n"
                + "A81001,Orphan,gp-practice,Y99\n"
                + "RR8,Again,trust,\n"
                + "B81001,Bad kind,surgery,\n";

        ImportReport atomic = csv(RegistrationFileType.ORGANISATIONS, file, APPLY);

        assertEquals(List.of(ImportOutcome.CREATED, ImportOutcome.CREATED, ImportOutcome.REJECTED, ImportOutcome.REJECTED,
                ImportOutcome.REJECTED), atomic.results().stream().map(ImportEntryResult::outcome).toList());
        assertEquals("column.parentOdsCode", atomic.results().get(2).errors().get(0).field(),
                "a CSV error names its column");
        assertEquals("ALREADY_EXISTS", atomic.results().get(3).errors().get(0).code());
        assertEquals(List.of("column.kind", "column.kind"), atomic.results().get(4).errors().stream()
                .map(FieldIssue::field).toList(), "a code it does not know, and so no kind");
        assertEquals(List.of(2, 3, 4, 5, 6), atomic.results().stream().map(ImportEntryResult::line).toList());
        assertFalse(atomic.applied());
        assertEquals(0, sql.count("SELECT COUNT(*) FROM organisation"), "one rejected entry: nothing written");
        assertEquals("RR801", atomic.results().get(1).recordId(), "not written, but a planned organisation names its record");

        ImportReport partial = csv(RegistrationFileType.ORGANISATIONS, file,
                new RegistrationImport.Options(false, false, RegistrationStatus.ACTIVE));
        assertTrue(partial.applied());
        assertEquals(new ImportReport.Counts(2, 0, 0, 3), partial.counts());
        assertEquals(RegistrationStatus.ACTIVE, stores.organisations().get("RR801").status());
        assertEquals(List.of("import organisation RR8", "import organisation RR801"), audit("organisation"));
    }

    @Test
    void aRetiredRecordIsKeptReadOnlyAndAnUnchangedOneIsNotWritten() {
        csv(RegistrationFileType.ORGANISATIONS, "odsCode,name,kind\nRR8,Leeds,trust\nX26,Supplier,supplier\n", APPLY);
        sql.update("UPDATE organisation SET status = 'retired' WHERE ods_code = 'X26'");

        ImportReport report = csv(RegistrationFileType.ORGANISATIONS, "odsCode,name,kind\nRR8,Leeds,trust\n"
                + "X26,Supplier renamed,supplier\n", APPLY);

        assertEquals(ImportOutcome.UNCHANGED, report.results().get(0).outcome());
        assertEquals(ImportOutcome.REJECTED, report.results().get(1).outcome());
        assertEquals("RECORD_RETIRED", report.results().get(1).errors().get(0).code());
        assertEquals(RecordType.ORGANISATION, report.results().get(1).recordType());
        assertEquals("Supplier", stores.organisations().get("X26").name());
    }

    @Test
    void aRowWithTheWrongNumberOfCellsIsRejectedOnItsOwn() {
        ImportReport report = csv(RegistrationFileType.ORGANISATIONS, "odsCode,name,kind\nRR8,Leeds\n",
                new RegistrationImport.Options(true, true, RegistrationStatus.REQUESTED));

        ImportEntryResult row = report.results().get(0);
        assertEquals(List.of(new FieldIssue("", "FORMAT", "Row has 2 cells; the header has 3.")), row.errors());
        assertNull(row.recordType());
        assertEquals(RecordType.ORGANISATION, report.recordType());
    }

    private ImportReport csv(RegistrationFileType type, String text, RegistrationImport.Options options) {
        return imports.csv(ADMIN, type, utf8(text), options);
    }

    private List<String> audit(String entityType) {
        return sql.list("SELECT action, entity_id FROM audit_event WHERE entity_type = ? ORDER BY id",
                r -> r.getString(1) + " " + entityType + " " + r.getString(2), entityType);
    }

    private static InputStream utf8(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
