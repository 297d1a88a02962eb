package io.spineconsole.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spineconsole.domain.Role;
import io.spineconsole.sandbox.SandboxFixture;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Response;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A sandbox seen over raw HTTP, for the contract suites: sends {@link ApiCall}s with any token
 * through a {@link ContractRecorder} (so every answer is checked against openapi.yaml), and makes
 * fresh records to act on, through the API itself, so each valid request fits the current state.
 */
public final class Backbone {
    private static final AtomicInteger SERIAL = new AtomicInteger(100);
    static final String PSIS = "urn:nhs:names:services:psis:REPC_IN150016UK05";

    private final SandboxFixture sandbox;
    private final ContractRecorder recorder;
    private final OkHttpClient http;
    private final HttpUrl base;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<Role, String> tokens;
    private final Map<Role, String> names;

    /** What came back. */
    public record Answer(int status, String contentType, Map<String, String> headers, String text, JsonNode json) {
        public String etag() {
            return headers.get("etag");
        }

        public String code() {
            return json == null ? null : json.path("code").asText(null);
        }
    }

    public Backbone(SandboxFixture sandbox, ContractRecorder recorder) {
        this(sandbox, recorder, Map.of(Role.ADMIN, sandbox.adminToken(),
                Role.OPERATOR, sandbox.backbone().tokens().create("otto.operator", Role.OPERATOR),
                Role.VIEWER, sandbox.backbone().tokens().create("vera.viewer", Role.VIEWER)),
                Map.of(Role.ADMIN, io.spineconsole.sandbox.http.server.SandboxBackbone.EMBEDDED_CONSOLE_TOKEN,
                        Role.OPERATOR, "otto.operator", Role.VIEWER, "vera.viewer"));
    }

    /** Calling with these bearer tokens (API tokens or single sign-on access tokens), their holders so named. */
    public Backbone(SandboxFixture sandbox, ContractRecorder recorder, Map<Role, String> tokens, Map<Role, String> names) {
        this.sandbox = sandbox;
        this.recorder = recorder;
        this.http = recorder.client();
        this.base = HttpUrl.get(sandbox.baseUrl());
        this.tokens = Map.copyOf(tokens);
        this.names = Map.copyOf(names);
    }

    public SandboxFixture sandbox() {
        return sandbox;
    }

    public ContractRecorder recorder() {
        return recorder;
    }

    /** The name of the token holder of each role, as the audit log names them. */
    public String name(Role role) {
        return names.get(role);
    }

    public String token(Role role) {
        return tokens.get(role);
    }

    /** Sends {@code call} with the token of {@code role} (null: no token). */
    public Answer send(ApiCall call, Role role) {
        try (Response r = http.newCall(call.toRequest(base, role == null ? null : tokens.get(role))).execute()) {
            // An event stream never ends: its answer is taken as it starts.
            String text = r.header("Content-Type", "").startsWith("text/event-stream") ? "" : r.body().string();
            Map<String, String> headers = new java.util.TreeMap<>();
            r.headers().names().forEach(n -> headers.put(n.toLowerCase(java.util.Locale.ROOT), r.header(n)));
            JsonNode node = null;
            String type = r.header("Content-Type", "");
            if (type.contains("json") && !text.isEmpty()) {
                try {
                    node = json.readTree(text);
                } catch (IOException notJson) {
                    node = null;
                }
            }
            return new Answer(r.code(), type, headers, text, node);
        } catch (IOException e) {
            throw new UncheckedIOException(call.toString(), e);
        }
    }

    public Answer admin(ApiCall call) {
        return send(call, Role.ADMIN);
    }

    /** An admin GET that must succeed. */
    public Answer get(String path) {
        return ok(admin(ApiCall.of("GET", path)), "GET " + path);
    }

    /** An admin POST of JSON that must succeed. */
    public Answer post(String path, String body) {
        return ok(admin(ApiCall.of("POST", path).withJson(body)), "POST " + path);
    }

    public String etag(String path) {
        return get(path).etag();
    }

    private static Answer ok(Answer a, String what) {
        if (a.status() / 100 != 2) {
            throw new IllegalStateException(what + " failed with " + a.status() + ": " + a.text());
        }
        return a;
    }

    static int serial() {
        return SERIAL.incrementAndGet();
    }

    // ---- fresh records, made through the API ----

