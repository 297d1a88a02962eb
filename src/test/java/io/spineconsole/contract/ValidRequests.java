package io.spineconsole.contract;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * For every operation of openapi.yaml, a request that succeeds against the sandbox as it stands,
 * made fresh each time (a new record to act on, the current ETag). The contract suites start from
 * these: the role matrix sends them with each role, the bad-input suite breaks them one way at a
 * time. {@link #forOperation} fails for an operation with no entry, so a new operation in the
 * contract cannot go untested.
 */
public final class ValidRequests {
    private static final String R = "/api/v1/registrations";
    private static final String M = "/api/v1/migration";
    /** Alert rules ({@code A + "-rules"}) and alerts ({@code A + "s"}). */
    private static final String A = "/api/v1/alert";
    private static final Map<String, Function<Backbone, ApiCall>> CATALOGUE = new TreeMap<>();

    private ValidRequests() {
    }

    private static void add(String key, Function<Backbone, ApiCall> factory) {
        if (CATALOGUE.put(key, factory) != null) {
            throw new IllegalStateException("Two entries for " + key);
        }
    }

    public static Map<String, Function<Backbone, ApiCall>> all() {
        return CATALOGUE;
    }

    /** A fresh valid request for the operation with this key ("GET /api/v1/me"). */
    public static ApiCall forOperation(String key, Backbone b) {
        Function<Backbone, ApiCall> factory = CATALOGUE.get(key);
        if (factory == null) {
            throw new AssertionError("No valid request for " + key + ": add one to ValidRequests");
        }
        return factory.apply(b);
    }

    private static ApiCall get(String path) {
        return ApiCall.of("GET", path);
    }

    private static ApiCall json(String method, String path, String body) {
        return ApiCall.of(method, path).withJson(body);
    }

    /** A guarded change: If-Match with the record's current ETag, read from {@code readPath}. */
    private static ApiCall guarded(Backbone b, String method, String path, String readPath, String body) {
        ApiCall call = ApiCall.of(method, path).withHeader("If-Match", b.etag(readPath));
        return body == null ? call : call.withJson(body);
    }

    private static String window() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return "\"from\":\"" + now.minus(2, ChronoUnit.DAYS) + "\",\"to\":\"" + now.plus(1, ChronoUnit.HOURS) + "\"";
    }

    /** A drift row not marked yet, to mark as expected. */
    private static String driftExpectation() {
        return "{\"recordType\":\"accredited-system\",\"status\":\"missing-in-sds\",\"recordKey\":\""
                + String.format("8%011d", Backbone.serial()) + "\",\"odsCode\":\"RR8\","
                + "\"reason\":\"Withdrawn here; SDS removes it next week\"}";
    }

    /** An endpoint-failing rule for every endpoint. */
    private static String alertRule() {
        return "{\"name\":\"Contract rule " + Backbone.serial() + "\",\"kind\":\"endpoint-failing\",\"scope\":\"all\","
                + "\"thresholds\":{\"errorRatePercent\":25,\"recoveryRatePercent\":5,\"windowMinutes\":10,"
                + "\"minVolume\":50},\"quietPeriodMinutes\":30}";
    }

    private static final String SANDBOX = "/api/v1/sandbox";

    /** A scenario run started now, to read or stop. */
    private static String newScenarioRun(Backbone b) {
        return b.post(SANDBOX + "/scenario-runs", "{\"name\":\"Certificate expiry at a trust\"}").json()
                .get("runId").asText();
    }

    static {
        // driving the sandbox (traffic stays off: a running simulator would change the store under the matrix)
        add("GET " + SANDBOX + "/traffic", b -> get(SANDBOX + "/traffic"));
        add("PUT " + SANDBOX + "/traffic", b -> json("PUT", SANDBOX + "/traffic", "{\"ratePerSecond\":0}"));
        add("GET " + SANDBOX + "/scenarios", b -> get(SANDBOX + "/scenarios"));
        add("GET " + SANDBOX + "/scenario-runs", b -> get(SANDBOX + "/scenario-runs"));
        add("POST " + SANDBOX + "/scenario-runs", b -> json("POST", SANDBOX + "/scenario-runs",
                "{\"definition\":\"scenario: Contract drill\\nat 1m for 10m: endpoint-failing ods=RR8 failure=nack\\n\"}"));
        add("GET " + SANDBOX + "/scenario-runs/{runId}", b -> get(SANDBOX + "/scenario-runs/" + newScenarioRun(b)));
        add("POST " + SANDBOX + "/scenario-runs/{runId}/stop", b -> ApiCall.of("POST",
                SANDBOX + "/scenario-runs/" + newScenarioRun(b) + "/stop"));
        // system and tokens
        add("GET /api/v1/health", b -> get("/api/v1/health"));
        add("GET /api/v1/me", b -> get("/api/v1/me"));
        add("GET /api/v1/tokens", b -> get("/api/v1/tokens").withQuery("role", "viewer").withQuery("limit", "5"));
        add("POST /api/v1/tokens", b -> json("POST", "/api/v1/tokens", "{\"name\":\"contract." + Backbone.serial()
                + "\",\"owner\":\"Contract Tester <contract@example.nhs.uk>\",\"role\":\"operator\",\"expiresAt\":\"" + Instant.now().plus(30, ChronoUnit.DAYS) + "\"}"));
        add("GET /api/v1/tokens/{tokenId}", b -> get("/api/v1/tokens/" + b.newToken()));
        add("POST /api/v1/tokens/{tokenId}/revoke", b -> {
            long id = b.newToken();
            return guarded(b, "POST", "/api/v1/tokens/" + id + "/revoke", "/api/v1/tokens/" + id,
                    "{\"reason\":\"Contract test revocation\"}");
        });
        add("POST /api/v1/tokens/{tokenId}/expiry", b -> {
            long id = b.newToken();
            return guarded(b, "POST", "/api/v1/tokens/" + id + "/expiry", "/api/v1/tokens/" + id,
                    "{\"expiresAt\":\"" + Instant.now().plus(60, ChronoUnit.DAYS) + "\",\"reason\":\"Contract test expiry\"}");
        });
        add("GET /api/v1/audit", b -> get("/api/v1/audit").withQuery("entityType", "organisation").withQuery("limit", "5"));
        add("GET /api/v1/audit/{auditId}", b -> {
            b.newOrganisation();
            return get("/api/v1/audit/" + b.newestAuditId());
        });

        // registrations
        add("GET " + R + "/summary", b -> get(R + "/summary"));
        add("GET " + R + "/interactions", b -> get(R + "/interactions").withQuery("pattern", "async-reliable"));
        add("GET " + R + "/organisations", b -> get(R + "/organisations").withQuery("status", "active").withQuery("limit", "5"));
        add("POST " + R + "/organisations", b -> json("POST", R + "/organisations", "{\"odsCode\":\"Q"
                + String.format("%04d", Backbone.serial()) + "\",\"name\":\"Contract org\",\"kind\":\"trust\",\"postcode\":\"LS1 3EX\"}"));
        add("GET " + R + "/organisations/{odsCode}", b -> get(R + "/organisations/" + b.newOrganisation()));
        add("PUT " + R + "/organisations/{odsCode}", b -> {
            String ods = b.newOrganisation();
            return guarded(b, "PUT", R + "/organisations/" + ods, R + "/organisations/" + ods,
                    "{\"name\":\"Renamed " + ods + "\",\"kind\":\"trust\"}");
        });
        add("DELETE " + R + "/organisations/{odsCode}", b -> {
            String ods = b.newOrganisation();
            return guarded(b, "DELETE", R + "/organisations/" + ods, R + "/organisations/" + ods, null);
        });
        add("POST " + R + "/organisations/{odsCode}/transitions", b -> {
            String ods = b.newOrganisation();
            return guarded(b, "POST", R + "/organisations/" + ods + "/transitions", R + "/organisations/" + ods,
                    "{\"action\":\"approve\",\"reason\":\"Contract test approval\"}");
        });
        add("GET " + R + "/organisations/{odsCode}/history", b -> get(R + "/organisations/" + b.newOrganisation() + "/history"));
        add("GET " + R + "/accredited-systems", b -> get(R + "/accredited-systems").withQuery("limit", "5"));
        add("POST " + R + "/accredited-systems", b -> {
            String ods = b.newOrganisation();
            return json("POST", R + "/accredited-systems", "{\"asid\":\"" + String.format("2%011d", Backbone.serial())
                    + "\",\"odsCode\":\"" + ods + "\",\"name\":\"Contract system\",\"interactions\":[\"" + Backbone.PSIS + "\"]}");
        });
        add("GET " + R + "/accredited-systems/{asid}", b -> get(R + "/accredited-systems/" + b.newSystem()));
        add("PUT " + R + "/accredited-systems/{asid}", b -> {
            String ods = b.newOrganisation();
            String asid = b.newSystem(ods);
            return guarded(b, "PUT", R + "/accredited-systems/" + asid, R + "/accredited-systems/" + asid,
                    "{\"odsCode\":\"" + ods + "\",\"name\":\"Renamed\",\"interactions\":[\"" + Backbone.PSIS + "\"]}");
        });
        add("DELETE " + R + "/accredited-systems/{asid}", b -> {
            String asid = b.newSystem();
            return guarded(b, "DELETE", R + "/accredited-systems/" + asid, R + "/accredited-systems/" + asid, null);
        });
        add("POST " + R + "/accredited-systems/{asid}/transitions", b -> {
            String asid = b.newSystem();
            return guarded(b, "POST", R + "/accredited-systems/" + asid + "/transitions", R + "/accredited-systems/" + asid,
                    "{\"action\":\"retire\",\"reason\":\"Contract test retirement\"}");
        });
        add("GET " + R + "/accredited-systems/{asid}/history", b -> get(R + "/accredited-systems/" + b.newSystem() + "/history"));
        add("GET " + R + "/endpoints", b -> get(R + "/endpoints").withQuery("certificateExpiringWithinDays", "30")
                .withQuery("limit", "5"));
        add("POST " + R + "/endpoints", b -> json("POST", R + "/endpoints",
                Backbone.endpointJson(b.newOrganisation(), Backbone.serial())));
        add("GET " + R + "/endpoints/{endpointId}", b -> get(R + "/endpoints/" + b.newEndpoint()));
        add("PUT " + R + "/endpoints/{endpointId}", b -> {
            String id = b.newEndpoint();
            String ods = b.get(R + "/endpoints/" + id).json().get("odsCode").asText();
            return guarded(b, "PUT", R + "/endpoints/" + id, R + "/endpoints/" + id,
                    Backbone.endpointJson(ods, Backbone.serial()));
        });
        add("DELETE " + R + "/endpoints/{endpointId}", b -> {
            String id = b.newEndpoint();
            return guarded(b, "DELETE", R + "/endpoints/" + id, R + "/endpoints/" + id, null);
        });
        add("POST " + R + "/endpoints/{endpointId}/transitions", b -> {
            String id = b.newEndpoint();
            return guarded(b, "POST", R + "/endpoints/" + id + "/transitions", R + "/endpoints/" + id,
                    "{\"action\":\"retire\",\"reason\":\"Contract test retirement\"}");
        });
        add("GET " + R + "/endpoints/{endpointId}/history", b -> get(R + "/endpoints/" + b.newEndpoint() + "/history"));
        add("POST " + R + "/checks", b -> json("POST", R + "/checks",
                "{\"rules\":[\"CERTIFICATE_EXPIRING\",\"CERTIFICATE_EXPIRED\"],\"expiringWithinDays\":30}"));
        add("POST " + R + "/import", b -> ApiCall.of("POST", R + "/import").withQuery("type", "organisations")
                .withBody("text/csv", ("odsCode,name,kind,parentOdsCode,postcode\nQ" + String.format("%04d", Backbone.serial())
                        + ",Imported org,trust,,LS1 3EX\n").getBytes(StandardCharsets.UTF_8)));
        add("GET " + R + "/export", b -> get(R + "/export").withQuery("format", "csv").withQuery("type", "organisations"));
        add("GET " + R + "/drift-expectations", b -> get(R + "/drift-expectations").withQuery("type", "endpoint")
                .withQuery("limit", "5"));
        add("POST " + R + "/drift-expectations", b -> json("POST", R + "/drift-expectations", driftExpectation()));
        add("DELETE " + R + "/drift-expectations/{expectationId}", b -> ApiCall.of("DELETE", R + "/drift-expectations/"
                + b.post(R + "/drift-expectations", driftExpectation()).json().get("id").asText()));

        // messages
        add("GET /api/v1/messages/summary", b -> get("/api/v1/messages/summary"));
        add("GET /api/v1/messages", b -> get("/api/v1/messages").withQuery("status", "dead-lettered").withQuery("limit", "5"));
        add("GET /api/v1/messages/{messageId}", b -> get("/api/v1/messages/" + b.anyMessage()));
        add("GET /api/v1/messages/{messageId}/payload", b -> get("/api/v1/messages/" + b.anyMessage() + "/payload"));
        add("POST /api/v1/messages/{messageId}/redeliver", b -> json("POST", "/api/v1/messages/"
                + b.redeliverableMessage() + "/redeliver", "{\"reason\":\"Contract test redelivery\"}"));
        add("GET /api/v1/messages/stats", b -> get("/api/v1/messages/stats").withQuery("groupBy", "interaction"));
        add("GET /api/v1/messages/endpoint-health", b -> get("/api/v1/messages/endpoint-health").withQuery("window", "P1D")
                .withQuery("limit", "5"));
        add("GET /api/v1/messages/failure-groups", b -> get("/api/v1/messages/failure-groups").withQuery("limit", "5"));
        add("GET /api/v1/messages/stream", b -> get("/api/v1/messages/stream"));
        add("GET /api/v1/audit/export", b -> get("/api/v1/audit/export").withQuery("maxRows", "5"));
        add("GET /api/v1/messages/export", b -> get("/api/v1/messages/export").withQuery("format", "csv")
                .withQuery("maxRows", "5"));
        add("GET /api/v1/dead-letters", b -> get("/api/v1/dead-letters").withQuery("limit", "5"));
        add("GET /api/v1/dead-letters/groups", b -> get("/api/v1/dead-letters/groups"));
        add("POST /api/v1/dead-letters/discard", b -> json("POST", "/api/v1/dead-letters/discard",
                "{\"messageIds\":[\"" + b.discardableDeadLetter() + "\"],\"reason\":\"Contract test discard\"}"));
        add("POST /api/v1/redelivery-jobs", b -> json("POST", "/api/v1/redelivery-jobs",
                "{\"filter\":{\"status\":[\"dead-lettered\"]," + window() + "},\"reason\":\"Contract test dry run\",\"dryRun\":true}"));
        add("GET /api/v1/redelivery-jobs", b -> get("/api/v1/redelivery-jobs").withQuery("limit", "5"));
        add("GET /api/v1/redelivery-jobs/{jobId}", b -> get("/api/v1/redelivery-jobs/" + b.newDryRunJob()));
        add("GET /api/v1/redelivery-jobs/{jobId}/items", b -> get("/api/v1/redelivery-jobs/" + b.newDryRunJob() + "/items"));
        add("POST /api/v1/redelivery-jobs/{jobId}/cancel", b -> json("POST", "/api/v1/redelivery-jobs/"
                + b.newRunningJob() + "/cancel", "{\"reason\":\"Contract test cancel\"}"));

        // alerts
        add("GET " + A + "-rules", b -> get(A + "-rules").withQuery("limit", "5"));
        add("POST " + A + "-rules", b -> json("POST", A + "-rules", alertRule()));
        add("GET " + A + "-rules/{ruleId}", b -> get(A + "-rules/" + b.newAlertRule()));
        add("PUT " + A + "-rules/{ruleId}", b -> {
            String path = A + "-rules/" + b.newAlertRule();
            return guarded(b, "PUT", path, path, alertRule());
        });
        add("DELETE " + A + "-rules/{ruleId}", b -> {
            String path = A + "-rules/" + b.newAlertRule();
            return guarded(b, "DELETE", path, path, null);
        });
        add("GET " + A + "s", b -> get(A + "s").withQuery("state", "open").withQuery("limit", "5"));
        add("GET " + A + "s/{alertId}", b -> get(A + "s/" + b.newAlert()));
        add("POST " + A + "s/{alertId}/acknowledge", b -> json("POST", A + "s/" + b.newAlert() + "/acknowledge",
                "{\"note\":\"Contract test acknowledgement\"}"));
        add("POST " + A + "s/{alertId}/snooze", b -> json("POST", A + "s/" + b.newAlert() + "/snooze",
                "{\"until\":\"" + Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS)
                        + "\",\"note\":\"Contract test snooze\"}"));

        // migration
        add("GET " + M + "/summary", b -> get(M + "/summary"));
        add("GET " + M + "/sites", b -> get(M + "/sites").withQuery("kind", "data-centre"));
        add("POST " + M + "/sites", b -> json("POST", M + "/sites", "{\"code\":\"DC-C" + Backbone.serial()
                + "\",\"name\":\"Contract site\",\"kind\":\"data-centre\",\"status\":\"active\"}"));
        add("GET " + M + "/sites/{siteCode}", b -> get(M + "/sites/" + b.newSite()));
        add("PUT " + M + "/sites/{siteCode}", b -> {
            String site = b.newSite();
            return guarded(b, "PUT", M + "/sites/" + site, M + "/sites/" + site,
                    "{\"name\":\"Renamed site\",\"region\":\"York\",\"status\":\"draining\"}");
        });
        add("GET " + M + "/sites/{siteCode}/readiness", b -> get(M + "/sites/" + b.newSite() + "/readiness")
                .withQuery("days", "7"));
        add("GET " + M + "/sites/{siteCode}/checklist", b -> get(M + "/sites/" + b.newSite() + "/checklist"));
        add("POST " + M + "/sites/{siteCode}/checklist/items", b -> json("POST", M + "/sites/" + b.newSite()
                + "/checklist/items", "{\"key\":\"contract-" + Backbone.serial() + "\",\"title\":\"Contract item\",\"owner\":\"Ops\"}"));
        add("PATCH " + M + "/sites/{siteCode}/checklist/items/{itemKey}", b -> {
            String site = b.newSite();
            String path = M + "/sites/" + site + "/checklist/items/" + b.newChecklistItem(site);
            return guarded(b, "PATCH", path, path, "{\"owner\":\"Network team\"}");
        });
        add("GET " + M + "/sites/{siteCode}/checklist/items/{itemKey}", b -> {
            String site = b.newSite();
            return get(M + "/sites/" + site + "/checklist/items/" + b.newChecklistItem(site));
        });
        add("POST " + M + "/sites/{siteCode}/checklist/sign-off", b -> {
            String site = b.newSite();
            String checklist = M + "/sites/" + site + "/checklist";
            for (com.fasterxml.jackson.databind.JsonNode item : b.get(checklist).json().get("items")) {
                String path = checklist + "/items/" + item.get("key").asText();
                b.admin(guarded(b, "PATCH", path, path, "{\"done\":true,\"evidence\":\"Report R-1\"}"));
            }
            return guarded(b, "POST", checklist + "/sign-off", checklist,
                    "{\"statement\":\"Carries no traffic; approved under CHG0043001\",\"days\":2}");
        });
        add("GET " + M + "/sites/{siteCode}/history", b -> get(M + "/sites/" + b.newSite() + "/history"));
        add("GET " + M + "/components", b -> get(M + "/components").withQuery("state", "planned"));
        add("POST " + M + "/components", b -> json("POST", M + "/components", "{\"code\":\"C" + Backbone.serial()
                + "\",\"name\":\"Contract component\",\"owner\":\"Test team\",\"wave\":3}"));
        add("GET " + M + "/components/{componentCode}", b -> get(M + "/components/" + b.newComponent()));
        add("PUT " + M + "/components/{componentCode}", b -> {
            String code = b.newComponent();
            return guarded(b, "PUT", M + "/components/" + code, M + "/components/" + code,
                    "{\"name\":\"Renamed\",\"owner\":\"Other team\",\"wave\":3}");
        });
        add("POST " + M + "/components/{componentCode}/transitions", b -> {
            String code = b.newComponent();
            return guarded(b, "POST", M + "/components/" + code + "/transitions", M + "/components/" + code,
                    "{\"to\":\"preparing\",\"reason\":\"Contract test move\"}");
        });
        add("GET " + M + "/components/{componentCode}/runbook", b -> get(M + "/components/" + b.newComponent() + "/runbook"));
        add("POST " + M + "/components/{componentCode}/runbook", b -> json("POST", M + "/components/" + b.newComponent()
                + "/runbook", "{\"phase\":\"prepare\",\"title\":\"Build the cloud environment\"}"));
        add("PATCH " + M + "/components/{componentCode}/runbook/{stepId}", b -> {
            String code = b.newComponent();
            String path = M + "/components/" + code + "/runbook/" + b.newRunbookStep(code);
            return guarded(b, "PATCH", path, path, "{\"owner\":\"Cloud team\"}");
        });
        add("GET " + M + "/components/{componentCode}/runbook/{stepId}", b -> {
            String code = b.newComponent();
            return get(M + "/components/" + code + "/runbook/" + b.newRunbookStep(code));
        });
        add("DELETE " + M + "/components/{componentCode}/runbook/{stepId}", b -> {
            String code = b.newComponent();
            String path = M + "/components/" + code + "/runbook/" + b.newRunbookStep(code);
            return guarded(b, "DELETE", path, path, null);
        });
        add("GET " + M + "/components/{componentCode}/history", b -> get(M + "/components/" + b.newComponent() + "/history"));
        add("GET " + M + "/dependencies", b -> get(M + "/dependencies"));
        add("GET " + M + "/waves", b -> get(M + "/waves").withQuery("limit", "5"));
        add("POST " + M + "/waves", b -> json("POST", M + "/waves", "{\"number\":" + b.freeWaveNumber()
                + ",\"name\":\"Contract wave\",\"plannedStart\":\"2027-03-01\",\"plannedEnd\":\"2027-04-01\"}"));
        add("GET " + M + "/waves/{waveNumber}", b -> get(M + "/waves/" + b.newWave()));
        add("PUT " + M + "/waves/{waveNumber}", b -> {
            int number = b.newWave();
            return guarded(b, "PUT", M + "/waves/" + number, M + "/waves/" + number,
                    "{\"name\":\"Renamed wave\",\"plannedStart\":\"2027-01-01\",\"plannedEnd\":\"2027-03-01\"}");
        });
        add("GET " + M + "/burndown", b -> get(M + "/burndown").withQuery("interval", "week"));
    }
}
