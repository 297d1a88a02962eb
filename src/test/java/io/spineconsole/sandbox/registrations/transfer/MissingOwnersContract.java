package io.spineconsole.sandbox.registrations.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spineconsole.domain.registrations.ImportEntryResult;
import io.spineconsole.domain.registrations.ImportOutcome;
import io.spineconsole.domain.registrations.ImportReport;
import io.spineconsole.domain.registrations.Organisation;
import io.spineconsole.domain.registrations.OrganisationKind;
import io.spineconsole.domain.registrations.RegistrationFileType;
import io.spineconsole.domain.registrations.RegistrationStatus;
import io.spineconsole.sandbox.StoreContract;
import io.spineconsole.sandbox.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Owners not registered yet: the dry run lists them with the entries that need them; asked to, the import
 * registers them (requested, named from the bundle or by ODS code) in the same transaction, audited; not asked,
 * their entries are rejected as before.
 */
abstract class MissingOwnersContract extends StoreContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RegistrationImport.Options DRY_RUN = new RegistrationImport.Options(true, true,
            RegistrationStatus.ACTIVE, false);
    private static final RegistrationImport.Options DRY_RUN_REGISTERING = new RegistrationImport.Options(true, true,
            RegistrationStatus.ACTIVE, true);
    private static final RegistrationImport.Options APPLY_REGISTERING = new RegistrationImport.Options(false, true,
            RegistrationStatus.ACTIVE, true);
    private ImportStore db;

    MissingOwnersContract(TestStore store) {
        super(store);
    }

    @BeforeEach
    void open() {
        db = new ImportStore(store);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void theDryRunListsTheOwnersNotRegisteredWithTheEntriesThatNeedThem() throws Exception {
        ObjectNode second = device(null);
        ((ObjectNode) second.path("identifier").get(0)).put("value", "200000000986");

        ImportReport report = db.fhir(bundle(device("Supplier A"), endpoint(), second), DRY_RUN);

        assertEquals(List.of(new ImportReport.MissingOwner("A20047", "Supplier A", false, List.of(0, 2)),
                new ImportReport.MissingOwner("YES", "YES", false, List.of(1))), report.missingOwners());
        assertEquals(List.of("OWNER_UNKNOWN", "OWNER_UNKNOWN", "OWNER_UNKNOWN"), report.results().stream()
                .map(r -> r.errors().get(0).code()).toList());
        assertEquals(0, db.sql.count("SELECT COUNT(*) FROM organisation"));
    }

    @Test
    void askedToTheImportRegistersThemAsRequestedInTheSameTransactionAudited() throws Exception {
        ImportReport dryRun = db.fhir(bundle(device("Supplier A"), endpoint()), DRY_RUN_REGISTERING);
        assertEquals(List.of(true, true), dryRun.missingOwners().stream().map(ImportReport.MissingOwner::registered).toList());
        assertEquals(List.of(ImportOutcome.CREATED, ImportOutcome.CREATED), outcomes(dryRun));
        assertEquals("OWNER_REGISTERED", dryRun.results().get(0).warnings().stream()
                .filter(w -> w.field().equals("/odsCode")).findFirst().orElseThrow().code());
        assertEquals(0, db.sql.count("SELECT COUNT(*) FROM organisation"), "a dry run writes nothing");

        ImportReport applied = db.fhir(bundle(device("Supplier A"), endpoint()), APPLY_REGISTERING);

        assertTrue(applied.applied());
        Organisation supplier = db.stores.organisations().get("A20047");
        assertEquals("Supplier A", supplier.name());
        assertEquals(RegistrationStatus.REQUESTED, supplier.status(), "an owner is requested, whatever its records start as");
        assertEquals(OrganisationKind.OTHER, supplier.kind());
        assertEquals("YES", db.stores.organisations().get("YES").name(), "no name in the bundle: its ODS code");
        assertEquals(RegistrationStatus.ACTIVE, db.stores.systems().get("200000000985").status());
        assertEquals(List.of("import organisation A20047", "import organisation YES"), db.audit("organisation"));

        ImportReport again = db.fhir(bundle(device("Supplier A"), endpoint()), APPLY_REGISTERING);
        assertEquals(List.of(), again.missingOwners(), "registered now");
    }

    @Test
    void anAllOrNothingImportWithARejectedEntryRegistersNoOwnerEither() throws Exception {
        ObjectNode broken = device("Supplier A");
        ((ObjectNode) broken.path("identifier").get(0)).put("value", "123");

        ImportReport report = db.fhir(bundle(endpoint(), broken), APPLY_REGISTERING);

        assertFalse(report.applied());
        assertEquals(List.of(ImportOutcome.CREATED, ImportOutcome.REJECTED), outcomes(report));
        assertEquals(0, db.sql.count("SELECT COUNT(*) FROM organisation"));
        assertEquals(List.of(), db.audit("organisation"));
    }

    @Test
    void aCsvFileOfSystemsNamesItsMissingOwnersByOdsCode() {
        ImportReport report = db.csv(RegistrationFileType.ACCREDITED_SYSTEMS, "asid,odsCode,partyKey\n"
                + "200000000986,RR8,RR8-0000001\n", new RegistrationImport.Options(false, true, RegistrationStatus.REQUESTED, true));

        assertEquals(List.of(new ImportReport.MissingOwner("RR8", "RR8", true, List.of(0))), report.missingOwners());
        assertEquals(RegistrationStatus.REQUESTED, db.stores.organisations().get("RR8").status());
    }

    private static List<ImportOutcome> outcomes(ImportReport report) {
        return report.results().stream().map(ImportEntryResult::outcome).toList();
    }

    private static ObjectNode device(String ownerName) throws Exception {
        ObjectNode device = (ObjectNode) resource("DeviceBundle.json");
        if (ownerName != null) {
            ((ObjectNode) device.path("owner")).put("display", ownerName);
        }
        return device;
    }

    private static ObjectNode endpoint() throws Exception {
        return (ObjectNode) resource("EndpointBundle.json");
    }

    private static JsonNode resource(String bundle) throws Exception {
        return JSON.readTree(FhirBundleReaderTest.example(bundle)).path("entry").get(0).path("resource");
    }

    private static String bundle(JsonNode... resources) throws Exception {
        ObjectNode b = JSON.createObjectNode().put("resourceType", "Bundle").put("type", "collection");
        ArrayNode entries = b.putArray("entry");
        for (JsonNode r : resources) {
            entries.addObject().set("resource", r);
        }
        return JSON.writeValueAsString(b);
    }
}