    /** A new organisation (status requested); returns its ODS code. */
    public String newOrganisation() {
        String ods = "Q" + String.format("%04d", serial());
        post("/api/v1/registrations/organisations", "{\"odsCode\":\"" + ods + "\",\"name\":\"Contract test " + ods
                + "\",\"kind\":\"trust\"}");
        return ods;
    }

    /** A new accredited system of a new organisation; returns its ASID. */
    public String newSystem() {
        return newSystem(newOrganisation());
    }

    public String newSystem(String ods) {
        String asid = String.format("2%011d", serial());
        post("/api/v1/registrations/accredited-systems", "{\"asid\":\"" + asid + "\",\"odsCode\":\"" + ods
                + "\",\"name\":\"Contract system\",\"partyKey\":\"" + ods + "-" + asid.substring(5)
                + "\",\"interactions\":[\"" + PSIS + "\"]}");
        return asid;
    }

    /** The JSON body of a valid endpoint for organisation {@code ods}. */
    public static String endpointJson(String ods, int n) {
        String host = "mhs" + n + "." + ods.toLowerCase(java.util.Locale.ROOT) + ".example";
        return "{\"name\":\"Contract MHS\",\"odsCode\":\"" + ods + "\",\"partyKey\":\"" + ods + "-" + (1000000 + n)
                + "\",\"url\":\"https://" + host + "/reliablemessaging/reliablerequest\",\"cpaId\":\"S" + n
                + "\",\"interactions\":[\"" + PSIS + "\"],\"messagingPattern\":\"async-reliable\","
                + "\"reliability\":{\"retries\":2,\"retryInterval\":\"PT2H\",\"persistDuration\":\"PT7H\","
                + "\"ackRequested\":\"always\",\"duplicateElimination\":\"always\",\"syncReplyMode\":\"msh-signals-only\"},"
                + "\"fqdn\":\"" + host + "\"}";
    }

    /** A new endpoint of a new organisation; returns its id. */
    public String newEndpoint() {
        String ods = newOrganisation();
        return post("/api/v1/registrations/endpoints", endpointJson(ods, serial())).json().get("id").asText();
    }

    /** A new draining data centre with no components; returns its code. */
    public String newSite() {
        String code = "DC-T" + serial();
        post("/api/v1/migration/sites", "{\"code\":\"" + code + "\",\"name\":\"Test site " + code
                + "\",\"kind\":\"data-centre\",\"region\":\"Leeds\",\"status\":\"draining\"}");
        return code;
    }

    /** A new planned component hosted nowhere, with no dependencies; returns its code. */
    public String newComponent() {
        String code = "T" + serial();
        post("/api/v1/migration/components", "{\"code\":\"" + code + "\",\"name\":\"Test " + code
                + "\",\"owner\":\"Test team\",\"wave\":3}");
        return code;
    }

    /** A new alert rule (watching for a blocked component, so it raises nothing unless asked); returns its id. */
    public String newAlertRule() {
        return post("/api/v1/alert-rules", "{\"name\":\"Contract rule " + serial()
                + "\",\"kind\":\"migration-blocked\",\"scope\":\"component\",\"target\":\"" + newComponent()
                + "\"}").json().get("id").asText();
    }

    /** A new open alert: a new component blocked, a rule watching it, one evaluation round; returns its id. */
    public String newAlert() {
        String code = newComponent();
        String path = "/api/v1/migration/components/" + code;
        ok(admin(ApiCall.of("POST", path + "/transitions").withHeader("If-Match", etag(path))
                .withJson("{\"to\":\"blocked\",\"reason\":\"Contract test block\"}")), "blocking " + code);
        String rule = post("/api/v1/alert-rules", "{\"name\":\"Blocked " + code + "\",\"kind\":\"migration-blocked\","
                + "\"scope\":\"component\",\"target\":\"" + code + "\"}").json().get("id").asText();
        sandbox.backbone().alerts().evaluateNow();
        return ok(admin(ApiCall.of("GET", "/api/v1/alerts").withQuery("ruleId", rule)), "listing alerts").json()
                .get("items").get(0).get("id").asText();
    }

    /** A new runbook step of a component; returns its id. */
    public long newRunbookStep(String component) {
        return post("/api/v1/migration/components/" + component + "/runbook",
                "{\"phase\":\"prepare\",\"title\":\"Contract step " + serial() + "\"}").json().get("id").asLong();
    }

    /** A new checklist item of a site; returns its key. */
    public String newChecklistItem(String site) {
        String key = "contract-" + serial();
        post("/api/v1/migration/sites/" + site + "/checklist/items", "{\"key\":\"" + key + "\",\"title\":\"Contract item\"}");
        return key;
    }

