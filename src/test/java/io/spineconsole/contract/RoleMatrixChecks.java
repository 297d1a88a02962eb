package io.spineconsole.contract;

import com.fasterxml.jackson.databind.JsonNode;
import io.spineconsole.contract.Backbone.Answer;
import io.spineconsole.contract.OpenApiContract.Operation;
import io.spineconsole.domain.Coded;
import io.spineconsole.domain.Role;
import io.spineconsole.sandbox.SandboxFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every operation of openapi.yaml against every role, driven by the contract (its operations and
 * their {@code x-required-role}) and a valid request for each ({@link ValidRequests}): no token
 * gets 401; a role below the one required gets 403 ACCESS_DENIED and the store is unchanged; a
 * role at or above it gets through (2xx); and every change lands in the audit log with who, what,
 * when, before and after, tied to the request that made it by its X-Request-Id. Every answer is
 * also checked against the contract. Run with API tokens ({@link RoleMatrixTest}) and with single sign-on
 * access tokens ({@link OidcRoleMatrixTest}).
 */
@org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS)
abstract class RoleMatrixChecks {
    private static final List<Role> ROLES = List.of(Role.VIEWER, Role.OPERATOR, Role.ADMIN);
    /** Changes that are computations or replies, not stored changes: nothing to audit. */
    private static final Set<String> NOT_AUDITED = Set.of("POST /api/v1/registrations/checks",
            "POST /api/v1/messages/search-plan");

    /** Operations whose target keeps changing on its own: a redelivery job at work. */
    private static final Set<String> RUNS_IN_BACKGROUND = Set.of("POST /api/v1/redelivery-jobs/{jobId}/cancel");
    /** What a running redelivery job writes as it works (its audit entries are its own "redeliver"s). */
    private static final Set<String> JOB_TABLES = Set.of("message", "message_event", "redelivery_job",
            "redelivery_job_item", "audit_event", "message_rollup");

    /**
     * Written on a timer, not by a request: the roll-up keeper flushes its minute counts to this table
     * whenever a minute closes, so a flush could land between the two digests of a refused request.
     */
    private static final String FLUSHED_ON_A_TIMER = "message_rollup";

    private SandboxFixture sandbox;
    private Backbone backbone;
    private final OpenApiContract contract = OpenApiContract.get();

    /** The sandbox to check. */
    abstract SandboxFixture startSandbox();

    /** The callers of each role on it. */
    abstract Backbone callers(SandboxFixture sandbox);

    /** Whether the audit entry {@code actor} names the caller of {@code role}, beyond the name and role. */
    abstract boolean identifies(JsonNode actor, Role role);

    @BeforeAll
    void start() {
        sandbox = startSandbox();
        backbone = callers(sandbox);
    }

    @AfterAll
    void stop() {
        sandbox.close(); // fails if any answer broke the contract
    }

    @Test
    void everyOperationHasAValidRequest() {
        Set<String> missing = new TreeSet<>();
        contract.operations().forEach(op -> {
            if (!ValidRequests.all().containsKey(op.key())) {
                missing.add(op.key());
            }
        });
        Set<String> stale = new TreeSet<>(ValidRequests.all().keySet());
        contract.operations().forEach(op -> stale.remove(op.key()));
        assertTrue(missing.isEmpty(), "operations with no valid request in ValidRequests: " + missing);
        assertTrue(stale.isEmpty(), "ValidRequests entries for operations not in openapi.yaml: " + stale);
    }

