package io.spineconsole.api.http;

import io.spineconsole.api.ApiException;
import io.spineconsole.api.MigrationApi;
import io.spineconsole.api.Page;
import io.spineconsole.api.http.HttpBackboneApi.HttpClientOptions;
import io.spineconsole.domain.migration.ComponentState;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.migration.SiteKind;
import io.spineconsole.domain.migration.Burndown;
import io.spineconsole.domain.migration.BurndownInterval;
import io.spineconsole.domain.migration.ChecklistItem;
import io.spineconsole.domain.migration.ChecklistItemCreate;
import io.spineconsole.domain.migration.ChecklistItemPatch;
import io.spineconsole.domain.migration.Component;
import io.spineconsole.domain.migration.ComponentCreate;
import io.spineconsole.domain.migration.ComponentQuery;
import io.spineconsole.domain.migration.ComponentTransitionRequest;
import io.spineconsole.domain.migration.ComponentUpdate;
import io.spineconsole.domain.migration.DependencyGraph;
import io.spineconsole.domain.migration.ReadinessReasonCode;
import io.spineconsole.domain.migration.RunbookPhase;
import io.spineconsole.domain.migration.RunbookStep;
import io.spineconsole.domain.migration.RunbookStepCreate;
import io.spineconsole.domain.migration.RunbookStepPatch;
import io.spineconsole.domain.migration.RunbookStepStatus;
import io.spineconsole.domain.migration.SignOffRequest;
import io.spineconsole.domain.migration.Site;
import io.spineconsole.domain.migration.SiteChecklist;
import io.spineconsole.domain.migration.SiteCreate;
import io.spineconsole.domain.migration.SiteQuery;
import io.spineconsole.domain.migration.SiteReadiness;
import io.spineconsole.domain.migration.SiteStatus;
import io.spineconsole.domain.migration.SiteUpdate;
import io.spineconsole.domain.migration.Wave;
import io.spineconsole.domain.migration.WaveCreate;
import io.spineconsole.domain.migration.WaveUpdate;
import io.spineconsole.sandbox.SandboxFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every migration operation of the client against the real sandbox on loopback. */
class HttpMigrationApiTest {
    private static SandboxFixture sandbox;
    private static HttpBackboneApi adminApi;
    private static HttpBackboneApi viewerApi;
    private static MigrationApi api;

    @BeforeAll
    static void start() {
        sandbox = SandboxFixture.start();
        adminApi = new HttpBackboneApi(sandbox.baseUrl(), sandbox::adminToken, sandbox.clientOptions(HttpClientOptions.defaults()));
        String viewer = sandbox.backbone().tokens().create("viewer", Role.VIEWER);
        viewerApi = new HttpBackboneApi(sandbox.baseUrl(), () -> viewer, sandbox.clientOptions(HttpClientOptions.defaults()));
        api = adminApi.migration();
    }

    @AfterAll
    static void stop() {
        adminApi.close();
        viewerApi.close();
        sandbox.close();
    }

    private static ApiException failure(CompletableFuture<?> call) {
        CompletionException e = assertThrows(CompletionException.class, call::join);
        return ApiException.unwrap(e);
    }

    @Test
    void sitesListReadCreateAndUpdate() {
        Page<Site> all = api.listSites(SiteQuery.all()).join();
        assertTrue(all.items().size() >= 4);
        assertTrue(all.totalIsExact());
        Page<Site> dataCentres = api.listSites(new SiteQuery(SiteKind.DATA_CENTRE, List.of(), null, "-code", 1, null)).join();
        assertEquals("DC-SOUTH", dataCentres.items().get(0).code());
        assertEquals("DC-NORTH", api.listSites(new SiteQuery(SiteKind.DATA_CENTRE, List.of(), null, "-code", 1,
                dataCentres.nextCursor())).join().items().get(0).code());

        Site north = api.getSite("DC-NORTH").join();
        assertEquals(SiteStatus.DRAINING, north.status());
        assertTrue(north.componentsHosted().contains("MESH"));
        assertTrue(north.lastMessageAt() != null, "seeded traffic went through DC-NORTH");

        Site created = api.createSite(new SiteCreate("CLOUD-MAN-1", "Cloud region Manchester", SiteKind.CLOUD_REGION,
                "uk-north", SiteStatus.PLANNED)).join();
        assertEquals(1, created.version());
        Site updated = api.updateSite("CLOUD-MAN-1", new SiteUpdate("Cloud region Manchester 1", "uk-north",
                SiteStatus.ACTIVE), created.version()).join();
        assertEquals(SiteStatus.ACTIVE, updated.status());
        ApiException stale = failure(api.updateSite("CLOUD-MAN-1", new SiteUpdate("x", null, SiteStatus.ACTIVE), 1));
        assertTrue(stale.isStale());
        assertEquals("Cloud region Manchester 1", stale.<Site>current().name());
    }

