package io.spineconsole.api.http;

import io.spineconsole.api.ApiException;
import io.spineconsole.api.AuditApi;
import io.spineconsole.api.Page;
import io.spineconsole.api.http.HttpBackboneApi.HttpClientOptions;
import io.spineconsole.domain.migration.ComponentState;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.audit.AuditEntry;
import io.spineconsole.domain.audit.AuditQuery;
import io.spineconsole.domain.migration.ChecklistItem;
import io.spineconsole.domain.migration.ChecklistItemPatch;
import io.spineconsole.domain.migration.Component;
import io.spineconsole.domain.migration.ComponentTransitionRequest;
import io.spineconsole.sandbox.SandboxFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The audit client against the real sandbox: per-record migration histories and the log search. */
class HttpAuditApiTest {
    private static SandboxFixture sandbox;
    private static HttpBackboneApi api;
    private static AuditApi audit;

    @BeforeAll
    static void start() {
        sandbox = SandboxFixture.start();
        api = new HttpBackboneApi(sandbox.baseUrl(), sandbox::adminToken, HttpClientOptions.defaults());
        audit = api.audit();
    }

    @AfterAll
    static void stop() {
        api.close();
        sandbox.close();
    }

    private static ApiException failure(CompletableFuture<?> call) {
        return ApiException.unwrap(assertThrows(CompletionException.class, call::join));
    }

    @Test
    void aComponentsSeededHistoryNamesWhoMovedItAndWhy() {
        Page<AuditEntry> history = audit.componentHistory("SCR", null, null, null).join();
        List<String> states = history.items().stream().map(e -> e.afterValue("state")).toList();
        assertEquals(List.of("blocked", "migrating", "preparing"), states, "newest first");
        AuditEntry blocked = history.items().get(0);
        assertEquals("transition", blocked.action());
        assertEquals("amir.khan", blocked.actor().name());
        assertNull(blocked.actor().tokenId(), "seeded history has no token");
        assertEquals("Waiting for core messaging to leave DC-NORTH", blocked.reason());
        assertEquals("migrating", blocked.beforeValue("state"));
    }

    @Test
    void aTransitionMadeThroughTheApiIsAtTheTopOfTheHistory() {
        Component ers = api.migration().getComponent("ERS").join();
        api.migration().transitionComponent("ERS", new ComponentTransitionRequest(ComponentState.PREPARING,
                "Wave 3 kick-off agreed at programme board", null), ers.version()).join();
        AuditEntry newest = audit.componentHistory("ERS", "transition", 1, null).join().items().get(0);
        assertEquals("Wave 3 kick-off agreed at programme board", newest.reason());
        assertEquals("planned", newest.beforeValue("state"));
        assertEquals("preparing", newest.afterValue("state"));
        assertEquals(Role.ADMIN, newest.actor().role());
        assertTrue(newest.actor().tokenId() != null && newest.actor().tokenId() > 0);
    }

    @Test
    void aSitesHistoryHoldsItsChecklistItems() {
        ChecklistItem item = api.migration().getChecklistItem("DC-SOUTH", "dns-removed").join();
        api.migration().updateChecklistItem("DC-SOUTH", "dns-removed",
                new ChecklistItemPatch(null, "Network team", null, null), item.version()).join();
        AuditEntry newest = audit.siteHistory("DC-SOUTH", null, null, null).join().items().get(0);
        assertEquals("checklist-item", newest.entityType());
        assertEquals("DC-SOUTH/dns-removed", newest.entityId());
        assertEquals("Network team", newest.afterValue("owner"));
        assertTrue(audit.siteHistory("DC-NORTH", null, null, null).join().items().stream()
                .anyMatch(e -> "DC-NORTH/contracts-ended".equals(e.entityId())), "seeded checklist evidence is in the trail");
    }

