package io.spineconsole.sandbox.drive;

import com.fasterxml.jackson.databind.JsonNode;
import io.spineconsole.contract.ApiCall;
import io.spineconsole.contract.Backbone;
import io.spineconsole.contract.Backbone.Answer;
import io.spineconsole.domain.Role;
import io.spineconsole.sandbox.SandboxFixture;
import io.spineconsole.sandbox.Sql;
import io.spineconsole.sandbox.StoreContract;
import io.spineconsole.sandbox.TestStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Driving a sandbox through the admin API, on both stores: the health route says it is a sandbox;
 * an admin sets the traffic rate and messages flow (audited), others are refused and change
 * nothing; a bad scenario file is refused with its lines and starts nothing; a scenario injects
 * labelled failures into live traffic until it is stopped.
 */
abstract class SandboxDriveContract extends StoreContract {
    private static final String TRAFFIC = "/api/v1/sandbox/traffic";
    private static final String RUNS = "/api/v1/sandbox/scenario-runs";
    private static final String FEED = "/api/v1/sandbox/feed";
    private SandboxFixture sandbox;
    private Backbone api;

    SandboxDriveContract(TestStore store) {
        super(store);
    }

    @BeforeAll
    void start() {
        sandbox = store.startSandbox(SandboxFixture.TINY);
        api = new Backbone(sandbox, sandbox.contract());
    }

    @AfterEach
    void trafficOff() {
        sandbox.backbone().drive().scenarios().stopAll();
        sandbox.backbone().traffic().stop();
    }

    @AfterAll
    void stop() {
        sandbox.close();
    }

    private Answer setRate(Role role, String body) {
        return api.send(ApiCall.of("PUT", TRAFFIC).withJson(body), role);
    }

    @Test
    void theHealthRouteSaysItIsASandbox() {
        Answer health = api.send(ApiCall.of("GET", "/api/v1/health"), null);
        assertTrue(health.json().get("sandbox").asBoolean(), health.text());
    }

    @Test
    void anAdminSetsTheRateAndMessagesFlowAtOnceAudited() throws Exception {
        assertEquals(0, api.get(TRAFFIC).json().get("ratePerSecond").asInt(), "off until asked");
        Answer set = setRate(Role.ADMIN, "{\"ratePerSecond\":300}");
        assertEquals(200, set.status(), set.text());
        assertEquals(300, set.json().get("ratePerSecond").asInt());
        assertEquals(300, api.get(TRAFFIC).json().get("effectiveRatePerSecond").asInt());
        assertTrue(newestMessageWithin(Duration.ofSeconds(2), Duration.ofSeconds(30)), "live messages arrive");

        JsonNode audit = api.get("/api/v1/audit?entityType=sandbox-traffic&limit=1").json().get("items").get(0);
        assertEquals(set.headers().get("x-request-id"), audit.get("requestId").asText());
        assertEquals(0, audit.at("/before/ratePerSecond").asInt());
        assertEquals(300, audit.at("/after/ratePerSecond").asInt());

        assertEquals(0, setRate(Role.ADMIN, "{\"ratePerSecond\":0}").json().get("ratePerSecond").asInt());
        assertTrue(!sandbox.backbone().traffic().isRunning(), "0 turns traffic off");
    }

    @Test
    void onlyAnAdminMaySetTheRateAndOnlyWithinRange() {
        for (Role role : new Role[] {Role.VIEWER, Role.OPERATOR}) {
            Answer refused = setRate(role, "{\"ratePerSecond\":500}");
            assertEquals(403, refused.status(), role + ": " + refused.text());
            assertEquals(403, api.send(ApiCall.of("GET", TRAFFIC), role).status());
        }
        Answer tooFast = setRate(Role.ADMIN, "{\"ratePerSecond\":3201}");
        assertEquals(422, tooFast.status(), tooFast.text());
        assertEquals("/ratePerSecond", tooFast.json().at("/errors/0/field").asText());
        assertEquals(0, api.get(TRAFFIC).json().get("ratePerSecond").asInt(), "nothing changed");
        assertTrue(!sandbox.backbone().traffic().isRunning());
    }

    @Test
    void theFeedSaysThereIsNoneAndPagesItsQuarantineToAdminsOnly() {
        Answer status = api.get(FEED);
        assertEquals(200, status.status(), status.text());
        assertEquals(false, status.json().get("configured").asBoolean());
        assertEquals("off", status.json().get("state").asText());
        Instant at = Instant.parse("2026-01-02T03:04:05Z");
        Sql sql = new Sql(sandbox.backbone().database().dataSource());
        for (int offset = 0; offset < 3; offset++) {
            sql.update("INSERT INTO feed_quarantine (topic, partition_no, record_offset, record_key, raw_value, "
                    + "value_bytes, reason, detail, quarantined_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", "events", 1,
                    offset, "k" + offset, "not json", 8, "not-json", "not a JSON object", at);
        }
        try {
            Answer first = api.get(FEED + "/quarantine?limit=2");
            assertEquals(200, first.status(), first.text());
            assertEquals(3, first.json().get("approximateTotal").asLong());
            assertEquals(0, first.json().at("/items/0/offset").asLong(), "ties in time go by partition and offset");
            assertEquals("not-json", first.json().at("/items/0/reason").asText());
            Answer second = api.get(FEED + "/quarantine?limit=2&cursor=" + first.json().get("nextCursor").asText());
            assertEquals(1, second.json().get("items").size(), second.text());
            assertEquals(2, second.json().at("/items/0/offset").asLong());
            assertTrue(second.json().get("nextCursor").isNull());
            assertEquals(3, api.get(FEED).json().get("quarantinedTotal").asLong());
            assertEquals(400, api.send(ApiCall.of("GET", FEED + "/quarantine?cursor=nonsense"), Role.ADMIN).status());
            for (Role role : new Role[] {Role.VIEWER, Role.OPERATOR}) {
                assertEquals(403, api.send(ApiCall.of("GET", FEED), role).status());
                assertEquals(403, api.send(ApiCall.of("GET", FEED + "/quarantine"), role).status());
            }
        } finally {
            sql.update("DELETE FROM feed_quarantine");
        }
    }

