package io.spineconsole.domain.sds;

import io.spineconsole.domain.registrations.AccreditedSystem;
import io.spineconsole.domain.registrations.RecordType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.spineconsole.domain.sds.DriftFixtures.GP2GP;
import static io.spineconsole.domain.sds.DriftFixtures.PDS;
import static io.spineconsole.domain.sds.DriftFixtures.PSIS;
import static io.spineconsole.domain.sds.DriftFixtures.device;
import static io.spineconsole.domain.sds.DriftFixtures.system;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SystemDriftTest {

    @Test
    void matchesByAsidAndReportsWhatDisagrees() {
        AccreditedSystem same = system("200000000001", "A81001", "A81001-000081", "YGA", List.of(PSIS, PDS));
        AccreditedSystem changed = system("200000000002", "A81002", "A81002-000081", "YGA", List.of(PSIS, PDS));
        AccreditedSystem onlyHere = system("200000000003", "A81003", null, null, List.of(PDS));
        SdsDevice changedInSds = new SdsDevice("DEV-2", "200000000002", "A81002-000082", "a81002", "Practice", "X26",
                List.of(PDS, GP2GP));
        SdsDevice onlyInSds = new SdsDevice("DEV-9", "200000000009", null, "B82001", null, null, List.of(PDS));

        DriftReport report = SystemDrift.compare(DriftScope.everything(), List.of(same, changed, onlyHere),
                List.of(device(same), changedInSds, onlyInSds));

        DriftCounts c = report.counts();
        assertEquals(RecordType.ACCREDITED_SYSTEM, c.type());
        assertEquals(1, c.same());
        assertEquals(1, c.different());
        assertEquals(1, c.missingInSds());
        assertEquals(1, c.missingHere());
        DriftRow row = report.rows(DriftStatus.DIFFERENT).get(0);
        assertEquals("200000000002", row.key());
        assertEquals(List.of(DriftField.PARTY_KEY, DriftField.MANUFACTURER, DriftField.INTERACTIONS),
                row.differences().stream().map(Difference::field).toList());
        Difference interactions = row.differences().get(2);
        assertEquals(List.of(PSIS), interactions.onlyHere());
        assertEquals(List.of(GP2GP), interactions.onlyInSds());
        assertEquals("200000000009", report.rows(DriftStatus.MISSING_HERE).get(0).key());
        assertEquals("200000000003", report.rows(DriftStatus.MISSING_IN_SDS).get(0).ourId());
    }

    @Test
    void aLongInteractionListInAnotherOrderIsTheSame() {
        List<String> many = new java.util.ArrayList<>();
        for (int i = 0; i < 478; i++) {
            many.add("urn:nhs:names:services:svc" + (i % 7) + ":INTERACTION_" + i);
        }
        AccreditedSystem ours = system("200000000001", "A81001", null, null, many);
        List<String> reversed = new java.util.ArrayList<>(many);
        java.util.Collections.reverse(reversed);
        SdsDevice published = new SdsDevice("D", "200000000001", null, "A81001", null, null, reversed);

        DriftReport report = SystemDrift.compare(DriftScope.everything(), List.of(ours), List.of(published));

        assertEquals(1, report.counts().same());
        assertTrue(report.rows().isEmpty());
    }

    @Test
    void anOrganisationScopeKeepsOtherOrganisationsOut() {
        AccreditedSystem a = system("200000000001", "A81001", null, null, List.of(PDS));
        AccreditedSystem b = system("200000000002", "B82001", null, null, List.of(PDS));

        DriftReport report = SystemDrift.compare(DriftScope.organisation("A81001"), List.of(a, b),
                List.of(device(a), device(b)));

        assertEquals(1, report.counts().ours());
        assertEquals(1, report.counts().published());
        assertEquals(1, report.counts().same());
    }
}
