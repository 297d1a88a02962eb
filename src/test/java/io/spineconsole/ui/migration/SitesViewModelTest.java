package io.spineconsole.ui.migration;

import io.spineconsole.domain.migration.ComponentState;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.migration.SiteKind;
import io.spineconsole.domain.migration.ChecklistItem;
import io.spineconsole.domain.migration.ChecklistItemPatch;
import io.spineconsole.domain.migration.ReadinessReasonCode;
import io.spineconsole.domain.migration.SiteCreate;
import io.spineconsole.domain.migration.SiteStatus;
import io.spineconsole.sandbox.SandboxFixture;
import io.spineconsole.ui.common.LoadState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sites on a real sandbox: readiness from traffic, the checklist form, conflicts, and the sign-off. */
class SitesViewModelTest {
    private static SandboxFixture sandbox;
    private static VmHarness admin;

    @BeforeAll
    static void start() {
        sandbox = SandboxFixture.start();
        admin = new VmHarness(sandbox, sandbox.adminToken());
        admin.connect();
    }

    @AfterAll
    static void stop() {
        admin.close();
        sandbox.close();
    }

    private static SitesViewModel sites() {
        return admin.model.sites();
    }

    private static void show(String code) {
        admin.run(() -> sites().select(code));
        admin.await(code + " loaded", () -> sites().stateProperty().get() == LoadState.LOADED
                && sites().siteProperty().get() != null && sites().siteProperty().get().code().equals(code));
    }

    @Test
    void theFirstOpenDataCentreIsShownFirst() {
        try (VmHarness fresh = new VmHarness(sandbox, sandbox.adminToken())) {
            fresh.connect();
            fresh.await("a site", () -> fresh.model.sites().selectedProperty().get() != null);
            assertEquals("DC-NORTH", fresh.call(() -> fresh.model.sites().selectedProperty().get()));
        }
    }

    @Test
    void aSiteWithRecentTrafficCannotBeSignedOffAndTheTrafficIsShown() {
        show("DC-NORTH");
        var readiness = admin.call(() -> sites().readinessProperty().get());
        assertFalse(readiness.ready());
        assertTrue(readiness.messagesInWindow() > 0);
        assertTrue(readiness.reasons().stream().anyMatch(r -> r.code() == ReadinessReasonCode.TRAFFIC_IN_WINDOW));
        assertFalse(admin.call(() -> sites().maySignOff()));
        assertTrue(admin.call(() -> sites().signOffBlockers()).stream().anyMatch(r -> r.contains("messages routed through DC-NORTH")));
        admin.await("traffic per day", () -> !sites().traffic().isEmpty());
        long perDay = admin.call(() -> sites().traffic().stream().mapToLong(SitesViewModel.TrafficDay::messages).sum());
        assertTrue(perDay > 0, "the days show the traffic");
        assertEquals(30, admin.call(() -> sites().traffic().size()));
        assertTrue(admin.call(() -> sites().hosted().stream().anyMatch(c -> c.code().equals("MESH"))));
    }

    @Test
    void theWindowChangesTheDaysShownAndIsKeptWithinBounds() {
        show("DC-NORTH");
        admin.run(() -> sites().setDays(7));
        admin.await("7 days", () -> sites().readinessProperty().get() != null && sites().readinessProperty().get().days() == 7
                && sites().traffic().size() == 7);
        admin.run(() -> sites().setDays(5000));
        assertEquals(365, admin.call(() -> sites().daysProperty().get()));
        admin.run(() -> sites().setDays(30));
        admin.await("30 days", () -> sites().readinessProperty().get().days() == 30);
    }

    @Test
    void aChecklistItemNeedsEvidenceBeforeItIsDoneAndTheServerKeepsWhoConfirmedIt() {
        show("DC-SOUTH");
        ChecklistItemEditor editor = sites().editor();
        ChecklistItem item = admin.call(() -> sites().checklistProperty().get().items().stream()
                .filter(i -> i.key().equals("data-erased")).findFirst().orElseThrow());
        admin.run(() -> editor.edit("DC-SOUTH", item));
        admin.run(() -> editor.doneProperty().set(true));
        assertEquals("Give the evidence before marking the item done.", admin.call(() -> editor.evidenceErrorProperty().get()));
        assertFalse(admin.call(editor::isValid));
        assertTrue(admin.call(() -> sites().unsavedChanges()).orElse("").contains("DC-SOUTH"), "the unsaved guard knows");
        admin.run(() -> editor.evidence().valueProperty().set("Certificate of destruction COD-7781 from the disposal supplier"));
        assertTrue(admin.call(editor::isValid));
        admin.run(() -> sites().saveItem());
        admin.await("saved", () -> sites().checklistProperty().get().items().stream()
                .anyMatch(i -> i.key().equals("data-erased") && i.done()));
        ChecklistItem saved = admin.api.migration().getChecklistItem("DC-SOUTH", "data-erased").join();
        assertEquals("Certificate of destruction COD-7781 from the disposal supplier", saved.evidence());
        assertEquals("Embedded console", saved.signedOffBy());
        assertFalse(admin.call(() -> editor.dirtyProperty().get()));
        admin.await("the history shows it", () -> sites().history().stream()
                .anyMatch(e -> "DC-SOUTH/data-erased".equals(e.entityId())));
    }

