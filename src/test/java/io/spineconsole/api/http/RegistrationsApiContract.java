package io.spineconsole.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spineconsole.api.ApiException;
import io.spineconsole.api.Page;
import io.spineconsole.api.RegistrationsApi;
import io.spineconsole.api.http.HttpBackboneApi.HttpClientOptions;
import io.spineconsole.domain.messages.MessagingPattern;
import io.spineconsole.domain.registrations.RegistrationStatus;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.registrations.AccreditedSystem;
import io.spineconsole.domain.registrations.AccreditedSystemCreate;
import io.spineconsole.domain.registrations.AccreditedSystemUpdate;
import io.spineconsole.domain.registrations.CertificateInput;
import io.spineconsole.domain.registrations.CheckReport;
import io.spineconsole.domain.registrations.CheckRequest;
import io.spineconsole.domain.registrations.CheckRule;
import io.spineconsole.domain.registrations.ImportOutcome;
import io.spineconsole.domain.registrations.ImportReport;
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
import io.spineconsole.domain.registrations.RegistrationFileType;
import io.spineconsole.domain.registrations.RegistrationFilter;
import io.spineconsole.domain.registrations.Reliability;
import io.spineconsole.domain.registrations.ReliabilityFlag;
import io.spineconsole.domain.registrations.Severity;
import io.spineconsole.domain.registrations.SyncReplyMode;
import io.spineconsole.domain.registrations.TransitionRequest;
import io.spineconsole.sandbox.SandboxFixture;
import io.spineconsole.sandbox.StoreContract;
import io.spineconsole.sandbox.TestStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every registrations operation through the real client against the real sandbox, on H2 and on
 * PostgreSQL (the subclasses name the store).
 */
abstract class RegistrationsApiContract extends StoreContract {
    static final HttpClientOptions OPTIONS = new HttpClientOptions(Duration.ofSeconds(5), Duration.ofSeconds(5),
            Duration.ofSeconds(30), HttpTransport.RetryPolicy.none());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PSIS = "urn:nhs:names:services:psis:REPC_IN150016UK05";

    SandboxFixture sandbox;
    HttpBackboneApi admin;
    HttpBackboneApi viewer;
    HttpBackboneApi operator;

    RegistrationsApiContract(TestStore store) {
        super(store);
    }

    @BeforeAll
    void start() {
        sandbox = store.startSandbox();
        admin = new HttpBackboneApi(sandbox.baseUrl(), sandbox::adminToken, sandbox.clientOptions(OPTIONS));
        String viewerToken = sandbox.backbone().tokens().create("vera.viewer", Role.VIEWER);
        String operatorToken = sandbox.backbone().tokens().create("otto.operator", Role.OPERATOR);
        viewer = new HttpBackboneApi(sandbox.baseUrl(), () -> viewerToken, sandbox.clientOptions(OPTIONS));
        operator = new HttpBackboneApi(sandbox.baseUrl(), () -> operatorToken, sandbox.clientOptions(OPTIONS));
    }

    @AfterAll
    void stop() {
        admin.close();
        viewer.close();
        operator.close();
        sandbox.close();
    }

    RegistrationsApi api() {
        return admin.registrations();
    }

    static ApiException failureOf(CompletableFuture<?> call) {
        CompletionException e = assertThrows(CompletionException.class, call::join);
        ApiException api = ApiException.unwrap(e);
        assertNotNull(api, "expected an ApiException, got " + e.getCause());
        return api;
    }

    static String uniqueOds() {
        return "Z" + Long.toString(Math.abs(UUID.randomUUID().getMostSignificantBits()) % 90_000_000L + 10_000_000L, 36)
                .toUpperCase().substring(0, 5);
    }

    Organisation activeOrganisation() {
        Organisation o = api().createOrganisation(new OrganisationCreate(uniqueOds(), "Test Trust", OrganisationKind.TRUST,
                null, "LS1 3EX")).join();
        o = api().transitionOrganisation(o.odsCode(), o.version(), new TransitionRequest(RegistrationAction.APPROVE, "CAB approved")).join();
        return api().transitionOrganisation(o.odsCode(), o.version(), new TransitionRequest(RegistrationAction.ACTIVATE, "Go-live")).join();
    }

