package io.spineconsole.sds;

import io.spineconsole.api.http.sds.HttpSdsDirectory;
import io.spineconsole.api.sds.EndpointQuery;
import io.spineconsole.domain.registrations.MhsEndpoint;
import io.spineconsole.domain.sds.DriftCounts;
import io.spineconsole.domain.sds.DriftField;
import io.spineconsole.domain.sds.DriftRow;
import io.spineconsole.domain.sds.DriftScope;
import io.spineconsole.domain.sds.DriftStatus;
import io.spineconsole.domain.sds.EndpointDrift;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Drift over a generated directory, where the answer is known: every endpoint with its drift, and
 * SDS's records streamed through (a fifth of the national directory; SdsDriftBenchmark runs all of it).
 */
class NationalDriftTest {
    private static final NationalSdsData DATA = new NationalSdsData(4_000, 5, 14L);

    @Test
    void twentyThousandEndpointsAgainstTheWholeDirectory() {
        List<DriftRow> rows = new ArrayList<>();
        EndpointDrift drift = new EndpointDrift(DriftScope.everything(), rows::add);
        Map<NationalSdsData.Drift, Integer> expected = new EnumMap<>(NationalSdsData.Drift.class);
        int onlyHere = 0;
        for (int i = 0; i < DATA.endpoints(); i++) {
            expected.merge(DATA.drift(i), 1, Integer::sum);
            drift.ours(DATA.registered(i));
            MhsEndpoint extra = DATA.onlyHere(i);
            if (extra != null) {
                drift.ours(extra);
                onlyHere++;
            }
        }
        DATA.allEndpoints().forEachRemaining(drift::published);
        DriftCounts counts = drift.finish();

        long missingHere = expected.getOrDefault(NationalSdsData.Drift.MISSING_HERE, 0);
        assertEquals(DATA.endpoints(), counts.published());
        assertEquals(DATA.endpoints() - missingHere + onlyHere, counts.ours());
        assertEquals(missingHere, counts.missingHere());
        assertEquals(onlyHere, counts.missingInSds());
        // Untidy spelling (host case, trailing dot, default port) is not drift.
        assertEquals((long) expected.getOrDefault(NationalSdsData.Drift.NONE, 0) + expected.getOrDefault(NationalSdsData.Drift.SPELLING, 0),
                counts.same());
        assertEquals((long) expected.getOrDefault(NationalSdsData.Drift.ADDRESS, 0), counts.differentIn(DriftField.ADDRESS));
        assertEquals((long) expected.getOrDefault(NationalSdsData.Drift.FQDN, 0), counts.differentIn(DriftField.FQDN));
        assertEquals((long) expected.getOrDefault(NationalSdsData.Drift.RETRIES, 0), counts.differentIn(DriftField.RETRIES));
        assertEquals((long) expected.getOrDefault(NationalSdsData.Drift.INTERACTIONS, 0), counts.differentIn(DriftField.INTERACTIONS));
        assertEquals(counts.rows(), rows.size());
        assertEquals(missingHere, rows.stream().filter(r -> r.status() == DriftStatus.MISSING_HERE).count());
    }

    @Test
    void oneOrganisationAgainstALiveSearchStreamedPageByPage() throws Exception {
        int org = 0;
        while (DATA.drift(org * 5) == NationalSdsData.Drift.NONE && DATA.drift(org * 5 + 2) == NationalSdsData.Drift.NONE) {
            org++; // an organisation whose first party key has some drift
        }
        String ods = DATA.odsCode(org);
        String partyKey = DATA.partyKey(org, 0);
        List<DriftRow> rows = new ArrayList<>();
        EndpointDrift drift = new EndpointDrift(new DriftScope(ods, null, partyKey), rows::add);
        for (int i = org * 5; i < org * 5 + 5; i++) {
            drift.ours(DATA.registered(i));
        }
        try (SdsStandIn standIn = new SdsStandIn(DATA, SdsStandIn.Config.defaults().withPageSize(1));
             HttpSdsDirectory sds = HttpSdsDirectory.create(standIn.baseUrl(), SdsStandIn.API_KEY,
                     HttpSdsDirectory.Options.defaults().withPace(100, 10))) {
            sds.searchEndpoints(EndpointQuery.byPartyKey(ods, partyKey), page -> page.forEach(drift::published))
                    .get(30, TimeUnit.SECONDS);
            assertEquals(List.of(), new SdsContractValidator().violations(standIn.exchanges()));
            assertEquals(3, standIn.requests(), "three records, a page each");
        }
        DriftCounts counts = drift.finish();

        long drifted = 0;
        for (int j = 0; j < 5; j += 2) {
            NationalSdsData.Drift d = DATA.drift(org * 5 + j);
            drifted += d != NationalSdsData.Drift.NONE && d != NationalSdsData.Drift.SPELLING ? 1 : 0;
        }
        assertEquals(3, counts.published());
        assertEquals(drifted, counts.rows(), rows::toString);
    }
}
