package io.spineconsole.domain.sds;

import io.spineconsole.domain.registrations.AccreditedSystem;
import io.spineconsole.domain.registrations.MhsEndpoint;
import io.spineconsole.domain.registrations.Reliability;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.spineconsole.domain.sds.DriftFixtures.GP2GP;
import static io.spineconsole.domain.sds.DriftFixtures.PSIS;
import static io.spineconsole.domain.sds.DriftFixtures.RELIABLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two environments compared as drift compares ours with SDS: the same registration in both (each environment with
 * its own record ids) agrees, a changed setting is a difference in that field, a record only in one is missing in
 * the other.
 */
class AsPublishedTest {

    /** The same endpoint as registered in another environment: its own UUID, everything else alike. */
    private static MhsEndpoint inOtherEnvironment(MhsEndpoint e, String url, Reliability reliability) {
        return new MhsEndpoint(UUID.randomUUID(), e.name(), e.odsCode(), e.partyKey(), url, e.fqdn(), e.cpaId(),
                e.interactions(), e.messagingPattern(), reliability, e.mhsActor(), e.certificate(), null, e.status(),
                null, 3, e.createdAt(), "other", e.updatedAt(), "other");
    }

    @Test
    void theSameEndpointInBothEnvironmentsAgreesAndAChangedSettingDiffersInThatFieldOnly() {
        MhsEndpoint same = DriftFixtures.reliable("RR8", 1);
        MhsEndpoint changed = DriftFixtures.reliable("RR8", 2);
        MhsEndpoint onlyInFirst = DriftFixtures.reliable("RR8", 3);
        MhsEndpoint onlyInSecond = DriftFixtures.reliable("RR8", 4);
        Reliability moreRetries = new Reliability(5, RELIABLE.retryInterval(), RELIABLE.persistDuration(),
                RELIABLE.ackRequested(), RELIABLE.duplicateElimination(), RELIABLE.syncReplyMode());
        List<SdsEndpoint> second = List.of(
                AsPublished.endpoint(inOtherEnvironment(same, same.url(), same.reliability())),
                AsPublished.endpoint(inOtherEnvironment(changed, changed.url(), moreRetries)),
                AsPublished.endpoint(onlyInSecond));

        DriftReport report = EndpointDrift.compare(DriftScope.everything(), List.of(same, changed, onlyInFirst), second);

        assertEquals(1, report.counts().same());
        assertEquals(1, report.counts().different());
        assertEquals(1, report.counts().missingInSds(), "only in the first: missing in the second");
        assertEquals(1, report.counts().missingHere(), "only in the second: missing in the first");
        DriftRow different = report.rows(DriftStatus.DIFFERENT).get(0);
        assertEquals(List.of(Difference.of(DriftField.RETRIES, "2", "5")), different.differences());
        assertEquals(changed.id().toString(), different.ourId());
        assertEquals(onlyInSecond.id().toString(), report.rows(DriftStatus.MISSING_HERE).get(0).sdsId(),
                "a record only in the second names its id there");
    }

    @Test
    void accreditedSystemsAreTheSameByAsidAndDifferInTheirInteractions() {
        AccreditedSystem first = DriftFixtures.system("200000000101", "RR8", "RR8-000081", "YGJ", List.of(PSIS));
        AccreditedSystem second = DriftFixtures.system("200000000101", "RR8", "RR8-000081", "YGJ", List.of(PSIS, GP2GP));

        DriftReport report = SystemDrift.compare(DriftScope.everything(), List.of(first), List.of(AsPublished.system(second)));

        assertEquals(1, report.counts().different());
        Difference d = report.rows().get(0).differences().get(0);
        assertEquals(DriftField.INTERACTIONS, d.field());
        assertEquals(List.of(GP2GP), d.onlyInSds());
        assertTrue(d.onlyHere().isEmpty());
    }
}