    @Test
    void aBadScenarioFileIsRefusedWithItsLinesAndStartsNothing() {
        int runsBefore = api.get(RUNS).json().get("items").size();
        Answer refused = api.send(ApiCall.of("POST", RUNS).withJson("{\"definition\":\"scenario: Bad\\n"
                + "at 0m for 10m: endpoint-failing ods=RR8\\nat 1m for 1m: burst rate=0\\n\"}"), Role.ADMIN);
        assertEquals(422, refused.status(), refused.text());
        JsonNode errors = refused.json().get("errors");
        assertEquals(2, errors.size(), refused.text());
        assertEquals("SCENARIO_FILE", errors.get(0).get("code").asText());
        assertTrue(errors.get(0).get("message").asText().startsWith("Line 2: endpoint-failing needs failure="),
                errors.toString());
        assertTrue(errors.get(1).get("message").asText().startsWith("Line 3: burst needs rate="), errors.toString());
        assertEquals(runsBefore, api.get(RUNS).json().get("items").size(), "nothing started");
    }

    @Test
    void aScenarioInjectsLabelledFailuresIntoLiveTrafficUntilStopped() throws Exception {
        Answer started = api.send(ApiCall.of("POST", RUNS).withJson("{\"definition\":\"scenario: Everything fails\\n"
                + "at 0s for 1h: endpoint-failing interaction=urn failure=nack\\n\"}"), Role.ADMIN);
        assertEquals(201, started.status(), started.text());
        String runId = started.json().get("runId").asText();
        assertEquals("active", started.json().at("/timeline/0/state").asText());
        assertEquals(runId, api.get(RUNS).json().at("/items/0/runId").asText(), "listed as running");

        setRate(Role.ADMIN, "{\"ratePerSecond\":200}");
        JsonNode failed = null;
        for (int i = 0; i < 40 && failed == null; i++) {
            Thread.sleep(500);
            JsonNode items = api.get("/api/v1/messages?status=nacked&limit=5").json().get("items");
            for (JsonNode m : items) {
                JsonNode detail = api.get("/api/v1/messages/" + m.get("messageId").asText()).json();
                if ("Everything fails".equals(detail.path("injected").asText(null))) {
                    failed = detail;
                }
            }
        }
        assertTrue(failed != null, "a NACK whose detail says the scenario injected it (the field, not the text)");
        assertTrue(!failed.get("lastErrorDescription").asText().startsWith("["), "the error reads as a real one");
        JsonNode groups = api.get("/api/v1/messages/failure-groups?limit=100").json().get("items");
        JsonNode nacks = null;
        for (JsonNode g : groups) {
            if ("nacked".equals(g.get("status").asText()) && "Everything fails".equals(g.path("injected").asText(null))) {
                nacks = g;
            }
        }
        assertTrue(nacks != null, "the failure group of the injected NACKs names the scenario: " + groups);
        assertTrue(nacks.get("injectedCount").asLong() >= 1 && nacks.get("injectedCount").asLong() <= nacks.get("count").asLong(),
                nacks.toString());
        JsonNode real = api.get("/api/v1/messages?status=acknowledged&limit=1").json().at("/items/0/messageId");
        if (!real.isMissingNode()) {
            assertTrue(api.get("/api/v1/messages/" + real.asText()).json().get("injected").isNull(),
                    "a real message carries no scenario");
        }

        Answer stopped = api.send(ApiCall.of("POST", RUNS + "/" + runId + "/stop"), Role.ADMIN);
        assertEquals(200, stopped.status(), stopped.text());
        assertEquals("stopped", stopped.json().get("state").asText());
        JsonNode audit = api.get("/api/v1/audit?entityType=scenario-run&entityId=" + runId + "&limit=5").json().get("items");
        assertEquals(2, audit.size(), "start and stop audited: " + audit);
    }

    private boolean newestMessageWithin(Duration age, Duration patience) throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            JsonNode items = api.get("/api/v1/messages?limit=1").json().get("items");
            if (items.size() > 0 && Duration.between(Instant.parse(items.get(0).get("receivedAt").asText()),
                    Instant.now()).compareTo(age) < 0) {
                return true;
            }
            Thread.sleep(500);
        }
        return false;
    }
}