    @Test
    void historiesPageWithoutRepeatsOrGaps() {
        Page<AuditEntry> all = audit.componentHistory("CIS", null, 100, null).join();
        List<Long> paged = new ArrayList<>();
        Page<AuditEntry> page = audit.componentHistory("CIS", null, 2, null).join();
        while (true) {
            page.items().forEach(e -> paged.add(e.id()));
            if (!page.hasMore()) {
                break;
            }
            page = audit.componentHistory("CIS", null, 2, page.nextCursor()).join();
        }
        assertEquals(all.items().stream().map(AuditEntry::id).toList(), paged);
        assertEquals(6, paged.size(), "CIS walked from planned to decommissioned");
    }

    @Test
    void theLogSearchFindsEveryCutOverOldestFirst() {
        Set<String> cutOver = new HashSet<>();
        AuditQuery query = new AuditQuery("component", null, null, "transition", null, null, true, 500, null);
        List<AuditEntry> entries = audit.search(query).join().items();
        for (int i = 1; i < entries.size(); i++) {
            assertTrue(!entries.get(i).at().isBefore(entries.get(i - 1).at()), "oldest first");
        }
        entries.stream().filter(e -> "cut-over".equals(e.afterValue("state"))).forEach(e -> cutOver.add(e.entityId()));
        assertTrue(cutOver.containsAll(Set.of("SDS", "SSP", "NRL", "CIS")), cutOver.toString());
    }

    @Test
    void theLogExportsToAFileAndTheExportIsAudited(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        AuditQuery transitions = new AuditQuery("component", null, null, "transition", null, null, true, null, null);
        long matching = audit.search(transitions.withCursor(null)).join().approximateTotal();
        java.nio.file.Path file = dir.resolve("audit.ndjson");
        var result = audit.export(transitions, 100_000, file).join();
        List<String> lines = java.nio.file.Files.readAllLines(file);
        assertEquals(matching, lines.size(), "one line per entry");
        assertTrue(!result.truncated());
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (String line : lines) {
            assertEquals("transition", json.readTree(line).path("action").asText());
        }
        var capped = audit.export(transitions, 3, dir.resolve("capped.ndjson")).join();
        assertTrue(capped.truncated());
        assertEquals(4, java.nio.file.Files.readAllLines(dir.resolve("capped.ndjson")).size(), "3 entries and the marker");

        List<AuditEntry> trail = audit.search(new AuditQuery("audit-log", null, null, "export", null, null, false, 10,
                null)).join().items();
        assertTrue(trail.stream().anyMatch(e -> "completed".equals(e.afterValue("phase"))
                && String.valueOf(matching).equals(e.afterValue("rows"))), trail.toString());
        assertTrue(trail.stream().allMatch(e -> e.actor().name().equals(
                io.spineconsole.sandbox.http.server.SandboxBackbone.EMBEDDED_CONSOLE_TOKEN)));

        String operator = sandbox.backbone().tokens().create("audit.reader", Role.OPERATOR);
        try (HttpBackboneApi asOperator = new HttpBackboneApi(sandbox.baseUrl(), () -> operator,
                HttpClientOptions.defaults())) {
            ApiException refused = failure(asOperator.audit().export(transitions, 10, dir.resolve("no.ndjson")));
            assertEquals(ApiException.Kind.FORBIDDEN, refused.kind());
            assertTrue(!java.nio.file.Files.exists(dir.resolve("no.ndjson")), "nothing written");
        }
    }

    @Test
    void badHistoryRequestsAreRefusedPlainly() {
        assertEquals(ApiException.Kind.NOT_FOUND, failure(audit.componentHistory("NOPE", null, null, null)).kind());
        assertEquals(ApiException.Kind.NOT_FOUND, failure(audit.siteHistory("DC-NOWHERE", null, null, null)).kind());
        ApiException badAction = failure(audit.componentHistory("PDS", "explode", null, null));
        assertEquals(ApiException.Kind.VALIDATION, badAction.kind());
        ApiException idWithoutType = failure(audit.search(new AuditQuery(null, "PDS", null, null, null, null, false,
                null, null)));
        assertEquals(400, idWithoutType.status());
        ApiException badCursor = failure(audit.componentHistory("PDS", null, null, "not-a-cursor"));
        assertEquals(400, badCursor.status());
    }
}
