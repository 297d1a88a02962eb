package io.spineconsole.ui.admin;

import io.spineconsole.api.http.HttpBackboneApi;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.audit.AuditActor;
import io.spineconsole.domain.audit.AuditEntry;
import io.spineconsole.domain.tokens.Token;
import io.spineconsole.domain.tokens.TokenCreate;
import io.spineconsole.sandbox.SandboxFixture;
import io.spineconsole.settings.EnvironmentKind;
import io.spineconsole.ui.common.ConsoleLink;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.LoadState;
import io.spineconsole.ui.common.WorkspaceContext;
import io.spineconsole.testing.TestUiThread;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The audit browser over a real sandbox's log: filters, paging by cursor, what changed, where the record is. */
class AuditBrowserViewModelTest {
    private static SandboxFixture sandbox;
    private static HttpBackboneApi api;
    private final TestUiThread ui = new TestUiThread();
    private AuditBrowserViewModel model;

    @BeforeAll
    static void start() {
        sandbox = SandboxFixture.startTiny();
        api = new HttpBackboneApi(sandbox.baseUrl(), sandbox::adminToken, HttpBackboneApi.HttpClientOptions.defaults());
    }

    @AfterAll
    static void stop() {
        api.close();
        sandbox.close();
    }

    @BeforeEach
    void create() {
        model = new AuditBrowserViewModel(ui.executor(), new I18n(Locale.UK), ZoneOffset.UTC);
        ui.run(() -> model.connect(new WorkspaceContext(api, api.me().join(), "test", "Sandbox",
                EnvironmentKind.SANDBOX)));
    }

    @AfterEach
    void close() {
        ui.close();
    }

    @Test
    void oneRecordsHistoryIsFoundByKindAndIdAndShowsWhatChanged() {
        Token token = api.tokens().create(new TokenCreate("audit.subject", "Sam Lee", Role.VIEWER, null,
                "For the audit test")).join().token();
        api.tokens().revoke(token.id(), "Finished with it", token.version()).join();
        ui.run(() -> model.showRecord("token", Long.toString(token.id())));
        ui.await("the history", () -> model.stateProperty().get() == LoadState.LOADED);
        List<AuditEntry> entries = ui.call(() -> List.copyOf(model.entries()));
        assertEquals(List.of("revoke", "create"), entries.stream().map(AuditEntry::action).toList(), "newest first");
        AuditEntry revoke = entries.get(0);
        assertEquals(revoke, ui.call(() -> model.selectedProperty().get()), "the newest is shown at once");
        List<AuditBrowserViewModel.Change> changes = AuditBrowserViewModel.changes(revoke);
        assertTrue(changes.contains(new AuditBrowserViewModel.Change("revokeReason", null, "Finished with it")),
                changes.toString());
        assertTrue(changes.stream().noneMatch(c -> c.field().equals("version") || c.field().equals("name")),
                "only what changed, and not the bookkeeping every change moves");
        assertEquals("Finished with it", revoke.reason());
    }

    @Test
    void theSearchFoundIsExportedWholeNotOnlyThePagesShown(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        for (int i = 0; i < AuditBrowserViewModel.PAGE + 3; i++) {
            api.tokens().create(new TokenCreate("exported." + i, "Pat", Role.VIEWER, null, null)).join();
        }
        assertTrue(!ui.call(model::canExport), "nothing searched yet");
        ui.run(() -> {
            model.entityTypeProperty().set("token");
            model.actionProperty().set("create");
            model.search();
        });
        ui.await("a page", () -> model.stateProperty().get() == LoadState.LOADED);
        long found = api.audit().search(new io.spineconsole.domain.audit.AuditQuery("token", null, null, "create", null,
                null, false, 1, null)).join().approximateTotal();
        java.nio.file.Path file = dir.resolve("audit.ndjson");
        ui.run(() -> model.export(file));
        ui.await("the export", () -> !model.exportingProperty().get());
        assertTrue(ui.call(() -> model.exportMessageProperty().get()).startsWith("Exported every entry found to audit.ndjson"),
                ui.call(() -> model.exportMessageProperty().get()));
        assertEquals(found, java.nio.file.Files.readAllLines(file).size(), "every entry found, beyond the page shown");
        assertTrue(found > AuditBrowserViewModel.PAGE);
    }

