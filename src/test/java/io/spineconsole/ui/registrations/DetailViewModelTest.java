package io.spineconsole.ui.registrations;

import io.spineconsole.api.BackboneApi;
import io.spineconsole.domain.registrations.RegistrationStatus;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.audit.AuditEntry;
import io.spineconsole.domain.registrations.CheckRule;
import io.spineconsole.domain.registrations.MhsEndpoint;
import io.spineconsole.domain.registrations.Organisation;
import io.spineconsole.domain.registrations.RegistrationAction;
import io.spineconsole.domain.registrations.TransitionRequest;
import io.spineconsole.settings.EnvironmentKind;
import io.spineconsole.ui.common.Confirmation;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.LoadState;
import io.spineconsole.ui.common.WorkspaceContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DetailViewModelTest {
    private static final I18n I18N = new I18n(Locale.UK);
    private static final io.spineconsole.ui.common.TimeText TIME = new io.spineconsole.ui.common.TimeText(
            java.time.Clock.fixed(java.time.Instant.parse("2026-12-01T10:00:00Z"), java.time.ZoneOffset.UTC), I18N,
            io.spineconsole.ui.common.TimeText.UK);
    static Sandbox sandbox;
    static BackboneApi admin;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.shared();
        admin = sandbox.client(Role.ADMIN);
    }


    @Test
    void anOrganisationShowsItsSystemsEndpointsFindingsAndHistory() {
        UiQueue q = new UiQueue();
        Organisation owner = Records.activeOrganisation(admin.registrations());
        MhsEndpoint endpoint = Records.endpoint(admin.registrations(), owner);
        DetailViewModel<Organisation> detail = new DetailViewModel<>(RecordKind.ORGANISATIONS, q.ui, I18N);
        detail.connect(sandbox.context(Role.VIEWER, EnvironmentKind.SANDBOX));
        detail.open(owner.odsCode());
        q.await("the record", () -> detail.record() != null);
        q.await("what belongs to it", () -> detail.endpoints().stateProperty().get() == LoadState.LOADED
                && detail.systems().stateProperty().get() == LoadState.EMPTY
                && detail.history().stateProperty().get() == LoadState.LOADED
                && detail.findingsStateProperty().get() != LoadState.LOADING);
        assertEquals(List.of(endpoint.id()), detail.endpoints().items().stream().map(MhsEndpoint::id).toList());
        assertEquals(List.of("transition", "transition", "create"),
                detail.history().items().stream().map(AuditEntry::action).toList(), "newest first");
        assertEquals(List.of("Created."), AuditChanges.describe(I18N, TIME, detail.history().items().get(2)));
        assertEquals(List.of("status: approved \u2192 active"), AuditChanges.describe(I18N, TIME, detail.history().items().get(0)));
        assertFalse(detail.mayChange(), "a viewer");
        assertFalse(detail.canEdit());
    }

    @Test
    void aChangedTimeInTheHistoryIsWordedLikeEveryTimeOnScreen() {
        AuditEntry renewed = new AuditEntry(7, java.time.Instant.parse("2026-12-01T09:00:00Z"),
                new io.spineconsole.domain.audit.AuditActor("jane.doe", 1L, Role.ADMIN), "update", "endpoint",
                "x", null, java.util.Map.of("certificate", java.util.Map.of("notAfter", "2026-12-01T07:55:37.212361583Z")),
                java.util.Map.of("certificate", java.util.Map.of("notAfter", "2027-06-01T00:00:00Z")), null);
        assertEquals(List.of("certificate.notAfter: Tue 1 Dec 07:55:37 \u2192 Tue 1 Jun 01:00:00"),
                AuditChanges.describe(I18N, TIME, renewed), "UK time, no raw ISO with nanoseconds");
    }

    @Test
    void anEndpointsFindingsComeFromTheChecksAndItsOwnerIsLoaded() {
        UiQueue q = new UiQueue();
        Organisation owner = Records.activeOrganisation(admin.registrations());
        MhsEndpoint endpoint = Records.endpoint(admin.registrations(), owner);
        MhsEndpoint odd = admin.registrations().updateEndpoint(endpoint.id(), endpoint.version(),
                new io.spineconsole.domain.registrations.MhsEndpointChange(endpoint.name(), endpoint.odsCode(), "YES-0000806",
                        endpoint.url(), endpoint.cpaId(), endpoint.interactions(), endpoint.messagingPattern(),
                        endpoint.reliability(), endpoint.mhsActor(), null, null)).join();
        DetailViewModel<MhsEndpoint> detail = new DetailViewModel<>(RecordKind.ENDPOINTS, q.ui, I18N);
        detail.connect(sandbox.context(Role.ADMIN, EnvironmentKind.SANDBOX));
        detail.show(odd);
        q.await("findings and owner", () -> detail.findingsStateProperty().get() == LoadState.LOADED
                && detail.ownerProperty().get() != null);
        List<CheckRule> rules = detail.findings().stream().map(f -> f.rule()).toList();
        assertTrue(rules.contains(CheckRule.PARTY_KEY_PREFIX_MISMATCH), rules.toString());
        assertTrue(rules.contains(CheckRule.CERTIFICATE_MISSING), rules.toString());
        assertTrue(detail.findings().get(0).severity().ordinal() <= detail.findings().get(rules.size() - 1).severity().ordinal(),
                "errors first");
        assertEquals(owner.odsCode(), detail.ownerProperty().get().odsCode());
        assertTrue(detail.canEdit());
        assertEquals(List.of(RegistrationAction.APPROVE, RegistrationAction.RETIRE), detail.actions());
    }

    @Test
    void aLifecycleActionIsConfirmedWithAReasonAndAStaleOneShowsTheCurrentRecord() {
        UiQueue q = new UiQueue();
        Organisation owner = Records.activeOrganisation(admin.registrations());
        MhsEndpoint endpoint = Records.endpoint(admin.registrations(), owner);
        DetailViewModel<MhsEndpoint> detail = new DetailViewModel<>(RecordKind.ENDPOINTS, q.ui, I18N);
        List<MhsEndpoint> changed = new ArrayList<>();
        detail.setOnChanged(changed::add);
        detail.connect(sandbox.context(Role.ADMIN, EnvironmentKind.SANDBOX));
        detail.show(endpoint);

        Confirmation approve = detail.confirmation(RegistrationAction.APPROVE);
        assertTrue(approve.reasonRequired());
        assertNull(approve.typeToConfirm(), "not LIVE");
        assertEquals("Approve endpoint " + endpoint.partyKey(), approve.title());
        detail.transition(RegistrationAction.APPROVE, "CAB 1432");
        q.await("the approval", () -> !detail.busyProperty().get());
        assertEquals(RegistrationStatus.APPROVED, detail.record().status());
        assertEquals("CAB 1432", detail.record().lastTransition().reason());
        assertEquals(detail.record(), changed.get(0), "the list row is updated");
        assertEquals("Done: Approve. The record is now Approved.", detail.actionDoneProperty().get());
        q.await("the history", () -> detail.history().stateProperty().get() == LoadState.LOADED
                && detail.history().items().get(0).action().equals("transition"));
        assertEquals("CAB 1432", detail.history().items().get(0).reason());

        // Someone activates it meanwhile; suspending the version shown is refused and the current one shown.
        MhsEndpoint shown = detail.record();
        admin.registrations().transitionEndpoint(shown.id(), shown.version(),
                new TransitionRequest(RegistrationAction.ACTIVATE, "Go-live")).join();
        detail.transition(RegistrationAction.RETIRE, "Duplicate");
        q.await("the refusal", () -> !detail.busyProperty().get());
        assertEquals(RegistrationStatus.ACTIVE, detail.record().status(), "the current version is shown");
        assertTrue(detail.actionErrorProperty().get().startsWith("Someone changed this record"));
        assertEquals(RegistrationStatus.ACTIVE, admin.registrations().endpoint(shown.id()).join().status(), "nothing retired");
    }

    @Test
    void aRecordThatCannotBeOpenedSaysWhyAndRetryAsksAgain() {
        UiQueue q = new UiQueue();
        DetailViewModel<Organisation> detail = new DetailViewModel<>(RecordKind.ORGANISATIONS, q.ui, I18N);
        detail.connect(sandbox.context(Role.VIEWER, EnvironmentKind.SANDBOX));
        detail.open("ZZ9Q9");
        assertEquals(LoadState.LOADING, detail.status().state(), "opening: nothing to show yet");
        q.await("the refusal", () -> detail.status().state() == LoadState.FAILED);
        assertNull(detail.record());
        assertFalse(detail.status().errorProperty().get().isEmpty(), "the placeholder says why");
        assertFalse(detail.status().errorDetailProperty().get().isEmpty(), "with a detail to copy");

        detail.status().retry();
        assertEquals(LoadState.LOADING, detail.status().state(), "Retry asks the server again");
        q.await("the second refusal", () -> detail.status().state() == LoadState.FAILED);

        Organisation owner = Records.activeOrganisation(admin.registrations());
        detail.show(owner);
        assertEquals(LoadState.LOADED, detail.status().state(), "a row at hand shows at once");
        assertEquals("", detail.status().errorProperty().get(), "and the old error is gone");
    }

    @Test
    void onLiveADestructiveActionAsksForTheEnvironmentsName() {
        UiQueue q = new UiQueue();
        Organisation owner = Records.activeOrganisation(admin.registrations());
        DetailViewModel<Organisation> detail = new DetailViewModel<>(RecordKind.ORGANISATIONS, q.ui, I18N);
        WorkspaceContext live = sandbox.context(Role.ADMIN, EnvironmentKind.LIVE);
        detail.connect(live);
        detail.show(owner);
        assertEquals(List.of(RegistrationAction.SUSPEND, RegistrationAction.RETIRE), detail.actions());
        Confirmation suspend = detail.confirmation(RegistrationAction.SUSPEND);
        assertEquals(live.environmentName(), suspend.typeToConfirm());
        assertTrue(suspend.destructive());
        assertFalse(suspend.accepts("", "Merger"));
        assertTrue(suspend.accepts(live.environmentName(), "Merger"));
        assertNull(detail.confirmation(RegistrationAction.ACTIVATE).typeToConfirm(), "not destructive");
    }
}
