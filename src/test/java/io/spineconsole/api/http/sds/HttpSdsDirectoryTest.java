package io.spineconsole.api.http.sds;

import io.spineconsole.api.sds.DeviceQuery;
import io.spineconsole.api.sds.EndpointQuery;
import io.spineconsole.api.sds.SdsResult;
import io.spineconsole.domain.sds.SdsDevice;
import io.spineconsole.domain.sds.SdsEndpoint;
import io.spineconsole.domain.sds.SdsReliability;
import io.spineconsole.sds.NationalSdsData;
import io.spineconsole.sds.SdsContractValidator;
import io.spineconsole.sds.SdsStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SDS client against the stand-in, for each lookup the API offers; every exchange of every test
 * is then checked against the published document ({@link SdsContractValidator}).
 */
class HttpSdsDirectoryTest {
    static final NationalSdsData DATA = NationalSdsData.national();
    private static final String PSIS = "urn:nhs:names:services:psis:REPC_IN150016UK05";
    private static final String GET_CARE_RECORD = "urn:nhs:names:services:gpconnect:fhir:operation:gpc.getcarerecord";
    private SdsStandIn standIn;
    private HttpSdsDirectory sds;

    private void start(SdsStandIn.Config config, HttpSdsDirectory.Options options) throws Exception {
        standIn = new SdsStandIn(DATA, config);
        sds = HttpSdsDirectory.create(standIn.baseUrl(), SdsStandIn.API_KEY, options);
    }

    private void start() throws Exception {
        start(SdsStandIn.Config.defaults(), HttpSdsDirectory.Options.defaults().withPace(200, 20));
    }

    @AfterEach
    void everyExchangeKeptThePublishedContract() {
        if (sds != null) {
            sds.close();
        }
        if (standIn != null) {
            List<String> violations = new SdsContractValidator().violations(standIn.exchanges());
            standIn.close();
            assertEquals(List.of(), violations);
        }
    }

    @Test
    void accreditedSystemsByOrganisationAndInteractionReadThePublishedExample() throws Exception {
        start();
        SdsResult<SdsDevice> found = get(sds.accreditedSystems("A20047", GET_CARE_RECORD));

        assertEquals(1, found.records().size());
        SdsDevice d = found.records().get(0);
        assertEquals("0E512499-E65C-4AE9-BEEC-224917FCDE94", d.id());
        assertEquals("200000000985", d.asid());
        assertEquals("A20047-821870", d.partyKey());
        assertEquals("A20047", d.odsCode());
        assertEquals("A20047", d.manufacturerOdsCode());
        assertEquals(List.of(GET_CARE_RECORD, "urn:nhs:names:services:gpconnect:fhir:rest:read:location"), d.interactions());
        assertEquals(1, found.summary().pages());
        assertEquals(1, found.summary().total());
        assertFalse(found.summary().truncated());
    }

    @Test
    void accreditedSystemsOfAnyOrganisationInTheNationalDirectory() throws Exception {
        start();
        SplittableRandom random = new SplittableRandom(7);
        for (int n = 0; n < 5; n++) {
            int org = random.nextInt(DATA.organisations());
            SdsDevice expected = DATA.devicesOf(org).get(0);
            String interaction = expected.interactions().get(0);
            List<SdsDevice> wanted = DATA.devicesOf(org).stream().filter(d -> d.interactions().contains(interaction)).toList();

            assertEquals(wanted, get(sds.accreditedSystems(DATA.odsCode(org), interaction)).records());
            assertEquals(List.of(expected), get(sds.accreditedSystems(DeviceQuery.of(DATA.odsCode(org), interaction)
                    .withPartyKey(expected.partyKey()).withManufacturer(expected.manufacturerOdsCode()))).records());
        }
    }

    @Test
    void anAccreditedSystemByAsidWithinItsOrganisationAndInteraction() throws Exception {
        start();
        SdsDevice second = DATA.devicesOf(1234).get(1);
        String interaction = second.interactions().get(0);

        assertEquals(Optional.of(second), get(sds.accreditedSystem(second.asid(), DATA.odsCode(1234), interaction)));
        assertEquals(Optional.empty(), get(sds.accreditedSystem("918999999999", DATA.odsCode(1234), interaction)));
        assertEquals(Optional.empty(), get(sds.accreditedSystem(second.asid(), "Q99999", interaction)));
    }

