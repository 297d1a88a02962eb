package io.spineconsole.sandbox.registrations.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spineconsole.domain.registrations.AccreditedSystem;
import io.spineconsole.domain.registrations.FieldIssue;
import io.spineconsole.domain.registrations.ImportEntryResult;
import io.spineconsole.domain.registrations.ImportOutcome;
import io.spineconsole.domain.registrations.ImportReport;
import io.spineconsole.domain.registrations.MhsEndpoint;
import io.spineconsole.domain.registrations.RegistrationFileType;
import io.spineconsole.sandbox.StoreContract;
import io.spineconsole.sandbox.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.spineconsole.sandbox.registrations.transfer.ImportStore.APPLY;
import static io.spineconsole.sandbox.registrations.transfer.ImportStore.DRY_RUN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The importer takes real extracts as SDS publishes them, starting from the published examples: host names in
 * any case and with a trailing dot, every interaction form SDS carries in a list of 478, a stray comma cleaned
 * and a value that is no interaction set aside, each with a warning on its value; and it still refuses, per
 * entry, an ASID that is not 12 digits or a party key that is not one.
 */
abstract class ImportLeniencyContract extends StoreContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EBXML = "urn:oasis:names:tc:ebxml-msg:service:";
    private static final String NESTED = "urn:nhs:names:services:pds:urn:spine:interactionid:QUPA_IN000008UK02";
    private static final String DOTTED = "urn:nhs:names:services:gpconnect:fhir:DocumentReference.read";
    private static final String CLEAN = "urn:nhs:names:services:gpconnect:fhir:rest:search:patient";
    private static final String COMMA = CLEAN + ",";
    private static final String BROKEN = "urn:nhs:names:services:psis REPC_IN150016UK06";
    private ImportStore db;

    ImportLeniencyContract(TestStore store) {
        super(store);
    }

    @BeforeEach
    void open() {
        db = new ImportStore(store);
        db.csv(RegistrationFileType.ORGANISATIONS, "odsCode,name,kind\nA20047,Supplier,supplier\nYES,NHS Spine,"
                + "national-service\n", APPLY);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void anAccreditedSystemWithAllFourHundredAndSeventyEightInteractionsIsImportedWithoutTheOneThatIsNone()
            throws Exception {
        List<String> interactions = realShapedInteractions();
        assertEquals(478, interactions.size());

        ImportReport report = db.fhir(bundle(device(interactions)), APPLY);

        ImportEntryResult entry = report.results().get(0);
        assertEquals(ImportOutcome.CREATED, entry.outcome(), entry.errors().toString());
        AccreditedSystem system = db.stores.systems().get("200000000985");
        assertEquals(477, system.interactions().size(), "only the value that is no interaction is left out");
        assertTrue(system.interactions().containsAll(List.of(EBXML + "Acknowledgment", EBXML + "MessageError",
                EBXML + "Ping", NESTED, DOTTED, CLEAN)));
        assertTrue(!system.interactions().contains(BROKEN) && !system.interactions().contains(COMMA));
        assertEquals(List.of(
                new FieldIssue("/interactions/476", ImportLeniency.INTERACTION_CLEANED, "Interaction '" + COMMA
                        + "' had stray characters around it; cleaned to " + CLEAN + "."),
                new FieldIssue("/interactions/477", ImportLeniency.INTERACTION_SET_ASIDE, "'" + BROKEN + "' is not an "
                        + "interaction ID; set aside, not imported. An interaction ID looks like "
                        + "urn:nhs:names:services:<service>:<interaction>.")),
                entry.warnings().stream().filter(w -> w.code().startsWith("INTERACTION_") && !w.code().equals("INTERACTION_UNKNOWN"))
                        .toList());
    }

    @Test
    void hostNamesAreWrittenInLowerCaseWithoutATrailingDotAndTheWarningSaysSo() throws Exception {
        ObjectNode endpoint = endpoint();
        endpoint.put("address", "https://MSG.Int.Spine2.NCRS.nhs.uk./reliablemessaging/reliablerequest");
        ((ObjectNode) endpoint.path("identifier").get(0)).put("value", "MSG.INT.SPINE2.NCRS.NHS.UK.");

        ImportReport report = db.fhir(bundle(endpoint), APPLY);

        ImportEntryResult entry = report.results().get(0);
        assertEquals(ImportOutcome.CREATED, entry.outcome(), entry.errors().toString());
        MhsEndpoint stored = db.stores.endpoints().get(UUID.fromString(entry.recordId()));
        assertEquals("https://msg.int.spine2.ncrs.nhs.uk/reliablemessaging/reliablerequest", stored.url());
        assertEquals("msg.int.spine2.ncrs.nhs.uk", stored.fqdn());
        assertEquals(List.of(
                new FieldIssue("/url", ImportLeniency.HOST_NORMALISED, "The host of URL https://MSG.Int.Spine2.NCRS.nhs.uk./"
                        + "reliablemessaging/reliablerequest was written as msg.int.spine2.ncrs.nhs.uk (host names ignore "
                        + "case; a trailing dot names the same host)."),
                new FieldIssue("/fqdn", ImportLeniency.HOST_NORMALISED, "FQDN MSG.INT.SPINE2.NCRS.NHS.UK. was written as "
                        + "msg.int.spine2.ncrs.nhs.uk (host names ignore case; a trailing dot names the same host).")),
                entry.warnings(), "and no FQDN / URL host mismatch: they are the same host");

        ImportReport tidy = db.fhir(FhirBundleReaderTest.example("EndpointBundle.json"), APPLY);
        assertEquals(ImportOutcome.UNCHANGED, tidy.results().get(0).outcome(), "the published spelling is the same endpoint");
    }

    @Test
    void anAsidThatIsNotTwelveDigitsOrAPartyKeyThatIsNoneIsStillRefusedOnItsOwnEntry() throws Exception {
        ObjectNode shortAsid = device(List.of(NESTED));
        ((ObjectNode) shortAsid.path("identifier").get(0)).put("value", "20000000098");
        ObjectNode badKey = endpoint();
        ((ObjectNode) badKey.path("identifier").get(1)).put("value", "YES_0000806");

        ImportReport report = db.fhir(bundle(shortAsid, badKey, endpoint()), DRY_RUN);

        assertEquals(List.of(ImportOutcome.REJECTED, ImportOutcome.REJECTED, ImportOutcome.CREATED),
                report.results().stream().map(ImportEntryResult::outcome).toList());
        assertEquals("/asid", report.results().get(0).errors().get(0).field());
        assertEquals("/partyKey", report.results().get(1).errors().get(0).field());
    }

    @Test
    void aCsvRowIsJudgedTheSameWay() {
        ImportReport report = db.csv(RegistrationFileType.ACCREDITED_SYSTEMS, "asid,odsCode,partyKey,interactions\n"
                + "200000000986,A20047,A20047-821871,\"" + EBXML + "Ping|" + COMMA + "|not-an-interaction\"\n", APPLY);

        assertEquals(ImportOutcome.CREATED, report.results().get(0).outcome(), report.results().get(0).errors().toString());
        assertEquals(List.of(EBXML + "Ping", CLEAN),
                db.stores.systems().get("200000000986").interactions());
        assertEquals(List.of("column.interactions", "column.interactions"), report.results().get(0).warnings().stream()
                .filter(w -> w.code().startsWith("INTERACTION_C") || w.code().startsWith("INTERACTION_S"))
                .map(FieldIssue::field).toList());
    }

    /** The catalogue's 92, the ebXML, nested and dotted forms SDS carries, made-up FHIR ones to 476, then two untidy. */
    private static List<String> realShapedInteractions() {
        List<String> out = new ArrayList<>();
        JsonNode catalogue;
        try (var in = ImportLeniencyContract.class.getResourceAsStream("/fixtures/mhs-interactions.json")) {
            catalogue = JSON.readTree(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        catalogue.fields().forEachRemaining(f -> out.add(f.getValue().path("service").asText() + ":" + f.getKey()));
        out.addAll(List.of(EBXML + "Acknowledgment", EBXML + "MessageError", EBXML + "Ping", NESTED, DOTTED));
        for (int i = 0; out.size() < 476; i++) {
            out.add("urn:nhs:names:services:gpconnect:fhir:rest:read:resource-" + i);
        }
        out.add(COMMA);
        out.add(BROKEN);
        return out;
    }

    private static ObjectNode device(List<String> interactions) throws Exception {
        ObjectNode device = (ObjectNode) resource("DeviceBundle.json");
        ArrayNode ext = device.putArray("extension");
        for (String id : interactions) {
            ObjectNode e = ext.addObject().put("url", "https://fhir.nhs.uk/StructureDefinition/Extension-SDS-NhsServiceInteractionId");
            e.putObject("valueReference").putObject("identifier")
                    .put("system", "https://fhir.nhs.uk/Id/nhsServiceInteractionId").put("value", id);
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
