package io.spineconsole.contract;

import com.fasterxml.jackson.databind.JsonNode;
import io.spineconsole.contract.Backbone.Answer;
import io.spineconsole.contract.BadInputCases.Case;
import io.spineconsole.contract.OpenApiContract.Operation;
import io.spineconsole.domain.Role;
import io.spineconsole.sandbox.SandboxFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The generated bad-input suite (TARGETS.md): for every operation of openapi.yaml, malformed
 * variants of a valid request ({@link BadInputCases}) — malformed identifiers in paths, unknown
 * ids, unknown and malformed query parameters, missing / stale / malformed If-Match, bad
 * Idempotency-Keys, bodies that are not JSON, of the wrong type, with unknown or missing members or
 * values that break the schema, oversized, or sent with the wrong content type. Every answer must be
 * a 4xx {@code application/problem+json} with a stable code from openapi.yaml's {@code ProblemCode}
 * (never 5xx), valid against the contract, and the store must be exactly as it was: every table,
 * audit and idempotency tables included, is compared before and after each operation's cases.
 */
class BadInputTest {
    private static final String CANCEL = "POST /api/v1/redelivery-jobs/{jobId}/cancel";
    private static SandboxFixture sandbox;
    private static Backbone backbone;
    private final OpenApiContract contract = OpenApiContract.get();

    @BeforeAll
    static void start() {
        sandbox = SandboxFixture.startTiny();
        // Requests here break the contract on purpose: only the answers are checked against it.
        backbone = new Backbone(sandbox, ContractRecorder.answersOnly());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
        assertTrue(backbone.recorder().violations().isEmpty(), backbone.recorder().report());
    }

    @Test
    void malformedRequestsToEveryOperationAreRefusedAndChangeNothing() {
        Set<String> codes = new TreeSet<>();
        contract.at("#/components/schemas/ProblemCode").get("enum").forEach(c -> codes.add(c.asText()));
        // Valid requests first (each may make the records it acts on), then nothing else changes the store.
        Map<Operation, ApiCall> valid = new LinkedHashMap<>();
        for (Operation op : contract.operations()) {
            valid.put(op, op.key().equals(CANCEL) ? finishedJobCancel() : ValidRequests.forOperation(op.key(), backbone));
        }
        backbone.get("/api/v1/messages/stats?groupBy=interaction"); // folds pending roll-ups into the store
        waitForJobsToFinish();
        DataSource store = sandbox.backbone().database().dataSource();
        BadInputCases generator = new BadInputCases(contract);
        List<String> wrong = new ArrayList<>();
        Map<String, Integer> byStatus = new java.util.TreeMap<>();
        int cases = 0;
        long started = System.nanoTime();
        Map<String, String> before = StoreDigest.of(store);
        for (Map.Entry<Operation, ApiCall> e : valid.entrySet()) {
            Operation op = e.getKey();
            for (Case c : generator.generate(op, e.getValue())) {
                Answer a = backbone.send(c.call(), op.requiredRole().equals("none") ? null : Role.ADMIN);
                cases++;
                byStatus.merge(Integer.toString(a.status()), 1, Integer::sum);
                String problem = check(c, a, codes);
                if (problem != null) {
                    wrong.add(op.key() + " — " + c.what() + ": " + problem);
                }
            }
            Map<String, String> after = StoreDigest.of(store);
            List<String> changed = StoreDigest.changed(before, after);
            if (!changed.isEmpty()) {
                wrong.add(op.key() + ": malformed requests changed " + changed);
            }
            before = after; // nothing else runs between one operation's cases and the next
        }
        System.out.printf("Bad-input suite: %d malformed requests over %d operations in %d ms; answers by status %s%n",
                cases, valid.size(), (System.nanoTime() - started) / 1_000_000, byStatus);
        assertEquals("", String.join("\n", wrong.stream().limit(150).toList()),
                wrong.size() + " malformed requests were not refused as the contract says");
        assertTrue(cases >= 500, "TARGETS.md asks for at least 500 malformed requests; generated " + cases);
    }

    /** Null when the answer is right; otherwise what is wrong with it. */
    private static String check(Case c, Answer a, Set<String> codes) {
        if (a.status() < 400 || a.status() > 499) {
            return "answered " + a.status() + " " + BadInputCases.abbreviate(a.text());
        }
        if (c.expected() != 0 && a.status() != c.expected()) {
            return "answered " + a.status() + " (" + a.code() + "), expected " + c.expected();
        }
        if (!a.contentType().startsWith("application/problem+json")) {
            return "answered " + a.contentType() + ", not application/problem+json";
        }
        if (a.code() == null || !codes.contains(a.code())) {
            return "code " + a.code() + " is not a ProblemCode of openapi.yaml";
        }
        return null;
    }

    /** Cancel's valid request targets a running job, which would change the store as it runs: use a finished one. */
    private static ApiCall finishedJobCancel() {
        return ApiCall.of("POST", "/api/v1/redelivery-jobs/" + backbone.newDryRunJob() + "/cancel")
                .withJson("{\"reason\":\"Contract test cancel\"}");
    }

    private static void waitForJobsToFinish() {
        for (int i = 0; i < 200; i++) {
            JsonNode running = backbone.get("/api/v1/redelivery-jobs?state=queued&state=running").json().get("items");
            if (running.isEmpty()) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("Redelivery jobs still running");
    }
}