    @Test
    void endpointsByOrganisationAndInteractionReadThePublishedExample() throws Exception {
        start();
        List<SdsEndpoint> found = get(sds.endpoints(NationalSdsData.SPINE_ODS, PSIS)).records();

        assertEquals(1, found.size());
        SdsEndpoint e = found.get(0);
        assertEquals("https://msg.int.spine2.ncrs.nhs.uk/reliablemessaging/reliablerequest", e.address());
        assertEquals("msg.int.spine2.ncrs.nhs.uk", e.fqdn());
        assertEquals("YES-0000806", e.partyKey());
        assertEquals("S20001A000182", e.cpaId());
        assertEquals("S20001A000182", e.mhsId());
        assertEquals("YES", e.odsCode());
        assertEquals("active", e.status());
        assertEquals("hl7-fhir-msg", e.connectionType());
        assertEquals(List.of(PSIS), e.interactions());
        // nhsMHSRetries comes as valueInteger, the rest as valueString.
        assertEquals(new SdsReliability("MSHSignalsOnly", "PT1M", "2", "PT5M", "always", "always",
                "urn:oasis:names:tc:ebxml-msg:actor:toPartyMSH"), e.reliability());
    }

    @Test
    void endpointsByPartyKeyWithTheirOrganisationOrAnInteraction() throws Exception {
        start();
        int org = 19_999;
        String partyKey = DATA.partyKey(org, 0);
        List<SdsEndpoint> underKey = DATA.endpointsOf(org).stream().filter(e -> e.partyKey().equals(partyKey)).toList();

        assertEquals(3, underKey.size());
        assertEquals(underKey, get(sds.endpointsByPartyKey(DATA.odsCode(org), partyKey)).records());
        String interaction = underKey.get(1).interactions().get(0);
        assertEquals(underKey.stream().filter(e -> e.interactions().contains(interaction)).toList(),
                get(sds.endpoints(new EndpointQuery(null, interaction, partyKey))).records());
        assertEquals(List.of(), get(sds.endpoints(DATA.odsCode(org), "urn:nhs:names:services:none:NOTHING")).records());
    }

    @Test
    void pagedSearchesFollowNextLinksAndHandEachPageOnAsItComes() throws Exception {
        start(SdsStandIn.Config.defaults().withPageSize(10), HttpSdsDirectory.Options.defaults().withPace(200, 20));
        List<Integer> pageSizes = new ArrayList<>();
        List<SdsEndpoint> all = new ArrayList<>();

        var summary = get(sds.searchEndpoints(EndpointQuery.byPartyKey(NationalSdsData.SPINE_ODS, NationalSdsData.SPINE_PARTY_KEY),
                page -> {
                    pageSizes.add(page.size());
                    all.addAll(page);
                }));

        int published = DATA.spineEndpoints().size() + 1; // one per interaction, the published example among them
        assertEquals(published, all.size());
        assertEquals(published, summary.total());
        assertEquals(published, summary.records());
        assertEquals((published + 9) / 10, summary.pages());
        assertEquals(summary.pages(), pageSizes.size());
        assertEquals(published, new HashSet<>(all.stream().map(SdsEndpoint::cpaId).toList()).size(), "no page twice");
        assertFalse(summary.truncated());
        assertEquals(summary.pages(), standIn.requests());
    }

    @Test
    void aSearchStopsAtItsPageLimitAndSaysSo() throws Exception {
        start(SdsStandIn.Config.defaults().withPageSize(10),
                HttpSdsDirectory.Options.defaults().withPace(200, 20).withMaxPages(3));

        SdsResult<SdsEndpoint> r = get(sds.endpointsByPartyKey("YES", NationalSdsData.SPINE_PARTY_KEY));

        assertTrue(r.summary().truncated());
        assertEquals(3, r.summary().pages());
        assertEquals(30, r.records().size());
        assertEquals(3, standIn.requests());
    }

    @Test
    void cancellingASearchStopsItsPages() throws Exception {
        start(SdsStandIn.Config.defaults().withPageSize(5), HttpSdsDirectory.Options.defaults().withPace(4, 1));
        CompletableFuture<SdsResult<SdsEndpoint>> search = sds.endpointsByPartyKey("YES", NationalSdsData.SPINE_PARTY_KEY);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (standIn.requests() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        search.cancel(true);
        int atCancel = standIn.requests();
        Thread.sleep(1_000);

        assertThrows(CancellationException.class, search::join);
        assertTrue(standIn.requests() <= atCancel + 1, "at most the request already under way: " + standIn.requests());
    }

    static <T> T get(CompletableFuture<T> f) throws Exception {
        return f.get(30, TimeUnit.SECONDS);
    }
}
