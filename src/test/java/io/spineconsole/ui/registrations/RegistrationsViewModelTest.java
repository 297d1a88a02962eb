package io.spineconsole.ui.registrations;

import io.spineconsole.ui.common.Debouncer;
import io.spineconsole.domain.Role;
import io.spineconsole.settings.EnvironmentKind;
import io.spineconsole.ui.common.ConsoleLink;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.LoadState;
import io.spineconsole.ui.common.Tile;
import io.spineconsole.ui.common.ViewMemory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegistrationsViewModelTest {
    private static final I18n I18N = new I18n(Locale.UK);
    static Sandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.shared();
    }

    private static RegistrationsViewModel model(UiQueue q, ViewMemory memory) {
        return new RegistrationsViewModel(q.ui, I18N, memory, new io.spineconsole.ui.common.TimeText(java.time.Clock.systemUTC(), I18N, ZoneOffset.UTC), Debouncer::immediate);
    }

    private static Optional<RegistrationsViewModel.Place> resolve(RegistrationsViewModel m, String link) {
        return m.resolve(ConsoleLink.parse(link).orElseThrow());
    }

    @Test
    void readsEveryLinkFormatItHonoursAndRefusesTheRest() {
        RegistrationsViewModel m = model(new UiQueue(), ViewMemory.inMemory());
        var org = resolve(m, "spine-console://registrations/organisations/RR8").orElseThrow();
        assertEquals(RegistrationsViewModel.Tab.ORGANISATIONS, org.tab());
        assertEquals("RR8", org.id());
        assertEquals("200000000985", resolve(m, "spine-console://registrations/systems/200000000985").orElseThrow().id());
        var endpoint = resolve(m, "spine-console://registrations/endpoints/6f1c1e0a-8a6b-4a4e-9d2f-3b7c2f9e0b11").orElseThrow();
        assertEquals(RecordKind.ENDPOINTS, endpoint.kind());
        var byPartyKey = resolve(m, "spine-console://registrations/endpoints?partyKey=YES-0000806").orElseThrow();
        assertEquals("YES-0000806", byPartyKey.search().param("partyKey").orElseThrow());
        assertEquals(RegistrationsViewModel.Tab.CHECKS, resolve(m, "spine-console://registrations/checks").orElseThrow().tab());
        var expiring = resolve(m, "spine-console://registrations/expiring?days=60").orElseThrow();
        assertEquals("60", expiring.days());
        assertTrue(resolve(m, "spine-console://registrations/endpoints/not-a-uuid").isEmpty());
        assertTrue(resolve(m, "spine-console://registrations/nonsense/RR8").isEmpty());
        assertTrue(resolve(m, "spine-console://messages/failures").isEmpty());
    }

    @Test
    void goesToARecordASearchAndTheExpiringViewAndRemembersTheSection() {
        UiQueue q = new UiQueue();
        ViewMemory memory = ViewMemory.inMemory();
        RegistrationsViewModel m = model(q, memory);
        m.connect(sandbox.context(Role.ADMIN, EnvironmentKind.SANDBOX));
        q.await("the summary", () -> m.summary().stateProperty().get() == LoadState.LOADED);
        assertEquals(4, m.summary().tiles().size());
        Tile organisations = m.summary().tiles().get(0);
        assertEquals("Organisations", organisations.label());

        m.go(resolve(m, "spine-console://registrations/organisations/RR8").orElseThrow());
        assertEquals(RegistrationsViewModel.Tab.ORGANISATIONS, m.tabProperty().get());
        q.await("RR8", () -> m.organisations().detail().record() != null);
        assertEquals("RR8", m.organisations().detail().record().odsCode());

        m.go(resolve(m, "spine-console://registrations/endpoints?ods=RR8&status=active").orElseThrow());
        q.await("the search", () -> m.endpoints().list().list().stateProperty().get() == LoadState.LOADED
                && "RR8".equals(m.endpoints().list().filter().ods()));
        assertTrue(m.endpoints().list().list().items().stream().allMatch(e -> e.odsCode().equals("RR8")));

        m.go(resolve(m, "spine-console://registrations/expiring?days=90").orElseThrow());
        assertEquals(90, m.expiring().daysProperty().get());
        assertEquals("expiring", memory.recall("registrations.section").orElseThrow());
        assertEquals(RegistrationsViewModel.Tab.EXPIRING, model(q, memory).tabProperty().get(), "next run opens here");
    }

    @Test
    void anUnsavedEditAnywhereIsReportedAndAViewerMayNotChange() {
        UiQueue q = new UiQueue();
        RegistrationsViewModel m = model(q, ViewMemory.inMemory());
        m.connect(sandbox.context(Role.ADMIN, EnvironmentKind.SANDBOX));
        assertTrue(m.unsavedChanges().isEmpty());
        m.systems().startCreate(Map.of("/odsCode", "RR8"));
        assertTrue(m.unsavedChanges().isEmpty(), "nothing typed yet");
        m.systems().form().get("/name").input().valueProperty().set("New PAS");
        assertEquals(Optional.of("The new accredited system is not saved."), m.unsavedChanges());
        m.systems().closeEditor();
        assertTrue(m.unsavedChanges().isEmpty());
        assertTrue(m.systems().mayChangeProperty().get());

        RegistrationsViewModel asViewer = model(q, ViewMemory.inMemory());
        asViewer.connect(sandbox.context(Role.VIEWER, EnvironmentKind.SANDBOX));
        assertFalse(asViewer.endpoints().mayChangeProperty().get());
        asViewer.endpoints().startCreate(Map.of());
        assertFalse(asViewer.endpoints().editingProperty().get(), "a viewer cannot open a form");
        assertFalse(asViewer.may(Role.OPERATOR));
    }
}