    @Test
    void checklistItemsReadinessAndSignOff() {
        api.createSite(new SiteCreate("DC-EAST", "Data centre East", SiteKind.DATA_CENTRE, "Norwich",
                SiteStatus.DRAINING)).join();
        SiteChecklist checklist = api.getSiteChecklist("DC-EAST").join();
        assertEquals(6, checklist.items().size());
        assertFalse(checklist.complete());

        ChecklistItem extra = api.createChecklistItem("DC-EAST", new ChecklistItemCreate("backups-destroyed",
                "Offsite backup tapes destroyed", "Records team")).join();
        assertEquals("backups-destroyed", api.getChecklistItem("DC-EAST", "backups-destroyed").join().key());

        ApiException noEvidence = failure(api.updateChecklistItem("DC-EAST", extra.key(),
                new ChecklistItemPatch(null, null, true, null), extra.version()));
        assertEquals("EVIDENCE_REQUIRED", noEvidence.fieldErrors().get(0).code());

        for (ChecklistItem item : api.getSiteChecklist("DC-EAST").join().items()) {
            ChecklistItem done = api.updateChecklistItem("DC-EAST", item.key(),
                    new ChecklistItemPatch(null, null, true, "Evidence for " + item.key()), item.version()).join();
            assertEquals("Embedded console", done.signedOffBy());
        }
        SiteReadiness readiness = api.getSiteReadiness("DC-EAST", 30).join();
        assertTrue(readiness.ready(), readiness.reasons().toString());
        assertEquals(0, readiness.messagesInWindow());

        SiteChecklist current = api.getSiteChecklist("DC-EAST").join();
        ApiException stale = failure(api.signOffSite("DC-EAST", new SignOffRequest("Approved", null), current.version() - 1));
        assertEquals(412, stale.status());
        SiteChecklist signed = api.signOffSite("DC-EAST", new SignOffRequest("Approved under CHG0043001", 30),
                current.version()).join();
        assertEquals("Approved under CHG0043001", signed.signOffStatement());
        assertEquals(SiteStatus.DECOMMISSIONED, api.getSite("DC-EAST").join().status());
    }

    @Test
    void aRefusedSignOffNamesTheTrafficAndTheBlockers() {
        SiteChecklist checklist = api.getSiteChecklist("DC-NORTH").join();
        SiteReadiness readiness = api.getSiteReadiness("DC-NORTH", 30).join();
        assertFalse(readiness.ready());
        assertTrue(readiness.messagesInWindow() > 0);
        assertTrue(readiness.reasons().stream().anyMatch(r -> r.code() == ReadinessReasonCode.TRAFFIC_IN_WINDOW));

        ApiException refused = failure(api.signOffSite("DC-NORTH", new SignOffRequest("Approved", 30), checklist.version()));
        assertEquals(ApiException.Kind.CONFLICT, refused.kind());
        assertEquals("TRANSITION_REFUSED", refused.code());
        assertTrue(refused.fieldErrors().stream().anyMatch(e -> e.code().equals("TRAFFIC_IN_WINDOW")));
        assertTrue(refused.blockers().stream().anyMatch(b -> b.component().equals("MESH")));
    }

    @Test
    void componentsCreateUpdateTransitionAndRefusalWithBlockers() {
        Component created = api.createComponent(new ComponentCreate("OLDBOX", "Legacy gateway", null, "Messaging team",
                2, List.of("DC-NORTH"), List.of())).join();
        Component dependent = api.createComponent(new ComponentCreate("NEWBOX", "New gateway", "Replaces OLDBOX",
                "Messaging team", 2, List.of("DC-NORTH", "CLOUD-LDN-1"), List.of("OLDBOX"))).join();
        assertEquals(ComponentState.PLANNED, dependent.state());
        assertEquals(List.of("NEWBOX"), api.getComponent("OLDBOX").join().dependents());

        Component updated = api.updateComponent("OLDBOX", new ComponentUpdate("Legacy gateway", "Old", "Core team", 2,
                null, null), created.version()).join();
        assertEquals("Core team", updated.owner());
        assertEquals(List.of("DC-NORTH"), updated.hostedAt());

        Component moving = dependent;
        for (ComponentState to : List.of(ComponentState.PREPARING, ComponentState.MIGRATING, ComponentState.PARALLEL_RUN)) {
            moving = api.transitionComponent("NEWBOX", new ComponentTransitionRequest(to, "Next step", null),
                    moving.version()).join();
        }
        long version = moving.version();
        ApiException refused = failure(api.transitionComponent("NEWBOX",
                new ComponentTransitionRequest(ComponentState.CUT_OVER, "Ready", null), version));
        assertEquals("NEWBOX cannot cut over: depends on OLDBOX, still on DC-NORTH", refused.getMessage());
        assertEquals("OLDBOX", refused.blockers().get(0).component());
        assertEquals("DC-NORTH", refused.blockers().get(0).site());

        Component cut = api.transitionComponent("NEWBOX", new ComponentTransitionRequest(ComponentState.ROLLED_BACK,
                "Roll back", List.of("DC-NORTH")), version).join();
        assertEquals(ComponentState.ROLLED_BACK, cut.state());
        assertEquals(List.of("DC-NORTH"), cut.hostedAt());
        assertEquals("Roll back", cut.lastTransition().reason());
    }

