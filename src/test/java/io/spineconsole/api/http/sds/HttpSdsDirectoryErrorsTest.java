package io.spineconsole.api.http.sds;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.spineconsole.api.sds.EndpointQuery;
import io.spineconsole.api.sds.SdsException;
import io.spineconsole.api.sds.SdsException.Reason;
import io.spineconsole.api.sds.SdsResult;
import io.spineconsole.domain.sds.SdsEndpoint;
import io.spineconsole.sds.NationalSdsData;
import io.spineconsole.sds.SdsContractValidator;
import io.spineconsole.sds.SdsStandIn;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static io.spineconsole.api.http.sds.HttpSdsDirectoryTest.DATA;
import static io.spineconsole.api.http.sds.HttpSdsDirectoryTest.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each kind of SDS failure as the client reports it, the pace against the service's rate limit, and the key kept safe. */
class HttpSdsDirectoryErrorsTest {
    private static final String PSIS = "urn:nhs:names:services:psis:REPC_IN150016UK05";
    private static final HttpSdsDirectory.Options FAST = HttpSdsDirectory.Options.defaults().withPace(200, 20)
            .withRetries(3, Duration.ofSeconds(60), 2, Duration.ofMillis(20));
    private SdsStandIn standIn;
    private HttpSdsDirectory sds;

    @AfterEach
    void close() {
        if (sds != null) {
            sds.close();
        }
        if (standIn != null) {
            standIn.close();
        }
    }

    private HttpSdsDirectory client(String key, HttpSdsDirectory.Options options) {
        sds = HttpSdsDirectory.create(standIn.baseUrl(), key, options);
        return sds;
    }

    private void assertContractKept() {
        assertEquals(List.of(), new SdsContractValidator().violations(standIn.exchanges()));
    }

    @Test
    void withoutAKeyNothingIsSent() throws Exception {
        standIn = new SdsStandIn(DATA, SdsStandIn.Config.defaults());
        SdsException e = failure(client("  ", FAST).endpoints("YES", PSIS));

        assertEquals(Reason.API_KEY_REFUSED, e.reason());
        assertEquals(0, standIn.requests());
        assertTrue(e.getMessage().contains("no API key"), e.getMessage());
    }

    @Test
    void aRefusedKeySaysSoInSdsWordsWithoutTheKey() throws Exception {
        standIn = new SdsStandIn(DATA, SdsStandIn.Config.defaults());
        String wrong = "wrong-key-9a8b7c";
        SdsException e = failure(client(wrong, FAST).endpoints("YES", PSIS));

        assertEquals(Reason.API_KEY_REFUSED, e.reason());
        assertEquals(401, e.status());
        assertEquals(List.of("Invalid API key"), e.diagnostics());
        assertTrue(e.getMessage().contains("Invalid API key"), e.getMessage());
        assertNotNull(e.correlationId());
        assertFalse(e.getMessage().contains(wrong) || e.detail().contains(wrong));
        assertEquals(1, standIn.requests(), "a refused key is not retried");
        assertContractKept();
    }

    @Test
    void aSearchSdsRefusesCarriesItsDiagnostics() throws Exception {
        standIn = new SdsStandIn(DATA, SdsStandIn.Config.defaults());
        SdsException e = failure(client(SdsStandIn.API_KEY, FAST).endpoints("A81 001", PSIS));

        assertEquals(Reason.INVALID_REQUEST, e.reason());
        assertEquals(400, e.status());
        assertEquals(List.of("Invalid organization: 'A81 001' is not an ODS code"), e.diagnostics());
        assertTrue(e.getMessage().startsWith("SDS refused the search as it was asked. SDS said: Invalid organization"),
                e.getMessage());
        assertTrue(e.detail().contains("X-Correlation-Id " + e.correlationId()));
        assertContractKept();
    }

    @Test
    void aWrongBaseUrlIsNotFound() throws Exception {
        standIn = new SdsStandIn(DATA, SdsStandIn.Config.defaults());
        sds = HttpSdsDirectory.create(standIn.baseUrl().replace("/R4", "/R3"), SdsStandIn.API_KEY, FAST);

        SdsException e = failure(sds.endpoints("YES", PSIS));

        assertEquals(Reason.NOT_FOUND, e.reason());
        assertEquals(List.of("Invalid endpoint path"), e.diagnostics());
        assertTrue(e.getMessage().contains("environment"), e.getMessage());
    }

