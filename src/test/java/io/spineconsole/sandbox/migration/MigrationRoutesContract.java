package io.spineconsole.sandbox.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spineconsole.domain.Role;
import io.spineconsole.sandbox.SandboxFixture;
import io.spineconsole.sandbox.Sql;
import io.spineconsole.sandbox.StoreContract;
import io.spineconsole.sandbox.TestStore;
import io.spineconsole.sandbox.messages.TestPartitions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The migration routes over real HTTP, as any client sees them: the transition rules with their
 * blockers, readiness and sign-off from traffic evidence, If-Match on every edit, roles, and bad
 * input that changes nothing. Run on H2 and on PostgreSQL by the subclasses.
 */
abstract class MigrationRoutesContract extends StoreContract {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private SandboxFixture sandbox;
    private String admin;
    private String operator;
    private String viewer;

    MigrationRoutesContract(TestStore store) {
        super(store);
    }

    @BeforeAll
    void start() {
        sandbox = store.startSandbox();
        admin = sandbox.adminToken();
        operator = sandbox.backbone().tokens().create("olu.operator", Role.OPERATOR);
        viewer = sandbox.backbone().tokens().create("vic.viewer", Role.VIEWER);
    }

    @AfterAll
    void stop() {
        sandbox.close();
    }

    record Answer(int status, JsonNode body, HttpResponse<String> raw) {
        String etag() {
            return raw.headers().firstValue("ETag").orElse(null);
        }

        long version() {
            return Long.parseLong(etag().replace("\"", ""));
        }

        String contentType() {
            return raw.headers().firstValue("Content-Type").orElse("").split(";")[0];
        }
    }

