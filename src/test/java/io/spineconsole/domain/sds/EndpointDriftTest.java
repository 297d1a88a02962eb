package io.spineconsole.domain.sds;

import io.spineconsole.domain.registrations.MhsEndpoint;
import io.spineconsole.domain.registrations.RecordType;
import io.spineconsole.domain.registrations.Reliability;
import io.spineconsole.domain.registrations.ReliabilityFlag;
import io.spineconsole.domain.registrations.SyncReplyMode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.spineconsole.domain.sds.DriftFixtures.GP2GP;
import static io.spineconsole.domain.sds.DriftFixtures.PDS;
import static io.spineconsole.domain.sds.DriftFixtures.PSIS;
import static io.spineconsole.domain.sds.DriftFixtures.PUBLISHED_RELIABLE;
import static io.spineconsole.domain.sds.DriftFixtures.ours;
import static io.spineconsole.domain.sds.DriftFixtures.publishedTwin;
import static io.spineconsole.domain.sds.DriftFixtures.reliable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EndpointDriftTest {

    @Test
    void recordsThatMeanTheSameAreTheSameHoweverTheyAreSpelt() {
        MhsEndpoint e = reliable("A81001", 1);
        SdsEndpoint twin = publishedTwin(e);
        // Host in capitals with a trailing dot, the default port spelt out, durations in seconds, codes in other cases.
        SdsEndpoint spelt = new SdsEndpoint(twin.id(), "active", null,
                "HTTPS://MHS1.A81001.NHS.UK.:443/reliablemessaging/reliablerequest", "a81001", "MHS1.A81001.NHS.UK.",
                "a81001-000081", twin.cpaId(), null, List.of(PDS, " " + PSIS + " "),
                new SdsReliability("mshsignalsonly", "PT60S", "2", "PT300S", "ALWAYS", "Always",
                        PUBLISHED_RELIABLE.actor()));

        DriftReport report = EndpointDrift.compare(DriftScope.everything(), List.of(e), List.of(spelt));

        assertEquals(1, report.counts().same(), () -> report.rows().toString());
        assertEquals(0, report.counts().rows());
        assertTrue(report.rows().isEmpty());
    }

    @Test
    void classifiesMissingOnEitherSideAndDifferentWithTheCountsFirst() {
        MhsEndpoint same = reliable("A81001", 1);
        MhsEndpoint onlyHere = reliable("A81002", 1);
        MhsEndpoint moved = reliable("A81003", 1);
        SdsEndpoint onlyInSds = publishedTwin(reliable("B82001", 1));
        SdsEndpoint movedInSds = withAddress(publishedTwin(moved), "https://new-host.b.nhs.uk/reliablemessaging/reliablerequest",
                "new-host.b.nhs.uk");

        DriftReport report = EndpointDrift.compare(DriftScope.everything(), List.of(same, onlyHere, moved),
                List.of(publishedTwin(same), onlyInSds, movedInSds));

        DriftCounts c = report.counts();
        assertEquals(RecordType.ENDPOINT, c.type());
        assertEquals(3, c.ours());
        assertEquals(3, c.published());
        assertEquals(1, c.same());
        assertEquals(1, c.different());
        assertEquals(1, c.missingInSds());
        assertEquals(1, c.missingHere());
        assertEquals(1, c.differentIn(DriftField.ADDRESS));
        assertEquals(1, c.differentIn(DriftField.FQDN));

        DriftRow missingInSds = report.rows(DriftStatus.MISSING_IN_SDS).get(0);
        assertEquals(onlyHere.id().toString(), missingInSds.ourId());
        assertEquals(RecordType.ENDPOINT.code(), missingInSds.ours().type());
        assertNull(missingInSds.sdsId());

        DriftRow missingHere = report.rows(DriftStatus.MISSING_HERE).get(0);
        assertNull(missingHere.ourId());
        assertNull(missingHere.ours());
        assertEquals(onlyInSds.id(), missingHere.sdsId());
        assertEquals("B82001", missingHere.odsCode());

        DriftRow different = report.rows(DriftStatus.DIFFERENT).get(0);
        assertEquals(moved.id().toString(), different.ourId());
        assertEquals(movedInSds.id(), different.sdsId());
        Difference address = different.differences().get(0);
        assertEquals(DriftField.ADDRESS, address.field());
        assertEquals(moved.url(), address.ours());
        assertEquals(movedInSds.address(), address.published());
        assertTrue(different.differsIn(DriftField.FQDN));
    }

    @Test
    void reportsEachReliabilitySettingThatDisagrees() {
        MhsEndpoint e = reliable("A81001", 1);
        SdsEndpoint p = withReliability(publishedTwin(e),
                new SdsReliability("SignalsAndResponse", "PT2M", "5", "PT5M", "never", "always",
                        "urn:oasis:names:tc:ebxml-msg:actor:nextMSH"));

        DriftRow row = EndpointDrift.compare(DriftScope.everything(), List.of(e), List.of(p)).rows().get(0);

        assertEquals(DriftStatus.DIFFERENT, row.status());
        assertEquals(List.of(DriftField.SYNC_REPLY_MODE, DriftField.RETRIES, DriftField.RETRY_INTERVAL,
                DriftField.DUPLICATE_ELIMINATION, DriftField.MHS_ACTOR), row.differences().stream().map(Difference::field).toList());
        assertTrue(row.differences().stream().allMatch(d -> d.field().isReliability()));
        Difference retries = row.differences().get(1);
        assertEquals("2", retries.ours());
        assertEquals("5", retries.published());
    }

    @Test
    void anEndpointWithoutReliabilityAgreesWithOneSdsPublishesWithout() {
        MhsEndpoint express = ours("x", "A81001", "A81001-000081", "https://x.nhs.uk/", "x.nhs.uk", "SX1",
                List.of(PDS), null, null);
        SdsEndpoint none = new SdsEndpoint("ID", "active", null, "https://x.nhs.uk/", "A81001", "x.nhs.uk",
                "A81001-000081", "SX1", null, List.of(PDS), new SdsReliability("None", null, null, null, null, null, null));
        SdsEndpoint absent = new SdsEndpoint("ID", "active", null, "https://x.nhs.uk/", "A81001", "x.nhs.uk",
                "A81001-000081", "SX1", null, List.of(PDS), null);
        SdsEndpoint expressAsSdsWritesIt = new SdsEndpoint("ID", "active", null, "https://x.nhs.uk/", "A81001", "x.nhs.uk",
                "A81001-000081", "SX1", null, List.of(PDS), new SdsReliability("None", null, null, null, "never", "never",
                "urn:oasis:names:tc:ebxml-msg:actor:toPartyMSH"));
        SdsEndpoint acknowledged = new SdsEndpoint("ID", "active", null, "https://x.nhs.uk/", "A81001", "x.nhs.uk",
                "A81001-000081", "SX1", null, List.of(PDS), new SdsReliability(null, null, null, null, null, "always", null));

        assertEquals(1, EndpointDrift.compare(DriftScope.everything(), List.of(express), List.of(none)).counts().same());
        assertEquals(1, EndpointDrift.compare(DriftScope.everything(), List.of(express), List.of(absent)).counts().same());
        assertEquals(1, EndpointDrift.compare(DriftScope.everything(), List.of(express), List.of(expressAsSdsWritesIt))
                .counts().same(), "unset flags are 'never' and an unset actor is the receiving MHS");
        DriftRow row = EndpointDrift.compare(DriftScope.everything(), List.of(express), List.of(acknowledged)).rows().get(0);
        assertEquals(List.of(DriftField.ACK_REQUESTED), row.differences().stream().map(Difference::field).toList());
    }

    @Test
    void interactionsAreComparedAsSetsAndTheRowSaysWhichSideHasWhich() {
        MhsEndpoint e = reliable("A81001", 1); // PSIS, PDS
        SdsEndpoint p = withInteractions(publishedTwin(e), List.of(PDS, GP2GP));

        DriftRow row = EndpointDrift.compare(DriftScope.everything(), List.of(e), List.of(p)).rows().get(0);

        Difference d = row.differences().get(0);
        assertEquals(DriftField.INTERACTIONS, d.field());
        assertEquals(List.of(PSIS), d.onlyHere());
        assertEquals(List.of(GP2GP), d.onlyInSds());
    }

    @Test
    void aPartyKeyOrAddressChangeIsFoundThroughSdsIdOrCpaId() {
        MhsEndpoint bySdsId = ours("a", "A81001", "A81001-000081", "https://a.nhs.uk/", "a.nhs.uk", null, List.of(PDS),
                null, "0E512499-E65C-4AE9-BEEC-224917FCDE94");
        SdsEndpoint rekeyed = new SdsEndpoint("0e512499-e65c-4ae9-beec-224917fcde94", "active", null, "https://a.nhs.uk/",
                "A81001", "a.nhs.uk", "A81001-999999", null, null, List.of(PDS), null);
        MhsEndpoint byCpa = ours("b", "A81002", "A81002-000081", "https://b.nhs.uk/", "b.nhs.uk", "SCPA2", List.of(PDS),
                null, null);
        SdsEndpoint readdressed = new SdsEndpoint("X", "active", null, "https://b2.nhs.uk/", "A81002", "b2.nhs.uk",
                "A81002-000081", "SCPA2", null, List.of(PDS), null);

        DriftReport report = EndpointDrift.compare(DriftScope.everything(), List.of(bySdsId, byCpa), List.of(rekeyed, readdressed));

        assertEquals(2, report.counts().different(), () -> report.rows().toString());
        assertEquals(0, report.counts().missingHere());
        assertTrue(report.rows().get(0).differsIn(DriftField.PARTY_KEY));
        assertTrue(report.rows().get(1).differsIn(DriftField.ADDRESS));
    }

    @Test
    void severalMhsRecordsOfOneEndpointAreTakenTogether() {
        // Ours: one endpoint with two interactions; SDS: one MHS record per interaction, each with its own CPA ID.
        MhsEndpoint e = ours("m", "A81001", "A81001-000081", "https://m.nhs.uk/rm", "m.nhs.uk", "SCPA-PDS",
                List.of(PSIS, PDS), null, null);
        SdsEndpoint psis = new SdsEndpoint("R1", "active", null, "https://m.nhs.uk/rm", "A81001", "m.nhs.uk",
                "A81001-000081", "SCPA-PSIS", null, List.of(PSIS), null);
        SdsEndpoint pds = new SdsEndpoint("R2", "active", null, "https://m.nhs.uk/rm", "A81001", "m.nhs.uk",
                "A81001-000081", "SCPA-PDS", null, List.of(PDS), null);

        DriftReport report = EndpointDrift.compare(DriftScope.everything(), List.of(e), List.of(psis, pds));

        assertEquals(1, report.counts().same(), () -> report.rows().toString());
        assertEquals(2, report.counts().published());
        assertEquals(0, report.counts().missingHere());
    }

    @Test
    void aCpaIdNoPartCarriesIsADifference() {
        MhsEndpoint e = ours("m", "A81001", "A81001-000081", "https://m.nhs.uk/rm", "m.nhs.uk", "SCPA-OURS",
                List.of(PDS), null, null);
        SdsEndpoint p = new SdsEndpoint("R1", "active", null, "https://m.nhs.uk/rm", "A81001", "m.nhs.uk",
                "A81001-000081", "SCPA-THEIRS", null, List.of(PDS), null);

        Difference d = EndpointDrift.compare(DriftScope.everything(), List.of(e), List.of(p)).rows().get(0).differences().get(0);

        assertEquals(DriftField.CPA_ID, d.field());
        assertEquals("SCPA-OURS", d.ours());
        assertEquals("SCPA-THEIRS", d.published());
    }

    @Test
    void aScopedComparisonLeavesOutWhatTheSearchDidNotAskFor() {
        MhsEndpoint psisHere = ours("1", "A81001", "A81001-000081", "https://1.nhs.uk/", "1.nhs.uk", "S1", List.of(PSIS), null, null);
        MhsEndpoint pdsHere = ours("2", "A81001", "A81001-000081", "https://2.nhs.uk/", "2.nhs.uk", "S2", List.of(PDS), null, null);
        MhsEndpoint otherOrg = ours("3", "B82001", "B82001-000081", "https://3.nhs.uk/", "3.nhs.uk", "S3", List.of(PSIS), null, null);

        // SDS was asked for A81001 + PSIS, and has nothing: only psisHere is missing in SDS.
        DriftReport report = EndpointDrift.compare(DriftScope.organisationAndInteraction("a81001", PSIS),
                List.of(psisHere, pdsHere, otherOrg), List.of());

        assertEquals(1, report.counts().ours());
        assertEquals(1, report.counts().missingInSds());
        assertEquals(psisHere.id().toString(), report.rows().get(0).ourId());
    }

    @Test
    void missingHereRowsStreamOutAsRecordsArriveAndAFinishedComparisonRefusesMore() {
        List<DriftRow> rows = new ArrayList<>();
        EndpointDrift drift = new EndpointDrift(DriftScope.everything(), rows::add);
        drift.ours(reliable("A81001", 1));

        drift.published(publishedTwin(reliable("B82001", 1)));
        assertEquals(1, rows.size(), "a record only SDS has is reported before the comparison finishes");
        assertEquals(DriftStatus.MISSING_HERE, rows.get(0).status());

        DriftCounts counts = drift.finish();
        assertEquals(1, counts.missingInSds());
        assertEquals(2, rows.size());
        assertThrows(IllegalStateException.class, drift::finish);
        assertThrows(IllegalStateException.class, () -> drift.published(publishedTwin(reliable("C1", 1))));
    }

    @Test
    void ourOwnEnumsAreComparedAsSdsSpellsThem() {
        Reliability r = new Reliability(3, "PT30S", "PT1H", ReliabilityFlag.NEVER, ReliabilityFlag.ALWAYS,
                SyncReplyMode.SIGNALS_AND_RESPONSE);
        MhsEndpoint e = ours("e", "A81001", "A81001-000081", "https://e.nhs.uk/", "e.nhs.uk", "SE", List.of(PDS), r, null);
        SdsEndpoint p = new SdsEndpoint("E", "active", null, "https://e.nhs.uk/", "A81001", "e.nhs.uk", "A81001-000081",
                "SE", null, List.of(PDS), new SdsReliability("SignalsAndResponse", "PT30S", "3", "PT1H", "always", "never",
                "urn:oasis:names:tc:ebxml-msg:actor:toPartyMSH"));

        assertEquals(1, EndpointDrift.compare(DriftScope.everything(), List.of(e), List.of(p)).counts().same());
    }

    private static SdsEndpoint withAddress(SdsEndpoint p, String address, String fqdn) {
        return new SdsEndpoint(p.id(), p.status(), p.connectionType(), address, p.odsCode(), fqdn, p.partyKey(), p.cpaId(),
                p.mhsId(), p.interactions(), p.reliability());
    }

    private static SdsEndpoint withReliability(SdsEndpoint p, SdsReliability r) {
        return new SdsEndpoint(p.id(), p.status(), p.connectionType(), p.address(), p.odsCode(), p.fqdn(), p.partyKey(),
                p.cpaId(), p.mhsId(), p.interactions(), r);
    }

    private static SdsEndpoint withInteractions(SdsEndpoint p, List<String> interactions) {
        return new SdsEndpoint(p.id(), p.status(), p.connectionType(), p.address(), p.odsCode(), p.fqdn(), p.partyKey(),
                p.cpaId(), p.mhsId(), interactions, p.reliability());
    }
}
