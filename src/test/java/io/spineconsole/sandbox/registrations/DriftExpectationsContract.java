package io.spineconsole.sandbox.registrations;

import io.spineconsole.api.ApiException;
import io.spineconsole.api.Page;
import io.spineconsole.api.http.HttpBackboneApi;
import io.spineconsole.api.http.HttpBackboneApi.HttpClientOptions;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.audit.AuditEntry;
import io.spineconsole.domain.audit.AuditQuery;
import io.spineconsole.domain.registrations.RecordType;
import io.spineconsole.domain.sds.DriftExpectation;
import io.spineconsole.domain.sds.DriftExpectationCreate;
import io.spineconsole.domain.sds.DriftStatus;
import io.spineconsole.sandbox.SandboxFixture;
import io.spineconsole.sandbox.StoreContract;
import io.spineconsole.sandbox.TestStore;
import io.spineconsole.testing.Pages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static io.spineconsole.testing.Refusals.refusal;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drift marked as expected, over HTTP on H2 and on PostgreSQL: an operator marks a row with a reason and
 * un-marks it, both audited; a viewer reads but cannot mark; the same record in the same state is marked once
 * (ignoring case), a mark without a reason changes nothing, and the list pages by type, status and key.
 */
abstract class DriftExpectationsContract extends StoreContract {
    private SandboxFixture sandbox;
    private HttpBackboneApi admin;
    private HttpBackboneApi operator;
    private HttpBackboneApi viewer;

    DriftExpectationsContract(TestStore store) {
        super(store);
    }

    @BeforeAll
    void start() {
        sandbox = store.startSandbox();
        admin = client(sandbox.adminToken());
        operator = client(sandbox.backbone().tokens().create("operator-" + UUID.randomUUID(), Role.OPERATOR));
        viewer = client(sandbox.backbone().tokens().create("viewer-" + UUID.randomUUID(), Role.VIEWER));
    }

    @AfterAll
    void stop() {
        admin.close();
        operator.close();
        viewer.close();
        sandbox.close();
    }

    private HttpBackboneApi client(String token) {
        return new HttpBackboneApi(sandbox.baseUrl(), () -> token, sandbox.clientOptions(HttpClientOptions.defaults()));
    }

    private static String uniqueAsid() {
        return String.format("9%011d", Math.abs(UUID.randomUUID().getMostSignificantBits() % 100_000_000_000L));
    }

    private List<DriftExpectation> all(RecordType type) {
        return Pages.all(cursor -> viewer.registrations().driftExpectations(type, cursor, 500));
    }

    @Test
    void anOperatorMarksARowWithAReasonAndEveryoneSeesWhoAndWhy() {
        String asid = uniqueAsid();
        DriftExpectation marked = operator.registrations().markDriftExpected(new DriftExpectationCreate(
                RecordType.ACCREDITED_SYSTEM, DriftStatus.MISSING_IN_SDS, "  " + asid + " ", "RR8",
                "Withdrawn under CHG0052210; SDS removes it next week")).join();

        assertEquals(asid, marked.recordKey(), "the key is kept trimmed");
        assertEquals("RR8", marked.odsCode());
        assertEquals("Withdrawn under CHG0052210; SDS removes it next week", marked.reason());
        assertNotNull(marked.markedAt());
        assertFalse(marked.markedBy().isBlank());
        DriftExpectation listed = all(RecordType.ACCREDITED_SYSTEM).stream().filter(e -> e.id().equals(marked.id()))
                .findFirst().orElseThrow();
        assertEquals(marked, listed, "a viewer reads it back as it was marked");

        List<AuditEntry> audit = admin.audit().search(new AuditQuery("drift-expectation", marked.id().toString(), null,
                null, null, null, false, 10, null)).join().items();
        assertEquals(List.of("mark-expected"), audit.stream().map(AuditEntry::action).toList());
        assertEquals(marked.reason(), audit.get(0).reason());
    }