    /** A wave number no wave has yet. */
    public int freeWaveNumber() {
        for (int i = 0; i < 900; i++) {
            int number = 100 + serial() % 900;
            if (admin(ApiCall.of("GET", "/api/v1/migration/waves/" + number)).status() == 404) {
                return number;
            }
        }
        throw new IllegalStateException("No free wave number");
    }

    /** A new wave; returns its number. */
    public int newWave() {
        int number = freeWaveNumber();
        post("/api/v1/migration/waves", "{\"number\":" + number + ",\"name\":\"Wave " + number
                + "\",\"plannedStart\":\"2027-01-01\",\"plannedEnd\":\"2027-02-01\"}");
        return number;
    }

    /** A new viewer token; returns its id. */
    public long newToken() {
        return post("/api/v1/tokens", "{\"name\":\"contract." + serial() + "\",\"role\":\"viewer\"}")
                .json().get("token").get("id").asLong();
    }

    /**
     * A message that can be redelivered: in a failed status, and no copy of its family in flight or
     * delivered (a second redelivery would be refused as already redelivered); returns its id.
     */
    public String redeliverableMessage() {
        for (JsonNode m : get("/api/v1/messages?status=dead-lettered&status=nacked&status=expired"
                + "&status=transmission-failed&limit=200").json().get("items")) {
            String id = m.get("messageId").asText();
            JsonNode detail = get("/api/v1/messages/" + id).json();
            boolean free = true;
            for (JsonNode event : detail.get("events")) {
                free &= !"DISCARDED".equals(event.path("code").asText()); // a discarded dead letter is not redelivered
            }
            for (JsonNode member : detail.get("lineage")) {
                free &= List.of("nacked", "transmission-failed", "dead-lettered", "expired")
                        .contains(member.get("status").asText());
            }
            if (free) {
                return id;
            }
        }
        throw new IllegalStateException("No failed message is left to redeliver");
    }

    /** A dead letter not discarded yet, the oldest on the first page (redeliveries take the newest); its id. */
    public String discardableDeadLetter() {
        JsonNode items = get("/api/v1/dead-letters?limit=200").json().get("items");
        if (items.size() < 2) {
            // A small seed has few dead letters, and redeliveries need some too: age one acknowledged message
            // into a dead letter, as retries exhausted would.
            try (java.sql.Connection c = sandbox.backbone().database().dataSource().getConnection();
                 java.sql.PreparedStatement ps = c.prepareStatement("UPDATE message SET status = 'dead-lettered', "
                         + "error_code = '14', error_description = 'Undelivered: 3 attempts, retries exhausted "
                         + "(TIMEOUT)' WHERE message_id = (SELECT MIN(message_id) FROM message "
                         + "WHERE status = 'acknowledged' AND redelivery_of IS NULL)")) {
                ps.executeUpdate();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            items = get("/api/v1/dead-letters?limit=200").json().get("items");
        }
        if (items.isEmpty()) {
            throw new IllegalStateException("No dead letter is left to discard");
        }
        return items.get(items.size() - 1).get("message").get("messageId").asText();
    }

    /** Any message; returns its id. */
    public String anyMessage() {
        return get("/api/v1/messages?limit=1").json().get("items").get(0).get("messageId").asText();
    }

    /** A dry-run redelivery job (it sends nothing and finishes at once); returns its id. */
    public String newDryRunJob() {
        return post("/api/v1/redelivery-jobs", "{\"messageIds\":[\"" + redeliverableMessage()
                + "\"],\"reason\":\"Contract test dry run\",\"dryRun\":true}").json().get("id").asText();
    }

    /** A slow real redelivery job over many messages, still running when it is cancelled; returns its id. */
    public String newRunningJob() {
        JsonNode failed = get("/api/v1/messages?status=dead-lettered&status=nacked&status=expired"
                + "&status=transmission-failed&limit=50").json().get("items");
        StringBuilder ids = new StringBuilder();
        failed.forEach(m -> ids.append(ids.length() == 0 ? "" : ",").append('"').append(m.get("messageId").asText()).append('"'));
        return post("/api/v1/redelivery-jobs", "{\"messageIds\":[" + ids + "],\"reason\":\"Contract test job\","
                + "\"ratePerSecond\":1}").json().get("id").asText();
    }

    /** The newest audit entry's id. */
    public long newestAuditId() {
        return get("/api/v1/audit?limit=1").json().get("items").get(0).get("id").asLong();
    }
}