    Answer call(String method, String path, String token, String body, Long ifMatch) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Bearer " + token);
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (ifMatch != null) {
            b.header("If-Match", "\"" + ifMatch + "\"");
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body().isEmpty() ? null : JSON.readTree(r.body()), r);
    }

    Answer get(String path) throws Exception {
        return call("GET", path, admin, null, null);
    }

    private static final String M = "/api/v1/migration";

    /** Creates a component (admin) with the given hosting and dependencies; returns its code. */
    String component(String code, String hostedAt, String dependsOn) throws Exception {
        String body = "{\"code\":\"" + code + "\",\"name\":\"Test " + code + "\",\"owner\":\"Test team\",\"wave\":3,"
                + "\"hostedAt\":[" + quoted(hostedAt) + "],\"dependsOn\":[" + quoted(dependsOn) + "]}";
        Answer a = call("POST", M + "/components", admin, body, null);
        assertEquals(201, a.status(), a.raw().body());
        return code;
    }

    private static String quoted(String csv) {
        return csv.isEmpty() ? "" : "\"" + String.join("\",\"", csv.split(",")) + "\"";
    }

    Answer move(String code, String to) throws Exception {
        long version = get(M + "/components/" + code).version();
        return call("POST", M + "/components/" + code + "/transitions", operator,
                "{\"to\":\"" + to + "\",\"reason\":\"Test move to " + to + "\"}", version);
    }

    void walk(String code, String... states) throws Exception {
        for (String state : states) {
            Answer a = move(code, state);
            assertEquals(200, a.status(), a.raw().body());
        }
    }

    @Test
    void aPermittedTransitionMovesTheComponentRecordsHistoryAndAudits() throws Exception {
        Answer before = get(M + "/components/PDS");
        assertEquals("parallel-run", before.body().get("state").asText());
        long history = count("SELECT COUNT(*) FROM component_transition WHERE component_code = 'PDS'");
        long audits = count("SELECT COUNT(*) FROM audit_event WHERE entity_type = 'component' AND entity_id = 'PDS' "
                + "AND action = 'transition'");

        Answer moved = move("PDS", "cut-over");

        assertEquals(200, moved.status(), moved.raw().body());
        assertEquals("cut-over", moved.body().get("state").asText());
        assertEquals(before.version() + 1, moved.version());
        assertEquals("parallel-run", moved.body().at("/lastTransition/from").asText());
        assertEquals("olu.operator", moved.body().at("/lastTransition/by").asText());
        assertEquals(history + 1, count("SELECT COUNT(*) FROM component_transition WHERE component_code = 'PDS'"));
        assertEquals(audits + 1, count("SELECT COUNT(*) FROM audit_event WHERE entity_type = 'component' "
                + "AND entity_id = 'PDS' AND action = 'transition'"));
    }

    @Test
    void cutOverIsRefusedWhileADependencyIsOnlyOnPremisesNamingIt() throws Exception {
        component("ALPHA", "DC-NORTH", "");
        component("BETA", "DC-NORTH,CLOUD-LDN-1", "ALPHA");
        walk("BETA", "preparing", "migrating", "parallel-run");
        Answer before = get(M + "/components/BETA");

        Answer refused = move("BETA", "cut-over");

        assertEquals(409, refused.status());
        assertEquals("application/problem+json", refused.contentType());
        assertEquals("TRANSITION_REFUSED", refused.body().get("code").asText());
        assertEquals("BETA cannot cut over: depends on ALPHA, still on DC-NORTH", refused.body().get("detail").asText());
        JsonNode blocker = refused.body().get("blockers").get(0);
        assertEquals("ALPHA", blocker.get("component").asText());
        assertEquals("DC-NORTH", blocker.get("site").asText());
        assertEquals("planned", blocker.get("state").asText());
        assertEquals("DEPENDENCY_ON_PREMISES", refused.body().at("/errors/0/code").asText());
        Answer after = get(M + "/components/BETA");
        assertEquals("parallel-run", after.body().get("state").asText());
        assertEquals(before.version(), after.version());

        // Once ALPHA runs in the cloud too, BETA may cut over.
        long alpha = get(M + "/components/ALPHA").version();
        assertEquals(200, call("PUT", M + "/components/ALPHA", admin, "{\"name\":\"Test ALPHA\",\"owner\":\"Test team\","
                + "\"wave\":3,\"hostedAt\":[\"DC-NORTH\",\"CLOUD-LDN-2\"]}", alpha).status());
        assertEquals(200, move("BETA", "cut-over").status());
    }

    @Test
    void decommissioningIsRefusedWhileADependentIsOnlyOnPremises() throws Exception {
        component("GAMMA", "DC-SOUTH,CLOUD-LDN-1", "");
        component("DELTA", "DC-SOUTH", "GAMMA");
        walk("GAMMA", "preparing", "migrating", "parallel-run", "cut-over");

        Answer refused = move("GAMMA", "decommissioning");

        assertEquals(409, refused.status());
        assertEquals("DEPENDENTS_ON_PREMISES", refused.body().at("/errors/0/code").asText());
        assertEquals("DELTA", refused.body().at("/blockers/0/component").asText());
        assertEquals("DC-SOUTH", refused.body().at("/blockers/0/site").asText());
        assertTrue(refused.body().get("detail").asText().contains("DELTA depends on it"));
        assertEquals("cut-over", get(M + "/components/GAMMA").body().get("state").asText());
    }

    @Test
    void aMoveNotInTheTableIsRefusedWithTheAllowedOnes() throws Exception {
        component("EPSILON", "DC-NORTH", "");
        Answer refused = move("EPSILON", "cut-over");
        assertEquals(409, refused.status());
        assertEquals("INVALID_TRANSITION", refused.body().at("/errors/0/code").asText());
        assertTrue(refused.body().get("detail").asText().contains("Allowed: preparing, blocked"),
                refused.body().get("detail").asText());
    }

    @Test
    void requiredRunbookStepsGateTheNextStateAndNeedEvidence() throws Exception {
        component("ZETA", "DC-NORTH", "");
        walk("ZETA", "preparing");
        Answer step = call("POST", M + "/components/ZETA/runbook", operator,
                "{\"phase\":\"prepare\",\"title\":\"Build the cloud environment\"}", null);
        assertEquals(201, step.status(), step.raw().body());
        long id = step.body().get("id").asLong();

        Answer refused = move("ZETA", "migrating");
        assertEquals(409, refused.status());
        assertEquals("RUNBOOK_INCOMPLETE", refused.body().at("/errors/0/code").asText());
        assertEquals("ZETA", refused.body().at("/blockers/0/component").asText());
        assertTrue(refused.body().at("/blockers/0/reason").asText().contains("Build the cloud environment"));

        String path = M + "/components/ZETA/runbook/" + id;
        Answer noEvidence = call("PATCH", path, operator, "{\"status\":\"done\"}", step.version());
        assertEquals(422, noEvidence.status());
        assertEquals("EVIDENCE_REQUIRED", noEvidence.body().at("/errors/0/code").asText());
        assertEquals("todo", get(path).body().get("status").asText());

        Answer done = call("PATCH", path, operator, "{\"status\":\"done\",\"evidence\":\"CHG0049001\"}", step.version());
        assertEquals(200, done.status(), done.raw().body());
        assertEquals("olu.operator", done.body().get("completedBy").asText());
        assertEquals(200, move("ZETA", "migrating").status());
        assertEquals(1, get(M + "/components/ZETA").body().at("/runbook/done").asInt());
    }

    @Test
    void runbookStepsInsertMoveAndDeleteInOrder() throws Exception {
        component("ETA", "DC-NORTH", "");
        for (String title : new String[] {"one", "two", "three"}) {
            assertEquals(201, call("POST", M + "/components/ETA/runbook", operator,
                    "{\"phase\":\"prepare\",\"title\":\"" + title + "\"}", null).status());
        }
        Answer inserted = call("POST", M + "/components/ETA/runbook", operator,
                "{\"seq\":1,\"phase\":\"prepare\",\"title\":\"zero\",\"required\":false}", null);
        assertEquals(1, inserted.body().get("seq").asInt());
        assertEquals("zero,one,two,three", titles("ETA"));

        JsonNode three = get(M + "/components/ETA/runbook").body().get("items").get(3);
        Answer moved = call("PATCH", M + "/components/ETA/runbook/" + three.get("id").asLong(), operator,
                "{\"seq\":2}", three.get("version").asLong());
        assertEquals(200, moved.status(), moved.raw().body());
        assertEquals("zero,three,one,two", titles("ETA"));

        Answer skip = call("PATCH", M + "/components/ETA/runbook/" + inserted.body().get("id").asLong(), operator,
                "{\"status\":\"skipped\"}", inserted.version());
        assertEquals(200, skip.status());
        JsonNode one = get(M + "/components/ETA/runbook").body().get("items").get(2);
        assertEquals(428, call("DELETE", M + "/components/ETA/runbook/" + one.get("id").asLong(), operator, null, null).status());
        assertEquals(204, call("DELETE", M + "/components/ETA/runbook/" + one.get("id").asLong(), operator, null,
                one.get("version").asLong()).status());
        assertEquals("zero,three,two", titles("ETA"));
        assertEquals(1, count("SELECT COUNT(*) FROM audit_event WHERE entity_type = 'runbook-step' AND action = 'delete' "
                + "AND entity_id = 'ETA/" + one.get("id").asLong() + "'"));
    }

    private String titles(String code) throws Exception {
        StringBuilder out = new StringBuilder();
        for (JsonNode step : get(M + "/components/" + code + "/runbook").body().get("items")) {
            out.append(out.length() == 0 ? "" : ",").append(step.get("title").asText());
        }
        return out.toString();
    }

    @Test
    void signOffIsRefusedWhileTheSiteCarriedTrafficSaysHowMuchAndChangesNothing() throws Exception {
        Answer checklist = get(M + "/sites/DC-NORTH/checklist");
        Answer refused = call("POST", M + "/sites/DC-NORTH/checklist/sign-off", admin,
                "{\"statement\":\"Approved for shutdown\"}", checklist.version());

        assertEquals(409, refused.status());
        assertEquals("TRANSITION_REFUSED", refused.body().get("code").asText());
        JsonNode traffic = null;
        for (JsonNode e : refused.body().get("errors")) {
            if (e.get("code").asText().equals("TRAFFIC_IN_WINDOW")) {
                traffic = e;
            }
        }
        assertNotNull(traffic, refused.raw().body());
        assertTrue(traffic.get("message").asText().matches("[\\d,]+ messages routed through DC-NORTH in the last 30 days\\."),
                "the time of the latest is a field (lastMessageAt), never in the sentence: " + traffic.get("message").asText());
        assertTrue(refused.body().get("blockers").size() > 0, "components still hosted are named");
        Answer site = get(M + "/sites/DC-NORTH");
        assertEquals("draining", site.body().get("status").asText());
        assertEquals(checklist.version(), get(M + "/sites/DC-NORTH/checklist").version());
    }

    @Test
    void aDataCentreWithEvidenceAndNoTrafficInTheWindowCanBeSignedOff() throws Exception {
        Answer created = call("POST", M + "/sites", admin, "{\"code\":\"DC-SPARE\",\"name\":\"Spare data centre\","
                + "\"kind\":\"data-centre\",\"region\":\"Leeds\",\"status\":\"draining\"}", null);
        assertEquals(201, created.status(), created.raw().body());
        JsonNode readiness = get(M + "/sites/DC-SPARE/readiness").body();
        assertFalse(readiness.get("ready").asBoolean());
        assertEquals("checklist-incomplete", readiness.at("/reasons/0/code").asText());

        for (JsonNode item : get(M + "/sites/DC-SPARE/checklist").body().get("items")) {
            Answer done = call("PATCH", M + "/sites/DC-SPARE/checklist/items/" + item.get("key").asText(), operator,
                    "{\"done\":true,\"evidence\":\"Report R-" + item.get("key").asText() + "\"}", item.get("version").asLong());
            assertEquals(200, done.status(), done.raw().body());
        }
        // Traffic 3 days ago: inside a 30-day window, outside a 2-day one.
        insertMessage("DC-SPARE", Instant.now().minus(3, ChronoUnit.DAYS));
        JsonNode notReady = get(M + "/sites/DC-SPARE/readiness?days=30").body();
        assertFalse(notReady.get("ready").asBoolean());
        assertEquals(1, notReady.get("messagesInWindow").asLong());
        assertEquals(1, notReady.get("reasons").size());
        assertEquals("traffic-in-window", notReady.at("/reasons/0/code").asText());

        Answer checklist = get(M + "/sites/DC-SPARE/checklist");
        assertTrue(checklist.body().get("complete").asBoolean());
        assertEquals(409, call("POST", M + "/sites/DC-SPARE/checklist/sign-off", admin,
                "{\"statement\":\"Approved for shutdown\"}", checklist.version()).status());
        assertTrue(get(M + "/sites/DC-SPARE/readiness?days=2").body().get("ready").asBoolean());

        Answer signed = call("POST", M + "/sites/DC-SPARE/checklist/sign-off", admin,
                "{\"statement\":\"DC-SPARE carries no traffic; approved under CHG0043001\",\"days\":2}", checklist.version());
        assertEquals(200, signed.status(), signed.raw().body());
        assertEquals("Embedded console", signed.body().get("signedOffBy").asText());
        assertEquals("decommissioned", get(M + "/sites/DC-SPARE").body().get("status").asText());
        assertEquals(1, count("SELECT COUNT(*) FROM audit_event WHERE action = 'sign-off' AND entity_id = 'DC-SPARE'"));

        JsonNode item = get(M + "/sites/DC-SPARE/checklist").body().at("/items/0");
        Answer closed = call("PATCH", M + "/sites/DC-SPARE/checklist/items/" + item.get("key").asText(), operator,
                "{\"owner\":\"Someone\"}", item.get("version").asLong());
        assertEquals(409, closed.status());
        assertEquals("ALREADY_SIGNED_OFF", closed.body().at("/errors/0/code").asText());
    }

    @Test
    void checklistEditsNeedTheCurrentVersion() throws Exception {
        JsonNode item = get(M + "/sites/DC-SOUTH/checklist").body().at("/items/0");
        String path = M + "/sites/DC-SOUTH/checklist/items/" + item.get("key").asText();
        long version = item.get("version").asLong();

        Answer missing = call("PATCH", path, operator, "{\"owner\":\"Network team\"}", null);
        assertEquals(428, missing.status());
        assertEquals("PRECONDITION_REQUIRED", missing.body().get("code").asText());

        Answer ok = call("PATCH", path, operator, "{\"owner\":\"Network team\"}", version);
        assertEquals(200, ok.status());
        assertEquals(version + 1, ok.version());

        Answer stale = call("PATCH", path, operator, "{\"owner\":\"Someone else\"}", version);
        assertEquals(412, stale.status());
        assertEquals("PRECONDITION_FAILED", stale.body().get("code").asText());
        assertEquals("Network team", stale.body().at("/current/owner").asText());
        assertEquals("\"" + (version + 1) + "\"", stale.etag());
        assertEquals("Network team", get(path).body().get("owner").asText());

        Answer cleared = call("PATCH", path, operator, "{\"owner\":null}", version + 1);
        assertEquals(200, cleared.status());
        assertTrue(cleared.body().get("owner").isNull());
    }

    @Test
    void viewersChangeNothingAndOperatorsCannotChangeStructure() throws Exception {
        long pds = get(M + "/components/ERS").version();
        assertEquals(403, call("POST", M + "/components/ERS/transitions", viewer,
                "{\"to\":\"preparing\",\"reason\":\"Viewer tries\"}", pds).status());
        JsonNode item = get(M + "/sites/DC-SOUTH/checklist").body().at("/items/1");
        assertEquals(403, call("PATCH", M + "/sites/DC-SOUTH/checklist/items/" + item.get("key").asText(), viewer,
                "{\"owner\":\"x\"}", item.get("version").asLong()).status());
        assertEquals(403, call("POST", M + "/sites", operator, "{\"code\":\"DC-X\",\"name\":\"x\",\"kind\":\"data-centre\","
                + "\"status\":\"active\"}", null).status());
        assertEquals(403, call("POST", M + "/sites/DC-SOUTH/checklist/sign-off", operator,
                "{\"statement\":\"Operator tries\"}", 1L).status());
        Answer denied = call("POST", M + "/waves", viewer, "{}", null);
        assertEquals(403, denied.status());
        assertEquals("ACCESS_DENIED", denied.body().get("code").asText());
        assertEquals(pds, get(M + "/components/ERS").version());
        assertEquals(404, get(M + "/sites/DC-X").status());
    }

    @Test
    void badInputIsA4xxProblemAndChangesNothing() throws Exception {
        Answer before = get(M + "/components/EPS");
        long audits = count("SELECT COUNT(*) FROM audit_event");
        String[][] cases = {
                {"PUT", M + "/components/EPS", "{not json", "400", "INVALID_REQUEST_BODY"},
                {"PUT", M + "/components/EPS", "{\"name\":\"x\",\"owner\":\"y\",\"colour\":\"red\"}", "400", "INVALID_REQUEST_BODY"},
                {"PUT", M + "/components/EPS", "{\"name\":\"\",\"owner\":\"y\"}", "422", "VALIDATION_FAILED"},
                {"PUT", M + "/components/EPS", "{\"name\":\"EPS\",\"owner\":\"y\",\"dependsOn\":[\"NOPE\"]}", "422", "VALIDATION_FAILED"},
                {"PUT", M + "/components/SDS", "{\"name\":\"SDS\",\"owner\":\"y\",\"dependsOn\":[\"EPS\"]}", "422", "VALIDATION_FAILED"},
                {"PUT", M + "/components/EPS", "{\"name\":\"EPS\",\"owner\":\"y\",\"wave\":\"three\"}", "400", "INVALID_REQUEST_BODY"},
                {"PUT", M + "/components/eps", "{\"name\":\"EPS\",\"owner\":\"y\"}", "400", "INVALID_IDENTIFIER_VALUE"},
                {"PUT", M + "/components/NOPE", "{\"name\":\"EPS\",\"owner\":\"y\"}", "404", "NO_RECORD_FOUND"},
                {"POST", M + "/components/EPS/transitions", "{\"to\":\"sideways\",\"reason\":\"x y z\"}", "400", "INVALID_REQUEST_BODY"},
                {"POST", M + "/components/EPS/transitions", "{\"to\":\"preparing\",\"reason\":\"\"}", "422", "VALIDATION_FAILED"},
                {"POST", M + "/sites", "{\"code\":\"dc north\",\"name\":\"x\",\"kind\":\"data-centre\",\"status\":\"active\"}", "422", "VALIDATION_FAILED"},
                {"POST", M + "/sites", "{\"code\":\"CLOUD-X\",\"name\":\"x\",\"kind\":\"cloud-region\",\"status\":\"draining\"}", "422", "VALIDATION_FAILED"},
                {"POST", M + "/sites", "{\"code\":\"DC-NORTH\",\"name\":\"x\",\"kind\":\"data-centre\",\"status\":\"active\"}", "409", "DUPLICATE_REJECTED"},
                {"POST", M + "/waves", "{\"number\":9,\"name\":\"x\",\"plannedStart\":\"2026-12-01\",\"plannedEnd\":\"2026-11-01\"}", "422", "VALIDATION_FAILED"},
                {"PATCH", M + "/sites/DC-SOUTH/checklist/items/dns-removed", "{}", "400", "INVALID_REQUEST_BODY"},
                {"PATCH", M + "/sites/DC-SOUTH/checklist/items/dns-removed", "{\"done\":\"yes\"}", "400", "INVALID_REQUEST_BODY"},
                {"PATCH", M + "/sites/DC-SOUTH/checklist/items/dns-removed", "{\"done\":true}", "422", "VALIDATION_FAILED"},
                {"PATCH", M + "/sites/DC-SOUTH/checklist/items/NO_SUCH", "{\"done\":true}", "400", "INVALID_IDENTIFIER_VALUE"},
                {"GET", M + "/components?sort=colour", null, "400", "BAD_REQUEST"},
                {"GET", M + "/components?limit=0", null, "400", "BAD_REQUEST"},
                {"GET", M + "/components?cursor=garbage", null, "400", "BAD_REQUEST"},
                {"GET", M + "/sites/DC-NORTH/readiness?days=400", null, "400", "BAD_REQUEST"},
                {"GET", M + "/burndown?interval=day&from=2020-01-01", null, "400", "BAD_REQUEST"},
                {"GET", M + "/burndown?from=yesterday", null, "400", "BAD_REQUEST"},
        };
        for (String[] c : cases) {
            long version = c[1].contains("/items/") ? 1 : c[1].contains("/components/SDS") ? get(M + "/components/SDS").version()
                    : before.version();
            Answer a = call(c[0], c[1], admin, c[2], c[0].equals("GET") || c[0].equals("POST") && !c[1].endsWith("transitions")
                    ? null : version);
            assertEquals(Integer.parseInt(c[3]), a.status(), c[0] + " " + c[1] + " " + c[2] + " -> " + a.raw().body());
            assertEquals("application/problem+json", a.contentType(), c[1]);
            assertEquals(c[4], a.body().get("code").asText(), c[1] + " " + c[2]);
        }
        Answer after = get(M + "/components/EPS");
        assertEquals(before.raw().body(), after.raw().body());
        assertEquals(audits, count("SELECT COUNT(*) FROM audit_event"));
        assertEquals("DEPENDENCY_CYCLE", call("PUT", M + "/components/SDS", admin,
                "{\"name\":\"SDS\",\"owner\":\"y\",\"dependsOn\":[\"EPS\"]}", get(M + "/components/SDS").version())
                .body().at("/errors/0/code").asText());
    }

    @Test
    void componentsPageByKeysetInEverySortWithoutRepeats() throws Exception {
        for (String sort : new String[] {"code", "-name", "wave", "state", "-updated-at"}) {
            Set<String> seen = new HashSet<>();
            String cursor = null;
            int total = -1;
            do {
                Answer page = get(M + "/components?limit=5&sort=" + sort + (cursor == null ? "" : "&cursor=" + cursor));
                assertEquals(200, page.status(), page.raw().body());
                total = page.body().get("approximateTotal").asInt();
                for (JsonNode c : page.body().get("items")) {
                    assertTrue(seen.add(c.get("code").asText()), sort + " repeats " + c.get("code").asText());
                }
                cursor = page.body().get("nextCursor").isNull() ? null : page.body().get("nextCursor").asText();
            } while (cursor != null);
            assertEquals(total, seen.size(), sort);
        }
        JsonNode filtered = get(M + "/components?site=DC-NORTH&state=planned&state=preparing&state=blocked").body();
        for (JsonNode c : filtered.get("items")) {
            assertTrue(c.get("hostedAt").toString().contains("DC-NORTH"));
        }
        assertTrue(filtered.get("items").size() >= 2);
    }

    @Test
    void dependencyGraphMarksTheEdgesThatBlockACutOver() throws Exception {
        JsonNode graph = get(M + "/dependencies").body();
        assertTrue(graph.get("nodes").size() >= 12);
        boolean scrBlockedByCore = false;
        for (JsonNode e : graph.get("edges")) {
            if (e.get("from").asText().equals("SCR") && e.get("to").asText().equals("CORE-MSG")) {
                scrBlockedByCore = e.get("blocksCutOver").asBoolean();
            }
            if (e.get("to").asText().equals("SDS")) {
                assertFalse(e.get("blocksCutOver").asBoolean(), "SDS runs in the cloud");
            }
        }
        assertTrue(scrBlockedByCore);
    }

    @Test
    void burndownComesFromTheStateHistory() throws Exception {
        JsonNode burndown = get(M + "/burndown?interval=week").body();
        JsonNode points = burndown.get("points");
        assertTrue(points.size() > 10);
        JsonNode first = points.get(0);
        JsonNode last = points.get(points.size() - 1);
        assertTrue(first.get("onPremises").asInt() > last.get("onPremises").asInt(), burndown.toString());
        for (JsonNode p : points) {
            assertEquals(p.get("total").asInt(), p.get("onPremises").asInt() + p.get("cutOver").asInt()
                    + p.get("decommissioned").asInt());
        }
        JsonNode waves = get(M + "/waves").body();
        assertEquals(4, waves.get("items").size());
        assertTrue(waves.at("/items/0/components").size() >= 3);
    }

    @Test
    void wavesAndSitesAreEditedWithIfMatch() throws Exception {
        Answer wave = get(M + "/waves/4");
        Answer changed = call("PUT", M + "/waves/4", admin, "{\"name\":\"Wave 4: the last\",\"plannedStart\":\""
                + wave.body().get("plannedStart").asText() + "\",\"plannedEnd\":\"" + wave.body().get("plannedEnd").asText()
                + "\",\"notes\":null}", wave.version());
        assertEquals(200, changed.status(), changed.raw().body());
        assertEquals(412, call("PUT", M + "/waves/4", admin, "{\"name\":\"again\",\"plannedStart\":\"2026-01-01\","
                + "\"plannedEnd\":\"2026-02-01\"}", wave.version()).status());

        Answer site = get(M + "/sites/CLOUD-LDN-2");
        Answer renamed = call("PUT", M + "/sites/CLOUD-LDN-2", admin, "{\"name\":\"London zone 2\",\"region\":\"uk-south\","
                + "\"status\":\"active\"}", site.version());
        assertEquals(200, renamed.status(), renamed.raw().body());
        assertEquals("uk-south", renamed.body().get("region").asText());
        assertEquals(2, get(M + "/sites?kind=cloud-region").body().get("items").size());
    }

    private long count(String sql) {
        return new Sql(sandbox.backbone().database().dataSource()).count(sql);
    }

    private void insertMessage(String site, Instant at) {
        TestPartitions.ensureDayOf(sandbox.backbone().database(), at);
        new Sql(sandbox.backbone().database().dataSource()).update("INSERT INTO message (message_id, conversation_id, "
                        + "interaction_id, messaging_pattern, from_asid, to_asid, from_ods, to_ods, site_code, status, "
                        + "attempts, size_bytes, created_at, updated_at) VALUES (?, ?, 'urn:nhs:names:services:psis:X', "
                        + "'sync', '200000000001', '200000000002', 'RR8', 'RTH', ?, 'delivered', 1, 100, ?, ?)",
                UUID.randomUUID(), UUID.randomUUID(), site, at, at);
    }
}