    static MhsEndpointChange endpointChange(String ods, String partyKey, String host) {
        Instant now = Instant.now();
        return new MhsEndpointChange("Test MHS", ods, partyKey, "https://" + host + "/reliablemessaging/reliablerequest",
                "S20001A000412", List.of(PSIS), MessagingPattern.ASYNC_RELIABLE,
                new Reliability(2, "PT2H", "PT7H", ReliabilityFlag.ALWAYS, ReliabilityFlag.ALWAYS, SyncReplyMode.MSH_SIGNALS_ONLY),
                MhsActor.TO_PARTY_MSH, null, new CertificateInput("CN=" + host + ", O=NHS", "CN=NHS Level 1C", "7C01D2E3",
                now.minus(Duration.ofDays(10)), now.plus(Duration.ofDays(300))));
    }

    @Test
    void listsOrganisationsByCursorPagesWithoutGapsOrRepeats() {
        Set<String> seen = new HashSet<>();
        String cursor = null;
        long total = -1;
        String previous = "";
        do {
            Page<Organisation> page = api().organisations(RegistrationFilter.none(), cursor, 17).join();
            total = page.approximateTotal();
            for (Organisation o : page.items()) {
                assertTrue(seen.add(o.odsCode()), "repeated " + o.odsCode());
                assertTrue(o.odsCode().compareTo(previous) > 0, "sorted by ODS code");
                previous = o.odsCode();
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        assertEquals(total, seen.size());
        assertTrue(seen.size() >= SandboxFixture.SMALL.organisations());
    }

    @Test
    void searchesAndFiltersEveryList() {
        Page<Organisation> leeds = api().organisations(RegistrationFilter.none().withQ("leeds"), null, 50).join();
        assertTrue(leeds.items().stream().anyMatch(o -> o.odsCode().equals("RR8")), "name substring match");
        Page<Organisation> byCode = api().organisations(RegistrationFilter.none().withQ("rr8"), null, 50).join();
        assertTrue(byCode.items().stream().allMatch(o -> o.odsCode().startsWith("RR8") || o.name().toLowerCase().contains("rr8")));

        Page<MhsEndpoint> reliable = api().endpoints(RegistrationFilter.none().withPattern(MessagingPattern.ASYNC_RELIABLE)
                .withStatuses(List.of(RegistrationStatus.ACTIVE)), null, 500).join();
        assertFalse(reliable.items().isEmpty());
        assertTrue(reliable.items().stream().allMatch(e -> e.messagingPattern() == MessagingPattern.ASYNC_RELIABLE
                && e.status() == RegistrationStatus.ACTIVE && e.reliability() != null && !e.interactions().isEmpty()));

        Page<MhsEndpoint> expiring = api().endpoints(RegistrationFilter.none().withCertificateExpiringWithinDays(30)
                .withSort("certificate-not-after"), null, 500).join();
        Instant limit = Instant.now().plus(Duration.ofDays(31));
        assertFalse(expiring.items().isEmpty(), "seed has certificates that expire soon");
        Instant last = Instant.MIN;
        for (MhsEndpoint e : expiring.items()) {
            assertTrue(e.certificate().notAfter().isBefore(limit));
            assertFalse(e.certificate().notAfter().isBefore(last), "sorted by expiry");
            last = e.certificate().notAfter();
        }

        MhsEndpoint any = reliable.items().get(0);
        String interaction = any.interactions().get(0);
        Page<MhsEndpoint> byInteraction = api().endpoints(RegistrationFilter.none().withInteraction(interaction)
                .withOds(any.odsCode()), null, 100).join();
        assertTrue(byInteraction.items().stream().anyMatch(e -> e.id().equals(any.id())));
        assertTrue(byInteraction.items().stream().allMatch(e -> e.interactions().contains(interaction)));

        Page<AccreditedSystem> systems = api().accreditedSystems(RegistrationFilter.none().withOds("RR8"), null, 100).join();
        assertFalse(systems.items().isEmpty());
        assertTrue(systems.items().stream().allMatch(s -> s.odsCode().equals("RR8") && !s.interactions().isEmpty()));

        assertTrue(api().interactions(MessagingPattern.SYNC, null).join().items().stream()
                .allMatch(i -> i.messagingPattern() == MessagingPattern.SYNC));
        assertTrue(api().interactions(null, "REPC_IN150016").join().items().stream()
                .anyMatch(i -> i.interactionId().equals(PSIS)));
    }

    @Test
    void pagesEndpointsByEverySortBothWays() {
        for (String sort : List.of("party-key", "-party-key", "ods-code", "-ods-code", "certificate-not-after",
                "-certificate-not-after", "updated-at", "-updated-at")) {
            Set<UUID> ids = new HashSet<>();
            String cursor = null;
            long total;
            do {
                Page<MhsEndpoint> page = api().endpoints(RegistrationFilter.none().withSort(sort), cursor, 97).join();
                total = page.approximateTotal();
                page.items().forEach(e -> assertTrue(ids.add(e.id()), sort + " repeated " + e.id()));
                cursor = page.nextCursor();
            } while (cursor != null);
            assertEquals(total, ids.size(), sort);
        }
    }

    @Test
    void createsReadsUpdatesAndDeletesAnOrganisationWithAudit() {
        String ods = uniqueOds();
        Organisation created = api().createOrganisation(new OrganisationCreate(ods, "Ashby Surgery",
                OrganisationKind.GP_PRACTICE, "RR8", null)).join();
        assertEquals(RegistrationStatus.REQUESTED, created.status());
        assertEquals(1, created.version());
        assertEquals("Embedded console", created.createdBy());
        assertEquals(created, api().organisation(ods).join());

        Organisation updated = api().updateOrganisation(ods, 1, new OrganisationUpdate("Ashby Medical Centre",
                OrganisationKind.GP_PRACTICE, null, "LS9 7TF")).join();
        assertEquals(2, updated.version());
        assertEquals("Ashby Medical Centre", updated.name());
        assertNull(updated.parentOdsCode(), "PUT clears an omitted optional member");

        api().deleteOrganisation(ods, 2).join();
        assertEquals(ApiException.Kind.NOT_FOUND, failureOf(api().organisation(ods)).kind());
        assertEquals(List.of("create", "update", "delete"), auditActions("organisation", ods));
    }

    @Test
    void duplicateOrganisationIsRefusedWith409() {
        ApiException e = failureOf(api().createOrganisation(new OrganisationCreate("RR8", "Again", OrganisationKind.TRUST, null, null)));
        assertEquals(409, e.status());
        assertEquals("DUPLICATE_REJECTED", e.code());
    }

    @Test
    void reportsEveryFieldErrorAtOnceAndStoresNothing() {
        ApiException e = failureOf(api().createEndpoint(new MhsEndpointChange(null, "rr8", "RR8_1", "http://x y",
                "bad cpa!", List.of("urn:nope", PSIS, PSIS), MessagingPattern.ASYNC_RELIABLE,
                new Reliability(99, "2 hours", "P1Y", ReliabilityFlag.ALWAYS, null, SyncReplyMode.NONE), null, "Bad_Host", null)));
        assertEquals(422, e.status());
        assertEquals("VALIDATION_FAILED", e.code());
        Set<String> fields = new HashSet<>();
        e.fieldErrors().forEach(f -> fields.add(f.field()));
        assertEquals(Set.of("/odsCode", "/partyKey", "/url", "/fqdn", "/cpaId", "/interactions/0", "/interactions/2",
                "/reliability/retries", "/reliability/retryInterval", "/reliability/persistDuration",
                "/reliability/duplicateElimination"), fields);
        assertTrue(api().endpoints(RegistrationFilter.none().withQ("RR8_1"), null, 10).join().items().isEmpty());
    }

    @Test
    void acceptsRealWorldOdditiesAndReportsThemAsFindings() {
        Organisation org = activeOrganisation();
        // Party key prefix of another organisation, FQDN that is not the URL host: accepted, then found by checks.
        MhsEndpointChange odd = endpointChange(org.odsCode(), "YES-7000001", "mhs." + org.odsCode().toLowerCase() + ".example");
        odd = new MhsEndpointChange(odd.name(), odd.odsCode(), odd.partyKey(), odd.url(), odd.cpaId(), odd.interactions(),
                odd.messagingPattern(), odd.reliability(), odd.mhsActor(), "other.example", odd.certificate());
        MhsEndpoint created = api().createEndpoint(odd).join();
        AccreditedSystem system = api().createAccreditedSystem(new AccreditedSystemCreate("928942012545", org.odsCode(),
                "Legacy PAS", null, null, null, null, List.of())).join();

        CheckReport report = api().runChecks(new CheckRequest(null, null, null, List.of(
                RecordRef.of(RecordType.ENDPOINT, created.id().toString()),
                RecordRef.of(RecordType.ACCREDITED_SYSTEM, system.asid())), null, null)).join();
        Set<CheckRule> rules = new HashSet<>();
        report.findings().forEach(f -> rules.add(f.rule()));
        assertTrue(rules.containsAll(Set.of(CheckRule.PARTY_KEY_PREFIX_MISMATCH, CheckRule.FQDN_URL_HOST_MISMATCH,
                CheckRule.ASID_PREFIX)), rules.toString());
        assertTrue(report.findings().stream().allMatch(f -> f.record() != null && f.severity() != null));
        assertEquals(2, report.recordsChecked());
    }

    @Test
    void checksTheWholeDirectoryAndFindsSeededMistakes() {
        CheckReport report = api().runChecks(CheckRequest.all()).join();
        assertTrue(report.counts().error() + report.counts().warning() > 0);
        assertTrue(report.countsByRule().containsKey(CheckRule.CERTIFICATE_EXPIRED)
                || report.countsByRule().containsKey(CheckRule.CERTIFICATE_EXPIRING));
        CheckReport errorsOnly = api().runChecks(new CheckRequest(null, Severity.ERROR, null, null, null, 5)).join();
        assertTrue(errorsOnly.findings().size() <= 5);
        assertTrue(errorsOnly.findings().stream().allMatch(f -> f.severity() == Severity.ERROR));
        CheckReport viewerRun = viewer.registrations().runChecks(CheckRequest.expiringWithin(90)).join();
        assertTrue(viewerRun.findings().stream().allMatch(f -> f.rule() == CheckRule.CERTIFICATE_EXPIRING
                || f.rule() == CheckRule.CERTIFICATE_EXPIRED));
    }

    @Test
    void walksTheLifecycleAndRefusesMovesItDoesNotAllow() {
        Organisation org = activeOrganisation();
        MhsEndpoint e = api().createEndpoint(endpointChange(org.odsCode(), org.odsCode() + "-0000001", "mhs.lifecycle.example")).join();
        ApiException refused = failureOf(api().transitionEndpoint(e.id(), e.version(),
                new TransitionRequest(RegistrationAction.SUSPEND, "Not yet live")));
        assertEquals(409, refused.status());
        assertEquals("TRANSITION_REFUSED", refused.code());
        assertEquals("INVALID_TRANSITION", refused.fieldErrors().get(0).code());

        e = api().transitionEndpoint(e.id(), e.version(), new TransitionRequest(RegistrationAction.APPROVE, "CAB approved")).join();
        e = api().transitionEndpoint(e.id(), e.version(), new TransitionRequest(RegistrationAction.ACTIVATE, "Go-live")).join();
        e = api().transitionEndpoint(e.id(), e.version(), new TransitionRequest(RegistrationAction.SUSPEND, "Key compromised INC1")).join();
        assertEquals(RegistrationStatus.SUSPENDED, e.status());
        assertEquals(RegistrationAction.SUSPEND, e.lastTransition().action());
        assertEquals("Key compromised INC1", e.lastTransition().reason());
        assertEquals("Embedded console", e.lastTransition().by());
        long v = e.version();
        ApiException delete = failureOf(api().deleteEndpoint(e.id(), v));
        assertEquals(409, delete.status());

        // The organisation cannot retire while it owns a live endpoint.
        Organisation current = api().organisation(org.odsCode()).join();
        ApiException blocked = failureOf(api().transitionOrganisation(org.odsCode(), current.version(),
                new TransitionRequest(RegistrationAction.RETIRE, "Merged")));
        assertEquals("HAS_DEPENDENTS", blocked.fieldErrors().get(0).code());

        e = api().transitionEndpoint(e.id(), v, new TransitionRequest(RegistrationAction.RETIRE, "Decommissioned")).join();
        ApiException readOnly = failureOf(api().updateEndpoint(e.id(), e.version(), endpointChange(org.odsCode(),
                org.odsCode() + "-0000001", "mhs.lifecycle.example")));
        assertEquals("RECORD_RETIRED", readOnly.fieldErrors().get(0).code());
        Organisation retired = api().transitionOrganisation(org.odsCode(), current.version(),
                new TransitionRequest(RegistrationAction.RETIRE, "Merged")).join();
        assertEquals(RegistrationStatus.RETIRED, retired.status());
    }

    @Test
    void activationNeedsAnActiveOwner() {
        Organisation org = api().createOrganisation(new OrganisationCreate(uniqueOds(), "Pending Trust", OrganisationKind.TRUST, null, null)).join();
        AccreditedSystem s = api().createAccreditedSystem(new AccreditedSystemCreate(String.format("2%011d", System.nanoTime() % 100_000_000_000L),
                org.odsCode(), "PAS", org.odsCode(), "Oceano", "4.2", null, List.of(PSIS))).join();
        s = api().transitionAccreditedSystem(s.asid(), s.version(), new TransitionRequest(RegistrationAction.APPROVE, "CAB")).join();
        ApiException e = failureOf(api().transitionAccreditedSystem(s.asid(), s.version(),
                new TransitionRequest(RegistrationAction.ACTIVATE, "Go-live")));
        assertEquals("OWNER_NOT_ACTIVE", e.fieldErrors().get(0).code());
        assertEquals(RegistrationStatus.APPROVED, api().accreditedSystem(s.asid()).join().status(), "nothing changed");
    }

    @Test
    void accreditedSystemUpdateAndDelete() {
        Organisation org = activeOrganisation();
        String asid = String.format("2%011d", System.nanoTime() % 100_000_000_000L);
        AccreditedSystem s = api().createAccreditedSystem(new AccreditedSystemCreate(asid, org.odsCode(), "PAS", null,
                "Oceano", "4.2", org.odsCode() + "-0000099", List.of(PSIS))).join();
        AccreditedSystem u = api().updateAccreditedSystem(asid, s.version(), new AccreditedSystemUpdate(org.odsCode(),
                "PAS (renamed)", null, "Oceano", "4.3", org.odsCode() + "-0000099", List.of())).join();
        assertEquals("4.3", u.productVersion());
        assertTrue(u.interactions().isEmpty());
        ApiException unknownOwner = failureOf(api().updateAccreditedSystem(asid, u.version(), new AccreditedSystemUpdate(
                "ZZZZ9", null, null, null, null, null, List.of())));
        assertEquals("UNKNOWN_REFERENCE", unknownOwner.fieldErrors().get(0).code());
        api().deleteAccreditedSystem(asid, u.version()).join();
        assertEquals(404, failureOf(api().accreditedSystem(asid)).status());
    }

    @Test
    void theSecondOfTwoEditorsGets412WithTheCurrentVersionAndNoUpdateIsLost() {
        Organisation org = activeOrganisation();
        MhsEndpoint read = api().endpoint(api().createEndpoint(endpointChange(org.odsCode(), org.odsCode() + "-0000002",
                "mhs.conflict.example")).join().id()).join();
        try (HttpBackboneApi other = new HttpBackboneApi(sandbox.baseUrl(), sandbox::adminToken, sandbox.clientOptions(OPTIONS))) {
            MhsEndpointChange first = endpointChange(org.odsCode(), org.odsCode() + "-0000002", "mhs.conflict.example");
            first = new MhsEndpointChange("Edited by the first", first.odsCode(), first.partyKey(), first.url(), first.cpaId(),
                    first.interactions(), first.messagingPattern(), first.reliability(), first.mhsActor(), null, first.certificate());
            MhsEndpoint saved = api().updateEndpoint(read.id(), read.version(), first).join();

            MhsEndpointChange second = new MhsEndpointChange("Edited by the second", first.odsCode(), first.partyKey(),
                    first.url(), first.cpaId(), first.interactions(), first.messagingPattern(), first.reliability(),
                    first.mhsActor(), null, first.certificate());
            ApiException conflict = failureOf(other.registrations().updateEndpoint(read.id(), read.version(), second));
            assertEquals(412, conflict.status());
            assertEquals(ApiException.Kind.CONFLICT, conflict.kind());
            MhsEndpoint current = (MhsEndpoint) conflict.current();
            assertEquals(saved.version(), current.version());
            assertEquals("Edited by the first", current.name());
            assertEquals("Edited by the first", api().endpoint(read.id()).join().name(), "the first edit is kept");
        }
    }

    @Test
    void viewerAndOperatorChangeNothing() {
        Organisation rr8 = api().organisation("RR8").join();
        RegistrationsApi v = viewer.registrations();
        List<CompletableFuture<?>> attempts = new ArrayList<>(List.of(
                v.createOrganisation(new OrganisationCreate(uniqueOds(), "X", OrganisationKind.TRUST, null, null)),
                v.updateOrganisation("RR8", rr8.version(), new OrganisationUpdate("X", OrganisationKind.TRUST, null, null)),
                v.deleteOrganisation("RR8", rr8.version()),
                v.transitionOrganisation("RR8", rr8.version(), new TransitionRequest(RegistrationAction.SUSPEND, "Nope")),
                v.createAccreditedSystem(new AccreditedSystemCreate("200000000001", "RR8", null, null, null, null, null, List.of())),
                v.createEndpoint(endpointChange("RR8", "RR8-0000001", "mhs.viewer.example")),
                v.importFhir(bundleOf(fixtureDevice()), true, true, null, false),
                operator.registrations().importFhir(bundleOf(fixtureDevice()), false, true, null, false),
                operator.registrations().createOrganisation(new OrganisationCreate(uniqueOds(), "X", OrganisationKind.TRUST, null, null))));
        for (CompletableFuture<?> attempt : attempts) {
            ApiException e = failureOf(attempt);
            assertEquals(403, e.status());
            assertEquals(ApiException.Kind.FORBIDDEN, e.kind());
        }
        assertEquals(rr8, api().organisation("RR8").join(), "nothing changed");
        assertNotNull(viewer.registrations().endpoints(RegistrationFilter.none(), null, 5).join());
        assertEquals(ImportOutcome.REJECTED, operator.registrations().importFhir(bundleOf(fixtureDevice()), true, true, null, false)
                .join().results().get(0).outcome(), "an operator may dry-run (A20047 is not registered here)");
    }

    @Test
    void aBundleSentFromAFileAsItIsReadIsImportedTheSameWayAndSaysHowMuchWasSent(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("extract.json");
        java.nio.file.Files.write(file, bundleOf(fixtureDevice()));
        java.util.concurrent.atomic.AtomicLong sent = new java.util.concurrent.atomic.AtomicLong();

        ImportReport streamed = api().importFhirFile(file, true, true, null, false, sent::set).join();
        ImportReport whole = api().importFhir(bundleOf(fixtureDevice()), true, true, null, false).join();

        assertEquals(java.nio.file.Files.size(file), sent.get(), "every byte of the file was sent");
        assertTrue(streamed.dryRun());
        assertEquals(whole.counts(), streamed.counts());
        assertEquals(whole.results(), streamed.results(), "the same report as the bundle sent whole");
    }

    @Test
    void sdsDeviceFixtureImportsAndExportsBackToAnEquivalentResource() throws Exception {
        ObjectNode device = fixtureDevice();
        if (api().organisations(RegistrationFilter.none().withQ("A20047"), null, 1).join().items().isEmpty()) {
            api().createOrganisation(new OrganisationCreate("A20047", "Fixture practice", OrganisationKind.GP_PRACTICE, null, null)).join();
        }
        ImportReport dry = api().importFhir(bundleOf(device), true, true, null, false).join();
        assertTrue(dry.dryRun());
        assertFalse(dry.applied());
        assertEquals(ImportOutcome.CREATED, dry.results().get(0).outcome());
        assertTrue(dry.results().get(0).warnings().stream().anyMatch(w -> w.code().equals("INTERACTION_UNKNOWN")),
                "the GP Connect interactions are not in the MHS catalogue: a warning, not a refusal");
        assertEquals(404, failureOf(api().accreditedSystem("200000000985")).status(), "a dry run writes nothing");

        ImportReport real = api().importFhir(bundleOf(device), false, true, RegistrationStatus.ACTIVE, false).join();
        assertTrue(real.applied());
        assertEquals(1, real.counts().created());
        AccreditedSystem imported = api().accreditedSystem("200000000985").join();
        assertEquals("A20047-821870", imported.partyKey());
        assertEquals("0E512499-E65C-4AE9-BEEC-224917FCDE94", imported.sdsId());
        assertEquals(RegistrationStatus.ACTIVE, imported.status());
        assertEquals(2, imported.interactions().size());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        api().export("fhir", RegistrationFileType.ACCREDITED_SYSTEMS,
                RegistrationFilter.none().withQ("200000000985"), out).join();
        JsonNode bundle = JSON.readTree(out.toByteArray());
        assertEquals("Bundle", bundle.get("resourceType").asText());
        assertEquals(1, bundle.get("entry").size());
        assertEquals(device, bundle.get("entry").get(0).get("resource"), "exports back to an equivalent resource");

        ImportReport again = api().importFhir(bundleOf(device), false, true, null, false).join();
        assertEquals(ImportOutcome.UNCHANGED, again.results().get(0).outcome());
        assertTrue(auditActions("accredited-system", "200000000985").contains("import"));
    }

    @Test
    void csvImportReportsTheBadRowAndAtomicWritesNothing() {
        String a = uniqueOds();
        String b = uniqueOds();
        String csv = "odsCode,name,kind,parentOdsCode,postcode\r\n"
                + a + ",Good Trust,trust,,LS1 3EX\r\n"
                + b + ",Child site,trust-site," + a + ",\r\n"
                + "bad code,Broken,not-a-kind,,\r\n";
        ImportReport report = api().importCsv(RegistrationFileType.ORGANISATIONS, csv.getBytes(StandardCharsets.UTF_8),
                false, true, null, false).join();
        assertFalse(report.applied());
        assertEquals(2, report.counts().created());
        assertEquals(1, report.counts().rejected());
        var bad = report.results().get(2);
        assertEquals(4, bad.line());
        assertTrue(bad.errors().stream().anyMatch(err -> err.field().equals("column.kind")));
        assertTrue(bad.errors().stream().anyMatch(err -> err.field().equals("column.odsCode")));
        assertEquals(404, failureOf(api().organisation(a)).status(), "atomic: nothing written");

        ImportReport partial = api().importCsv(RegistrationFileType.ORGANISATIONS, csv.getBytes(StandardCharsets.UTF_8),
                false, false, null, false).join();
        assertTrue(partial.applied());
        assertEquals(a, api().organisation(b).join().parentOdsCode());
    }

    @Test
    void endpointCsvExportImportsBackUnchanged() {
        Organisation org = activeOrganisation();
        api().createEndpoint(endpointChange(org.odsCode(), org.odsCode() + "-0000003", "mhs.csv.example")).join();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        api().export("csv", RegistrationFileType.ENDPOINTS, RegistrationFilter.none().withOds(org.odsCode()), out).join();
        String csv = out.toString(StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("id,partyKey,odsCode,"));
        assertEquals(2, csv.split("\r\n").length);
        ImportReport report = api().importCsv(RegistrationFileType.ENDPOINTS, out.toByteArray(), true, true, null, false).join();
        assertEquals(ImportOutcome.UNCHANGED, report.results().get(0).outcome(), report.toString());
    }

    @Test
    void refusesStaleAndUnknownRecordsWithoutChangingThem() {
        Organisation rr8 = api().organisation("RR8").join();
        ApiException stale = failureOf(api().updateOrganisation("RR8", rr8.version() + 5,
                new OrganisationUpdate("Renamed", OrganisationKind.TRUST, null, null)));
        assertEquals(412, stale.status());
        assertEquals(rr8.version(), ((Organisation) stale.current()).version());
        assertEquals(404, failureOf(api().endpoint(UUID.randomUUID())).status());
        assertEquals(404, failureOf(api().updateOrganisation("ZZZ99", 1,
                new OrganisationUpdate("X", OrganisationKind.TRUST, null, null))).status());
        assertEquals(rr8, api().organisation("RR8").join());
    }

    List<String> auditActions(String entityType, String id) {
        return new io.spineconsole.sandbox.Sql(sandbox.backbone().database().dataSource()).list("SELECT action FROM audit_event WHERE entity_type = ? AND entity_id = ? "
                + "ORDER BY id", r -> r.getString(1), entityType, id);
    }

    static ObjectNode fixtureDevice() {
        try (InputStream in = RegistrationsApiContract.class.getResourceAsStream("/fixtures/sds-device.example.json")) {
            return (ObjectNode) JSON.readTree(in);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] bundleOf(JsonNode... resources) {
        ObjectNode bundle = JSON.createObjectNode().put("resourceType", "Bundle").put("type", "collection");
        var entries = bundle.putArray("entry");
        for (JsonNode r : resources) {
            entries.addObject().set("resource", r);
        }
        try {
            return JSON.writeValueAsBytes(bundle);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