    @Test
    void aConflictKeepsTheEditAndOffersBothWays() {
        show("DC-SOUTH");
        ChecklistItemEditor editor = sites().editor();
        ChecklistItem item = admin.call(() -> sites().checklistProperty().get().items().stream()
                .filter(i -> i.key().equals("contracts-ended")).findFirst().orElseThrow());
        admin.run(() -> editor.edit("DC-SOUTH", item));
        admin.api.migration().updateChecklistItem("DC-SOUTH", "contracts-ended",
                new ChecklistItemPatch(null, "Commercial team", null, null), item.version()).join();
        admin.run(() -> editor.owner().valueProperty().set("Procurement"));
        admin.run(() -> sites().saveItem());
        admin.await("conflict", () -> editor.conflictProperty().get() != null);
        assertEquals("Procurement", admin.call(() -> editor.owner().value()), "the user's text is kept");
        assertEquals("Commercial team", admin.call(() -> editor.conflictProperty().get().owner()));
        admin.run(() -> sites().saveItem());
        admin.await("applied on top", () -> editor.conflictProperty().get() == null && !editor.dirtyProperty().get());
        assertEquals("Procurement", admin.api.migration().getChecklistItem("DC-SOUTH", "contracts-ended").join().owner());
    }

    @Test
    void aNewItemIsCheckedAsTyped() {
        show("DC-SOUTH");
        ChecklistItemEditor editor = sites().editor();
        admin.run(() -> editor.create("DC-SOUTH"));
        assertEquals("Say what has to be done.", admin.call(() -> editor.title().errorProperty().get()));
        admin.run(editor::close);
        assertEquals("", admin.call(() -> editor.title().errorProperty().get() + editor.key().errorProperty().get()
                + editor.evidenceErrorProperty().get()), "a closed form reports no problem");
        admin.run(() -> editor.create("DC-SOUTH"));
        admin.run(() -> editor.key().valueProperty().set("Tapes Destroyed"));
        assertTrue(admin.call(() -> editor.key().errorProperty().get()).startsWith("A key is"));
        admin.run(() -> {
            editor.key().valueProperty().set("tapes-destroyed");
            editor.title().valueProperty().set("Offsite backup tapes destroyed");
        });
        assertTrue(admin.call(editor::isValid));
        admin.run(() -> sites().saveItem());
        admin.await("created", () -> sites().checklistProperty().get().items().stream()
                .anyMatch(i -> i.key().equals("tapes-destroyed")));
    }

    @Test
    void aReadySiteIsSignedOffWithAStatement() {
        var api = admin.api.migration();
        api.createSite(new SiteCreate("DC-WEST", "Data centre West", SiteKind.DATA_CENTRE, "Bristol", SiteStatus.DRAINING)).join();
        for (ChecklistItem i : api.getSiteChecklist("DC-WEST").join().items()) {
            api.updateChecklistItem("DC-WEST", i.key(), new ChecklistItemPatch(null, null, true, "Evidence " + i.key()),
                    i.version()).join();
        }
        show("DC-WEST");
        assertTrue(admin.call(() -> sites().readinessProperty().get().ready()));
        assertTrue(admin.call(() -> sites().maySignOff()));
        admin.run(() -> sites().signOff("Approved by the programme board under CHG0050001"));
        admin.await("signed off", () -> sites().checklistProperty().get() != null
                && sites().checklistProperty().get().signedOffBy() != null);
        assertEquals(SiteStatus.DECOMMISSIONED, api.getSite("DC-WEST").join().status());
        assertTrue(admin.call(() -> sites().signOffOutcomeProperty().get()).startsWith("DC-WEST was signed off"));
        assertFalse(admin.call(() -> sites().maySignOff()), "only once");
    }

    @Test
    void anOperatorMayEditTheChecklistButNotSignOff() {
        String token = sandbox.backbone().tokens().create("site.operator", Role.OPERATOR);
        try (VmHarness operator = new VmHarness(sandbox, token)) {
            operator.connect();
            assertTrue(operator.call(() -> operator.model.mayOperateProperty().get()));
            assertFalse(operator.call(() -> operator.model.mayAdministerProperty().get()));
            operator.run(() -> operator.model.sites().select("DC-NORTH"));
            operator.await("loaded", () -> operator.model.sites().readinessProperty().get() != null);
            assertFalse(operator.call(() -> operator.model.sites().maySignOff()));
        }
        assertNotNull(ComponentState.CUT_OVER);
    }
}