    @Test
    void aPassingUpstreamFailureIsRetriedAndALastingOneIsUnavailable() throws Exception {
        standIn = new SdsStandIn(DATA, SdsStandIn.Config.defaults());
        client(SdsStandIn.API_KEY, FAST);
        standIn.failNext(502, 1);
        assertEquals(1, get(sds.endpoints("YES", PSIS)).records().size());
        assertEquals(2, standIn.requests());

        standIn.failNext(504, 10);
        SdsException e = failure(sds.endpoints("YES", PSIS));
        assertEquals(Reason.UNAVAILABLE, e.reason());
        assertEquals(504, e.status());
        assertTrue(e.getMessage().contains("did not answer in time"), e.getMessage());
        assertEquals(List.of("Upstream LDAP server request has timed out"), e.diagnostics());
        assertEquals(2 + 3, standIn.requests(), "the first attempt and two retries");
        assertContractKept();
    }

    @Test
    void noServerAndNoAnswerInTimeAreUnavailable() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        HttpSdsDirectory nowhere = HttpSdsDirectory.create("http://127.0.0.1:" + closedPort + "/spine-directory/FHIR/R4", "k", FAST);
        try {
            assertEquals(Reason.UNAVAILABLE, failure(nowhere.endpoints("YES", PSIS)).reason());
        } finally {
            nowhere.close();
        }
        try (MockWebServer slow = new MockWebServer()) {
            slow.enqueue(new MockResponse.Builder().code(200).headersDelay(5, TimeUnit.SECONDS).body("{}").build());
            slow.start();
            HttpSdsDirectory impatient = HttpSdsDirectory.create(slow.url("/spine-directory/FHIR/R4").toString(), "k",
                    FAST.withRetries(0, Duration.ofSeconds(1), 0, Duration.ZERO)
                            .withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300), Duration.ofMillis(500)));
            try {
                SdsException e = failure(impatient.endpoints("YES", PSIS));
                assertEquals(Reason.UNAVAILABLE, e.reason());
                assertEquals("SDS did not answer in time.", e.getMessage());
            } finally {
                impatient.close();
            }
        }
    }

    @Test
    void a429IsWaitedOutForItsRetryAfterAndTheSearchCarriesOn() throws Exception {
        // SDS allows 2 requests a second and asks for 1 s after a 429; the client's own pace is set too fast.
        standIn = new SdsStandIn(DATA, SdsStandIn.Config.defaults().withPageSize(20).withRateLimit(2, 1, 1));
        long started = System.nanoTime();

        SdsResult<SdsEndpoint> r = get(client(SdsStandIn.API_KEY, FAST).endpointsByPartyKey("YES", NationalSdsData.SPINE_PARTY_KEY));

        long refused = standIn.exchanges().stream().filter(x -> x.status() == 429).count();
        assertEquals(DATA.spineEndpoints().size() + 1, r.records().size());
        assertTrue(refused >= 1, "the stand-in refused some requests");
        assertTrue(System.nanoTime() - started >= TimeUnit.MILLISECONDS.toNanos(900 * refused),
                "each 429 was waited out for its Retry-After");
        assertContractKept();
    }

    @Test
    void aRateLimitThatLastsFailsWithTheWaitSdsAskedFor() throws Exception {
        standIn = new SdsStandIn(DATA, SdsStandIn.Config.defaults().withRateLimit(0.001, 1, 120));
        client(SdsStandIn.API_KEY, FAST);
        get(sds.endpoints("YES", PSIS)); // the one request the bucket holds

        SdsException e = failure(sds.endpoints("YES", PSIS));

        assertEquals(Reason.RATE_LIMITED, e.reason());
        assertEquals(Duration.ofSeconds(120), e.retryAfter());
        assertTrue(e.getMessage().contains("try again in 120 s"), e.getMessage());
        assertEquals(2, standIn.requests(), "a wait longer than the client will hold is not retried");
        assertContractKept();
    }

    @Test
    void theClientsOwnPaceKeepsItUnderTheServicesLimit() throws Exception {
        // SDS: 10 requests a second (bursts of 2). The client: 8 a second, one at a time, 6 lookups at once.
        standIn = new SdsStandIn(DATA, SdsStandIn.Config.defaults().withRateLimit(10, 2, 1));
        client(SdsStandIn.API_KEY, HttpSdsDirectory.Options.defaults().withPace(8, 1));
        long started = System.nanoTime();
        List<CompletableFuture<SdsResult<SdsEndpoint>>> lookups = new java.util.ArrayList<>();
        for (int org = 0; org < 6; org++) {
            lookups.add(sds.endpointsByPartyKey(DATA.odsCode(org), DATA.partyKey(org, 0)));
        }
        for (CompletableFuture<SdsResult<SdsEndpoint>> f : lookups) {
            assertEquals(3, get(f).records().size());
        }

        assertEquals(0, standIn.exchanges().stream().filter(x -> x.status() == 429).count());
        assertTrue(System.nanoTime() - started >= TimeUnit.MILLISECONDS.toNanos(5 * 125 - 50), "six requests at 8 a second");
        assertContractKept();
    }

    @Test
    void aNextLinkToAnotherHostIsNotFollowed() throws Exception {
        standIn = new SdsStandIn(DATA, SdsStandIn.Config.defaults().withPageSize(10));
        standIn.pointNextLinksAt("sds.example.org");

        SdsException e = failure(client(SdsStandIn.API_KEY, FAST).endpointsByPartyKey("YES", NationalSdsData.SPINE_PARTY_KEY));

        assertEquals(Reason.UNEXPECTED_ANSWER, e.reason());
        assertTrue(e.getMessage().contains("sds.example.org"), e.getMessage());
        assertEquals(1, standIn.requests());
    }

    @Test
    void aRedirectIsNotFollowedSoTheKeyGoesNowhereElse() throws Exception {
        standIn = new SdsStandIn(DATA, SdsStandIn.Config.defaults());
        try (MockWebServer redirecting = new MockWebServer()) {
            redirecting.enqueue(new MockResponse.Builder().code(302)
                    .addHeader("Location", standIn.baseUrl() + "/Endpoint?x=1").build());
            redirecting.start();
            sds = HttpSdsDirectory.create(redirecting.url("/spine-directory/FHIR/R4").toString(), SdsStandIn.API_KEY, FAST);

            SdsException e = failure(sds.endpoints("YES", PSIS));

            assertEquals(Reason.UNEXPECTED_ANSWER, e.reason());
            assertEquals(302, e.status());
            assertEquals(0, standIn.requests());
        }
    }

    @Test
    void theKeyNeverReachesTheLogOrAnErrorEvenWhenEchoed() throws Exception {
        Logger log = (Logger) LoggerFactory.getLogger(HttpSdsDirectory.class);
        Level before = log.getLevel();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        log.addAppender(appender);
        log.setLevel(Level.DEBUG);
        String key = "secret-sds-key-0f9e8d";
        try (MockWebServer echoing = new MockWebServer()) {
            echoing.enqueue(new MockResponse.Builder().code(400).addHeader("Content-Type", "application/fhir+json")
                    .body("{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"invalid\","
                            + "\"diagnostics\":\"Key " + key + " is not valid for this product\"}]}").build());
            echoing.start();
            sds = HttpSdsDirectory.create(echoing.url("/spine-directory/FHIR/R4").toString(), key, FAST);

            SdsException e = failure(sds.endpoints("YES", PSIS));

            assertEquals(key, echoing.takeRequest().getHeaders().get("apikey"), "the key is sent, as the API requires");
            assertEquals(List.of("Key *** is not valid for this product"), e.diagnostics());
            assertFalse(e.getMessage().contains(key) || e.detail().contains(key));
            assertFalse(appender.list.isEmpty(), "the exchange was logged");
            for (ILoggingEvent event : appender.list) {
                assertFalse(event.getFormattedMessage().contains(key), event.getFormattedMessage());
            }
        } finally {
            log.detachAppender(appender);
            log.setLevel(before);
        }
    }

    @Test
    void anOperationOutcomeWhereABundleBelongsIsUnexpected() throws Exception {
        try (MockWebServer odd = new MockWebServer()) {
            odd.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/fhir+json")
                    .body("{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"processing\","
                            + "\"diagnostics\":\"LDAP said no\"}]}").build());
            odd.start();
            sds = HttpSdsDirectory.create(odd.url("/spine-directory/FHIR/R4").toString(), "k", FAST);

            SdsException e = failure(sds.endpoints(new EndpointQuery("YES", PSIS, null)));

            assertEquals(Reason.UNEXPECTED_ANSWER, e.reason());
            assertTrue(e.getMessage().contains("OperationOutcome") && e.getMessage().contains("LDAP said no"), e.getMessage());
            assertNull(e.retryAfter());
        }
    }

    @Test
    void queriesTheApiDoesNotOfferAreRefusedBeforeAnythingIsSent() {
        assertThrows(IllegalArgumentException.class, () -> new EndpointQuery(null, null, "YES-0000806"));
        assertThrows(IllegalArgumentException.class, () -> new EndpointQuery("YES", null, null));
        assertThrows(IllegalArgumentException.class, () -> EndpointQuery.of("YES", "urn:nhs:names:services:psis:X,"));
        assertThrows(IllegalArgumentException.class, () -> io.spineconsole.api.sds.DeviceQuery.of("YES", " "));
    }

    private static SdsException failure(CompletableFuture<?> f) throws Exception {
        ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(30, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof SdsException, () -> "not an SdsException: " + e.getCause());
        return (SdsException) e.getCause();
    }
}
