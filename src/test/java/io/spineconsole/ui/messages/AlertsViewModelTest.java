package io.spineconsole.ui.messages;

import io.spineconsole.domain.Role;
import io.spineconsole.domain.alerts.Alert;
import io.spineconsole.domain.alerts.AlertChange;
import io.spineconsole.domain.alerts.AlertState;
import io.spineconsole.domain.messages.MessageStatuses;
import io.spineconsole.testing.FakeAlertsApi;
import io.spineconsole.testing.FakeBackboneApi;
import io.spineconsole.testing.FakeMessagesApi;
import io.spineconsole.ui.common.Debouncer;
import io.spineconsole.ui.common.LoadState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Alerts tab without a toolkit: open and recent alerts listed, an operator acknowledges with a note
 * and snoozes, a viewer is told why not, a resolved alert cannot be acted on, and an alert leads to its
 * endpoint's health row and the failures behind it.
 */
class AlertsViewModelTest {
    private final TestServices s = new TestServices();
    private final FakeAlertsApi alerts = new FakeAlertsApi();
    private final UUID endpoint = UUID.randomUUID();

    private MessageFlowViewModel connected(Role role) {
        MessageFlowViewModel root = new MessageFlowViewModel(s.services(), Debouncer::immediate);
        root.connect(TestServices.context(new FakeBackboneApi(role).withAlerts(alerts), role));
        return root;
    }

    private AlertsViewModel showAlerts(MessageFlowViewModel root) {
        root.show(MessageFlowViewModel.Tab.ALERTS);
        return root.alerts();
    }

    @Test
    void anOperatorAcknowledgesTheAlertChosenWithANote() {
        Alert leeds = alerts.raise(FakeAlertsApi.failing(endpoint, "RR8"), AlertChange.OPENED);
        AlertsViewModel model = showAlerts(connected(Role.OPERATOR));
        assertEquals(LoadState.LOADED, model.alerts().status().state());
        assertEquals(List.of(leeds), List.copyOf(model.alerts().items()));

        model.selectedProperty().set(leeds);
        assertEquals("", model.whyNotProperty().get(), "an operator may act");
        model.note().valueProperty().set("Rang Leeds service desk");
        model.acknowledge();

        assertEquals(List.of("ack:" + leeds.id()), alerts.actions);
        Alert now = model.selectedProperty().get();
        assertEquals(AlertState.ACKNOWLEDGED, now.state());
        assertEquals("Rang Leeds service desk", now.acknowledged().note());
        assertEquals(now, model.alerts().items().get(0), "the row shows it as it now is");
        assertTrue(model.noticeProperty().get().startsWith("Acknowledged"), model.noticeProperty().get());
        assertEquals("", model.note().value(), "the note went with it");
    }

    @Test
    void anOperatorSnoozesForTheTimeChosen() {
        Alert leeds = alerts.raise(FakeAlertsApi.failing(endpoint, "RR8"), AlertChange.OPENED);
        AlertsViewModel model = showAlerts(connected(Role.OPERATOR));
        model.selectedProperty().set(leeds);
        model.snoozeForProperty().set(Duration.ofHours(4));
        model.snooze();

        Alert now = model.selectedProperty().get();
        assertEquals(AlertState.SNOOZED, now.state());
        assertEquals(FakeMessagesApi.NOW.plus(Duration.ofHours(4)), now.snoozedUntil());
    }

    @Test
    void aViewerSeesAlertsButIsToldWhyTheyCannotActOnThem() {
        Alert leeds = alerts.raise(FakeAlertsApi.failing(endpoint, "RR8"), AlertChange.OPENED);
        AlertsViewModel model = showAlerts(connected(Role.VIEWER));
        model.selectedProperty().set(leeds);

        assertTrue(model.whyNotProperty().get().contains("operator role"), model.whyNotProperty().get());
        model.acknowledge();
        model.snooze();
        assertEquals(List.of(), alerts.actions, "nothing sent");
    }

    @Test
    void aResolvedAlertCannotBeActedOnAndOneResolvedMeanwhileIsShownAsItIs() {
        Alert leeds = alerts.raise(FakeAlertsApi.failing(endpoint, "RR8"), AlertChange.OPENED);
        AlertsViewModel model = showAlerts(connected(Role.OPERATOR));
        model.selectedProperty().set(leeds);
        Alert resolved = new Alert(leeds.id(), leeds.ruleId(), leeds.ruleName(), leeds.ruleKind(), leeds.subject(),
                AlertState.RESOLVED, leeds.openedAt(), FakeMessagesApi.NOW, leeds.evidence(), null, null, null,
                FakeMessagesApi.NOW, leeds.lastNotifiedAt(), 1, leeds.version() + 1);
        alerts.raise(resolved, AlertChange.RESOLVED); // the server resolved it; the screen has not heard yet

        model.note().valueProperty().set("On it");
        model.acknowledge();

        assertTrue(!model.actionErrorProperty().get().isEmpty(), "the refusal is said");
        assertEquals(AlertState.RESOLVED, model.selectedProperty().get().state(), "reloaded as it now is");
        assertTrue(model.whyNotProperty().get().contains("resolved"), model.whyNotProperty().get());
        assertEquals("On it", model.note().value(), "the note typed stays");
    }

    @Test
    void theStreamsAlertChangesReloadTheListWhileTheTabIsShown() {
        AlertsViewModel model = showAlerts(connected(Role.VIEWER));
        assertEquals(LoadState.EMPTY, model.alerts().status().state());
        model.startChanges();
        alerts.raise(FakeAlertsApi.failing(endpoint, "RR8"), AlertChange.OPENED);
        model.pump();
        assertEquals(1, model.alerts().items().size());
        model.stopChanges();
    }

    @Test
    void anAlertLeadsToItsHealthRowAndTheFailuresBehindIt() {
        Alert leeds = alerts.raise(FakeAlertsApi.failing(endpoint, "RR8"), AlertChange.OPENED);
        MessageFlowViewModel root = connected(Role.VIEWER);
        AlertsViewModel model = showAlerts(root);
        model.selectedProperty().set(leeds);

        model.openHealth();
        assertEquals(MessageFlowViewModel.Tab.HEALTH, root.tabProperty().get());
        assertEquals("RR8", root.health().filterProperty().get());

        model.openFailures();
        assertEquals(MessageFlowViewModel.Tab.SEARCH, root.tabProperty().get());
        assertEquals(endpoint, root.search().form().endpointIdProperty().get());
        assertEquals(Set.copyOf(MessageStatuses.FAILED), Set.copyOf(root.search().form().statuses()));
    }

    @Test
    void theWorkspaceLinkOpensTheAlertsTab() {
        MessageFlowViewModel root = connected(Role.VIEWER);
        assertTrue(root.open(io.spineconsole.ui.common.ConsoleLink.of("messages", "alerts")));
        assertEquals(MessageFlowViewModel.Tab.ALERTS, root.tabProperty().get());
        assertNotNull(root.alerts().alerts().status());
        assertEquals("alerts", root.currentLink().path());
    }
}