    @Test
    void listComponentsFiltersAndPages() {
        Page<Component> first = api.listComponents(new ComponentQuery(List.of(), null, null, null, null, "state", 4, null)).join();
        assertEquals(4, first.items().size());
        Set<String> seen = new HashSet<>();
        Page<Component> page = first;
        while (true) {
            page.items().forEach(c -> assertTrue(seen.add(c.code())));
            if (!page.hasMore()) {
                break;
            }
            page = api.listComponents(new ComponentQuery(List.of(), null, null, null, null, "state", 4, null)
                    .withCursor(page.nextCursor())).join();
        }
        assertEquals(first.approximateTotal(), seen.size());
        Page<Component> wave3 = api.listComponents(new ComponentQuery(List.of(ComponentState.PLANNED), 3, "DC-SOUTH",
                "referrals team", null, null, null, null)).join();
        assertEquals(List.of("ERS"), wave3.items().stream().map(Component::code).toList());
    }

    @Test
    void runbookStepsThroughTheirLife() {
        assertEquals(10, api.getRunbook("MESH").join().items().size());
        RunbookStep step = api.createRunbookStep("MESH", new RunbookStepCreate(null, RunbookPhase.PREPARE,
                "Agree mailbox cut-over window", "MESH team", false, null, null, null)).join();
        assertEquals(11, step.seq());
        assertEquals(step, api.getRunbookStep("MESH", step.id()).join());
        RunbookStep done = api.updateRunbookStep("MESH", step.id(), new RunbookStepPatch(null, null, null, " ", null,
                RunbookStepStatus.DONE, null, "Agreed with MESH users"), step.version()).join();
        assertNull(done.owner());
        assertEquals(RunbookStepStatus.DONE, done.status());
        api.deleteRunbookStep("MESH", step.id(), done.version()).join();
        assertEquals(ApiException.Kind.NOT_FOUND, failure(api.getRunbookStep("MESH", step.id())).kind());
    }

    @Test
    void graphWavesAndBurndown() {
        DependencyGraph graph = api.getDependencyGraph().join();
        assertTrue(graph.edges().stream().anyMatch(e -> e.from().equals("SCR") && e.to().equals("CORE-MSG") && e.blocksCutOver()));

        Page<Wave> waves = api.listWaves(2, null).join();
        assertEquals(2, waves.items().size());
        assertEquals(3, api.listWaves(2, waves.nextCursor()).join().items().get(0).number());
        Wave created = api.createWave(new WaveCreate(9, "Wave 9: tidy-up", LocalDate.now(), LocalDate.now().plusDays(30),
                null)).join();
        Wave updated = api.updateWave(9, new WaveUpdate("Wave 9: final tidy-up", created.plannedStart(),
                created.plannedEnd(), "Anything left"), created.version()).join();
        assertEquals("Anything left", api.getWave(9).join().notes());
        assertEquals(2, updated.version());

        Burndown weekly = api.getBurndown(null, null, BurndownInterval.WEEK).join();
        assertTrue(weekly.points().size() > 10);
        Burndown daily = api.getBurndown(LocalDate.now().minusDays(6), LocalDate.now(), BurndownInterval.DAY).join();
        assertEquals(7, daily.points().size());
    }

    @Test
    void aViewerIsRefusedChanges() {
        ApiException denied = failure(viewerApi.migration().transitionComponent("ERS",
                new ComponentTransitionRequest(ComponentState.PREPARING, "Viewer tries", null), 1));
        assertEquals(ApiException.Kind.FORBIDDEN, denied.kind());
        assertEquals(ComponentState.PLANNED, viewerApi.migration().getComponent("ERS").join().state());
    }
}