    @Test
    void theChosenEntryNamesThePersonBySubjectOrTheTokenByItsOwner() {
        var at = java.time.Instant.now();
        AuditEntry person = new AuditEntry(1, at, new io.spineconsole.domain.audit.AuditActor("Asha Patel", null,
                Role.ADMIN, "9990001", null), "create", "token", "7", null, null, Map.of(), null);
        AuditEntry token = new AuditEntry(2, at, new io.spineconsole.domain.audit.AuditActor("ci-admin", 12L,
                Role.ADMIN, null, "Gita Rao"), "create", "token", "8", null, null, Map.of(), null);
        AuditEntry seeded = new AuditEntry(3, at, new io.spineconsole.domain.audit.AuditActor("J. Bloggs", null, null),
                "update", "site", "DC-NORTH", null, Map.of(), Map.of(), null);
        assertEquals("By Asha Patel (admin), signed in through single sign-on as 9990001", model.whoInFull(person));
        assertEquals("By ci-admin (admin), with token 12 owned by Gita Rao", model.whoInFull(token));
        assertEquals("By J. Bloggs", model.whoInFull(seeded));
    }

    @Test
    void theLogIsPagedByCursorAndFilteredByActionAndDay() {
        for (int i = 0; i < AuditBrowserViewModel.PAGE + 5; i++) {
            api.tokens().create(new TokenCreate("paged." + i, "Pat", Role.VIEWER, null, null)).join();
        }
        ui.run(() -> {
            model.actionProperty().set("create");
            model.entityTypeProperty().set("token");
            model.fromProperty().set(LocalDate.now(ZoneOffset.UTC));
            model.search();
        });
        ui.await("a page", () -> model.stateProperty().get() == LoadState.LOADED);
        assertEquals(AuditBrowserViewModel.PAGE, ui.call(() -> model.entries().size()));
        assertTrue(ui.call(() -> model.moreProperty().get()));
        ui.run(model::loadMore);
        ui.await("the next page", () -> model.entries().size() > AuditBrowserViewModel.PAGE);
        List<AuditEntry> all = ui.call(() -> List.copyOf(model.entries()));
        assertEquals(all.size(), all.stream().map(AuditEntry::id).distinct().count(), "no entry twice across pages");
        assertTrue(all.stream().allMatch(e -> e.action().equals("create") && e.entityType().equals("token")));

        ui.run(() -> model.toProperty().set(LocalDate.now(ZoneOffset.UTC).minusDays(3)));
        ui.run(model::search);
        assertEquals("The \"to\" day is before the \"from\" day.", ui.call(() -> model.errorProperty().get()));
        ui.run(() -> {
            model.clearFilter();
            model.entityIdProperty().set("RR8");
            model.search();
        });
        assertEquals("Choose the kind of record the id belongs to.", ui.call(() -> model.errorProperty().get()));
    }

    @Test
    void anEntryLinksToItsRecordWhereTheConsoleHasAPageForIt() {
        assertEquals(ConsoleLink.of("registrations", "organisations/RR8"),
                AuditBrowserViewModel.link(entry("organisation", "RR8")).orElseThrow());
        assertEquals(ConsoleLink.of("migration", "components/SCR"),
                AuditBrowserViewModel.link(entry("component", "SCR")).orElseThrow());
        assertEquals(ConsoleLink.of("messages", "message/ABC"),
                AuditBrowserViewModel.link(entry("message", "ABC")).orElseThrow());
        assertFalse(AuditBrowserViewModel.link(entry("wave", "3")).isPresent());
        assertEquals("spine-console://admin/audit?type=organisation&id=RR8",
                AuditBrowserViewModel.historyLink("organisation", "RR8").toString());
    }

    @Test
    void aCreateShowsEveryFieldAndADeleteEveryFieldItHad() {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("name", "Leeds Teaching Hospitals");
        record.put("version", 1);
        AuditEntry created = new AuditEntry(1, Instant.now(), new AuditActor("a", 1L, Role.ADMIN), "create",
                "organisation", "RR8", null, null, record, null);
        assertEquals(List.of(new AuditBrowserViewModel.Change("name", null, "Leeds Teaching Hospitals")),
                AuditBrowserViewModel.changes(created));
        AuditEntry deleted = new AuditEntry(2, Instant.now(), new AuditActor("a", 1L, Role.ADMIN), "delete",
                "organisation", "RR8", null, record, null, null);
        assertEquals(List.of(new AuditBrowserViewModel.Change("name", "Leeds Teaching Hospitals", null)),
                AuditBrowserViewModel.changes(deleted));
    }

    private static AuditEntry entry(String type, String id) {
        return new AuditEntry(1, Instant.now(), new AuditActor("a", 1L, Role.ADMIN), "update", type, id, null,
                Map.of(), Map.of(), null);
    }
}
