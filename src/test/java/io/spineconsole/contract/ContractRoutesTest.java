package io.spineconsole.contract;

import io.spineconsole.contract.OpenApiContract.Operation;
import io.spineconsole.sandbox.SandboxFixture;
import io.spineconsole.sandbox.http.Access;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sandbox serves exactly the operations of openapi.yaml, each with the role the contract names. */
class ContractRoutesTest {
    private static SandboxFixture sandbox;
    private final OpenApiContract contract = OpenApiContract.get();

    @BeforeAll
    static void start() {
        sandbox = SandboxFixture.start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private Set<String> contractKeys() {
        return contract.operations().stream().map(Operation::key).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void everyServedRouteIsInTheContract() {
        List<String> served = sandbox.backbone().server().routes();
        assertFalse(served.isEmpty());
        Set<String> missing = new TreeSet<>(served);
        missing.removeAll(contractKeys());
        assertTrue(missing.isEmpty(), "served but not in openapi.yaml: " + missing);
    }

    @Test
    void everyOperationInTheContractIsServed() {
        Set<String> missing = contractKeys();
        missing.removeAll(sandbox.backbone().server().routes());
        assertTrue(missing.isEmpty(), "in openapi.yaml but not served: " + missing);
    }

    @Test
    void everyRouteDeclaresTheRoleTheContractNames() {
        Map<String, Access> access = sandbox.backbone().server().routeAccess();
        StringBuilder wrong = new StringBuilder();
        for (Operation op : contract.operations()) {
            assertTrue(Set.of("none", "viewer", "operator", "admin").contains(op.requiredRole()),
                    op.key() + " has no valid x-required-role: " + op.requiredRole());
            if (!access.containsKey(op.key())) {
                continue; // reported by everyOperationInTheContractIsServed
            }
            Access declared = access.get(op.key());
            String served = declared == null ? "nothing" : declared == Access.PUBLIC ? "none"
                    : declared.name().toLowerCase(Locale.ROOT);
            if (!served.equals(op.leastRole())) {
                wrong.append("\n  ").append(op.key()).append(": contract ").append(op.leastRole())
                        .append(", served ").append(served);
            }
        }
        assertEquals("", wrong.toString(), "routes whose access differs from x-required-role");
    }

    @Test
    void pathTemplatesMatchConcreteRequests() {
        assertEquals("GET /api/v1/messages/stats", contract.match("GET", "/api/v1/messages/stats").orElseThrow().key());
        assertEquals("GET /api/v1/messages/{messageId}",
                contract.match("GET", "/api/v1/messages/9d2c1f1e-0000-4000-8000-000000000001").orElseThrow().key());
        assertTrue(contract.match("GET", "/api/v1/messages/a/b").isEmpty());
        assertTrue(contract.match("PATCH", "/api/v1/me").isEmpty());
    }
}