    @Test
    void everyRouteAgainstEveryRole() {
        List<String> wrong = new ArrayList<>();
        int refused = 0;
        int allowed = 0;
        int audited = 0;
        List<Operation> ordered = new ArrayList<>(contract.operations());
        // A job being cancelled runs in the background and changes messages as it goes: last, so it
        // cannot disturb the store digests of other operations.
        ordered.sort(java.util.Comparator.comparing(op -> RUNS_IN_BACKGROUND.contains(op.key())));
        for (Operation op : ordered) {
            if (!ValidRequests.all().containsKey(op.key())) {
                continue; // reported by everyOperationHasAValidRequest
            }
            ApiCall call = ValidRequests.forOperation(op.key(), backbone);
            Answer anonymous = backbone.send(call, null);
            if (op.requiredRole().equals("none")) {
                expect(wrong, op, "no token", anonymous.status() / 100 == 2, anonymous);
                call = ValidRequests.forOperation(op.key(), backbone);
            } else {
                expect(wrong, op, "no token", anonymous.status() == 401 && "UNAUTHORISED".equals(anonymous.code()), anonymous);
            }
            for (Role role : ROLES) {
                boolean may = op.requiredRole().equals("none")
                        || role.includes(Coded.fromCode(Role.class, op.requiredRole()));
                if (!may) {
                    Map<String, String> before = StoreDigest.of(sandbox.backbone().database().dataSource());
                    Answer a = backbone.send(call, role);
                    List<String> changed = StoreDigest.changed(before, StoreDigest.of(sandbox.backbone().database().dataSource()))
                            .stream().filter(t -> !t.equalsIgnoreCase(FLUSHED_ON_A_TIMER)).toList();
                    if (RUNS_IN_BACKGROUND.contains(op.key())) {
                        // the running job changes the store itself; what must not change is that it runs
                        changed = changed.stream().filter(t -> !JOB_TABLES.contains(t.toLowerCase(java.util.Locale.ROOT))).toList();
                        String state = backbone.get(call.path().replace("/cancel", "")).json().at("/progress/state").asText();
                        if (state.equals("cancelled")) {
                            wrong.add(op.key() + " as " + role.code() + ": refused but the job was cancelled");
                        }
                    }
                    expect(wrong, op, role.code(), a.status() == 403 && "ACCESS_DENIED".equals(a.code()), a);
                    if (!changed.isEmpty()) {
                        wrong.add(op.key() + " as " + role.code() + ": refused but changed " + changed);
                    }
                    refused++;
                    continue;
                }
                Answer a = backbone.send(call, role);
                expect(wrong, op, role.code(), a.status() / 100 == 2, a);
                allowed++;
                if (op.changesData() && a.status() / 100 == 2 && !NOT_AUDITED.contains(op.key())) {
                    audited += checkAudited(wrong, op, role, a);
                }
                if (op.changesData()) {
                    call = ValidRequests.forOperation(op.key(), backbone); // the last one changed the state it relied on
                }
            }
        }
        dryRunImportIsForOperators(wrong);
        System.out.printf("Role matrix: %d operations, %d refused as expected, %d allowed, %d changes found in the "
                + "audit log; %d answers checked against openapi.yaml%n", contract.operations().size(), refused, allowed,
                audited, backbone.recorder().exchanges());
        assertEquals("", String.join("\n", wrong), "role matrix breaches");
        assertTrue(refused >= 50 && audited >= 30, "the matrix ran: " + refused + " refusals, " + audited + " audited");
    }

    /** The one operation whose role depends on a parameter: operators may run an import only as a dry run. */
    private void dryRunImportIsForOperators(List<String> wrong) {
        Operation op = contract.byKey("POST /api/v1/registrations/import").orElseThrow();
        assertEquals("operator", op.dryRunRole());
        ApiCall real = ValidRequests.forOperation(op.key(), backbone);
        Answer dryRun = backbone.send(real.withQuery("dryRun", "true"), Role.OPERATOR);
        expect(wrong, op, "operator, dry run", dryRun.status() == 200, dryRun);
        Answer viewerDryRun = backbone.send(real.withQuery("dryRun", "true"), Role.VIEWER);
        expect(wrong, op, "viewer, dry run", viewerDryRun.status() == 403, viewerDryRun);
    }

    private static void expect(List<String> wrong, Operation op, String who, boolean ok, Answer a) {
        if (!ok) {
            wrong.add(op.key() + " as " + who + ": " + a.status() + " " + abbreviate(a.text()));
        }
    }

    /**
     * The change is in the audit log: an entry made by this request (its X-Request-Id), naming the
     * caller and role, stamped now, with before and after as the action implies.
     */
    private int checkAudited(List<String> wrong, Operation op, Role role, Answer a) {
        String requestId = a.headers().get("x-request-id");
        JsonNode items = backbone.get("/api/v1/audit?limit=50").json().get("items");
        List<JsonNode> mine = new ArrayList<>();
        items.forEach(e -> {
            if (requestId != null && requestId.equals(e.path("requestId").asText())) {
                mine.add(e);
            }
        });
        if (mine.isEmpty()) {
            wrong.add(op.key() + " as " + role.code() + ": no audit entry for request " + requestId);
            return 0;
        }
        for (JsonNode e : mine) {
            String action = e.path("action").asText();
            boolean who = e.path("actor").path("role").asText().equals(role.code())
                    && e.path("actor").path("name").asText().equals(backbone.name(role))
                    && identifies(e.path("actor"), role);
            boolean when = Duration.between(Instant.parse(e.path("at").asText()), Instant.now()).abs().toSeconds() < 120;
            boolean before = switch (action) {
                case "create", "export", "view-payload", "mark-expected" -> e.path("before").isNull();
                case "import" -> e.path("before").isNull() || e.path("before").isObject(); // created or updated
                default -> e.path("before").isObject();
            };
            boolean after = switch (action) {
                case "delete", "view-payload", "unmark-expected" -> e.path("after").isNull();
                default -> e.path("after").isObject();
            };
            if (!who || !when || !before || !after || e.path("entityId").asText().isEmpty()) {
                wrong.add(op.key() + " as " + role.code() + ": audit entry incomplete (who " + who + ", when " + when
                        + ", before " + before + ", after " + after + "): " + e);
            }
        }
        return 1;
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