    @Test
    void unMarkingRemovesItAuditedAndASecondUnMarkIsNotFound() {
        DriftExpectation marked = admin.registrations().markDriftExpected(new DriftExpectationCreate(
                RecordType.ENDPOINT, DriftStatus.DIFFERENT, "RR8-900001 https://mhs.example.nhs.uk/" + UUID.randomUUID(),
                null, "Address moves on Friday under CHG0052211")).join();

        operator.registrations().unmarkDriftExpected(marked.id()).join();

        assertFalse(all(null).stream().anyMatch(e -> e.id().equals(marked.id())), "it is gone from the list");
        List<AuditEntry> audit = admin.audit().search(new AuditQuery("drift-expectation", marked.id().toString(), null,
                null, null, null, false, 10, null)).join().items();
        assertTrue(audit.stream().anyMatch(a -> a.action().equals("unmark-expected")), "un-marking is audited");
        assertEquals(ApiException.Kind.NOT_FOUND,
                refusal(() -> operator.registrations().unmarkDriftExpected(marked.id()).join()).kind());
    }

    @Test
    void theSameRecordInTheSameStateIsMarkedOnceIgnoringCaseButAnotherStateIsDriftAgain() {
        String key = "RR8-9" + Math.abs(UUID.randomUUID().getLeastSignificantBits() % 100000) + " https://mhs.example.nhs.uk/a";
        operator.registrations().markDriftExpected(new DriftExpectationCreate(RecordType.ENDPOINT,
                DriftStatus.MISSING_HERE, key, null, "Published before our change lands")).join();
        int before = all(null).size();

        ApiException duplicate = refusal(() -> operator.registrations().markDriftExpected(new DriftExpectationCreate(
                RecordType.ENDPOINT, DriftStatus.MISSING_HERE, key.toUpperCase(java.util.Locale.ROOT), null,
                "Marked twice")).join());

        assertEquals("DUPLICATE_REJECTED", duplicate.code());
        assertEquals(before, all(null).size(), "nothing was added");
        operator.registrations().markDriftExpected(new DriftExpectationCreate(RecordType.ENDPOINT,
                DriftStatus.DIFFERENT, key, null, "A different state is a different expectation")).join();
        assertEquals(before + 1, all(null).size());
    }

    @Test
    void aViewerCannotMarkAndABadMarkIsRefusedWithEveryReasonAndChangesNothing() {
        int before = all(null).size();
        DriftExpectationCreate ok = new DriftExpectationCreate(RecordType.ACCREDITED_SYSTEM, DriftStatus.DIFFERENT,
                uniqueAsid(), null, "Expected while the supplier re-accredits");

        assertEquals(ApiException.Kind.FORBIDDEN, refusal(() -> viewer.registrations().markDriftExpected(ok).join()).kind());
        ApiException bad = refusal(() -> operator.registrations().markDriftExpected(new DriftExpectationCreate(
                RecordType.ORGANISATION, DriftStatus.DIFFERENT, " ", "not an ods code", "x")).join());

        assertEquals(422, bad.status());
        assertEquals(new HashSet<>(List.of("recordType", "recordKey", "odsCode", "reason")),
                new HashSet<>(bad.fieldErrors().stream().map(f -> f.field()).toList()));
        assertEquals(before, all(null).size(), "nothing was marked");
    }

    @Test
    void theListPagesByTypeStatusAndKeyWithoutRepeats() {
        for (int i = 0; i < 5; i++) {
            operator.registrations().markDriftExpected(new DriftExpectationCreate(RecordType.ACCREDITED_SYSTEM,
                    DriftStatus.MISSING_HERE, uniqueAsid(), null, "Paging test " + i)).join();
        }
        List<DriftExpectation> everything = all(null);
        List<DriftExpectation> paged = new ArrayList<>();
        String cursor = null;
        do {
            Page<DriftExpectation> page = viewer.registrations().driftExpectations(null, cursor, 2).join();
            assertTrue(page.items().size() <= 2);
            paged.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);

        assertEquals(everything, paged, "pages of 2 give the same rows in the same order");
        assertTrue(everything.size() >= 5);
        assertTrue(all(RecordType.ENDPOINT).stream().allMatch(e -> e.recordType() == RecordType.ENDPOINT));
    }
}
