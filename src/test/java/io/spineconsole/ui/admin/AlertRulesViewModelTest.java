package io.spineconsole.ui.admin;

import io.spineconsole.api.ApiException;
import io.spineconsole.domain.Principal;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.alerts.AlertRule;
import io.spineconsole.domain.alerts.AlertRuleDraft;
import io.spineconsole.domain.alerts.AlertRuleKind;
import io.spineconsole.domain.alerts.AlertScope;
import io.spineconsole.domain.alerts.AlertThreshold;
import io.spineconsole.domain.alerts.AlertThresholds;
import io.spineconsole.settings.EnvironmentKind;
import io.spineconsole.testing.FakeAlertsApi;
import io.spineconsole.testing.FakeBackboneApi;
import io.spineconsole.testing.FakeMessagesApi;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.TimeText;
import io.spineconsole.ui.common.UiExecutor;
import io.spineconsole.ui.common.WorkspaceContext;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The alert rules editor without a toolkit: the form judges a rule as it is typed by the server's own
 * rules and refuses to send a wrong one; the server's field errors land on their fields and nothing
 * typed is lost; someone else's save first keeps the edit and offers theirs.
 */
class AlertRulesViewModelTest {
    private final I18n i18n = new I18n(Locale.UK);
    private final Clock clock = Clock.fixed(FakeMessagesApi.NOW, ZoneOffset.UTC);
    private final FakeAlertsApi alerts = new FakeAlertsApi();
    private final AlertRulesViewModel model = new AlertRulesViewModel(new UiExecutor(Runnable::run), i18n,
            new TimeText(clock, i18n, TimeText.UK));

    private void connect(Role role, FakeAlertsApi api) {
        model.connect(new WorkspaceContext(new FakeBackboneApi(role).withAlerts(api),
                new Principal("Asha", role, 1), "p", "INT", EnvironmentKind.INT));
    }

    private static AlertRule saved(FakeAlertsApi api, String name) {
        return api.createRule(new AlertRuleDraft(name, AlertRuleKind.ENDPOINT_FAILING, AlertScope.ORGANISATION, "RR8",
                AlertThresholds.endpointFailing(20, 5, 15, 20), true, 60)).join();
    }

    @Test
    void theFormSaysWhatIsWrongAsItIsTypedAndRefusesToSendIt() {
        connect(Role.ADMIN, alerts);
        AlertRuleForm f = model.form();
        f.name().valueProperty().set("Leeds failing");
        assertTrue(f.isValid(), "the defaults make a whole rule: " + f.issuesProperty().get());

        f.figure(AlertThreshold.WINDOW_MINUTES).valueProperty().set("2");
        assertTrue(f.errorOf("/thresholds/windowMinutes").get().contains("too short"),
                f.errorOf("/thresholds/windowMinutes").get());
        f.figure(AlertThreshold.RECOVERY_RATE_PERCENT).valueProperty().set("30");
        assertTrue(f.errorOf("/thresholds/recoveryRatePercent").get().contains("below the trip figure"),
                f.errorOf("/thresholds/recoveryRatePercent").get());
        f.figure(AlertThreshold.MIN_VOLUME).valueProperty().set("lots");
        assertEquals("Enter a whole number.", f.errorOf("/thresholds/minVolume").get());
        f.scopeProperty().set(AlertScope.ORGANISATION);
        assertTrue(f.errorOf("/target").get().startsWith("Name what the rule watches"), f.errorOf("/target").get());
        f.target().valueProperty().set("leeds!");
        assertFalse(f.errorOf("/target").get().isEmpty(), "not an ODS code");

        model.save();
        assertTrue(model.errorProperty().get().startsWith("Not saved"), model.errorProperty().get());
        assertEquals(List.of(), alerts.rules, "nothing sent");
        assertEquals("2", f.figure(AlertThreshold.WINDOW_MINUTES).value(), "what was typed stays");

        // Raising the trip figure clears the recovery's problem: the rule is judged whole, not field by field.
        f.figure(AlertThreshold.ERROR_RATE_PERCENT).valueProperty().set("40");
        assertEquals("", f.errorOf("/thresholds/recoveryRatePercent").get());
    }

    @Test
    void aWholeRuleIsCreatedAndShownForEditing() {
        connect(Role.ADMIN, alerts);
        AlertRuleForm f = model.form();
        f.name().valueProperty().set("Backlog at Leeds");
        f.kindProperty().set(AlertRuleKind.BACKLOG);
        assertEquals(List.of(AlertThreshold.MAX_IN_FLIGHT, AlertThreshold.MAX_OLDEST_WAITING_MINUTES), f.figuresInUse());
        assertTrue(f.errorOf("/thresholds/maxInFlight").get().contains("most in flight"),
                f.errorOf("/thresholds/maxInFlight").get());
        f.figure(AlertThreshold.MAX_OLDEST_WAITING_MINUTES).valueProperty().set("30");
        assertTrue(f.isValid(), f.issuesProperty().get().toString());

        model.save();
        assertEquals(1, alerts.rules.size());
        AlertRule rule = alerts.rules.get(0);
        assertEquals(AlertRuleKind.BACKLOG, rule.kind());
        assertEquals(30, rule.thresholds().maxOldestWaitingMinutes());
        assertEquals(null, rule.thresholds().errorRatePercent(), "figures of another kind are not sent");
        assertEquals(rule, model.editingProperty().get());
        assertEquals(List.of(rule), List.copyOf(model.rules()));
        assertFalse(f.isDirty());
        assertTrue(model.noticeProperty().get().contains("created"), model.noticeProperty().get());
    }

    @Test
    void theServersFieldErrorsShowOnTheirFieldsAndNothingTypedIsLost() {
        FakeAlertsApi refusing = new FakeAlertsApi() {
            @Override
            public CompletableFuture<AlertRule> createRule(AlertRuleDraft draft) {
                return CompletableFuture.failedFuture(new ApiException(ApiException.Kind.VALIDATION, 422,
                        "VALIDATION_FAILED", "Nothing called ZZ9 is registered.", "422", List.of(
                        new ApiException.FieldError("/target", "UNKNOWN", "Nothing called ZZ9 is registered.")), null));
            }
        };
        connect(Role.ADMIN, refusing);
        AlertRuleForm f = model.form();
        f.name().valueProperty().set("Nobody");
        f.scopeProperty().set(AlertScope.ORGANISATION);
        f.target().valueProperty().set("ZZ9");
        model.save();

        assertEquals("Nothing called ZZ9 is registered.", f.errorOf("/target").get());
        assertEquals("ZZ9", f.target().value());
        assertEquals("Nobody", f.name().value());
        assertFalse(model.errorProperty().get().isEmpty());
        f.target().valueProperty().set("RR8");
        assertEquals("", f.errorOf("/target").get(), "the server's word goes when the value changes");
    }

    @Test
    void someoneElsesSaveFirstKeepsTheEditAndSaveAgainGoesOnTopOfTheirs() {
        AlertRule rule = saved(alerts, "Leeds failing");
        connect(Role.ADMIN, alerts);
        model.edit(model.rules().get(0));
        model.form().figure(AlertThreshold.WINDOW_MINUTES).valueProperty().set("30");

        // Someone else saves first.
        alerts.updateRule(rule.id(), new AlertRuleDraft("Leeds failing (Sam)", rule.kind(), rule.scope(), rule.target(),
                rule.thresholds(), true, 60), rule.version()).join();
        model.save();

        assertNotNull(model.conflictProperty().get());
        assertTrue(model.errorProperty().get().contains("changed this rule"), model.errorProperty().get());
        assertEquals("30", model.form().figure(AlertThreshold.WINDOW_MINUTES).value(), "the edit is kept");

        model.save();
        AlertRule now = alerts.rules.get(0);
        assertEquals(30, now.thresholds().windowMinutes());
        assertEquals(3, now.version());
    }

    @Test
    void takeTheirsShowsTheOtherPersonsRule() {
        AlertRule rule = saved(alerts, "Leeds failing");
        connect(Role.ADMIN, alerts);
        model.edit(model.rules().get(0));
        model.form().name().valueProperty().set("Mine");
        alerts.updateRule(rule.id(), new AlertRuleDraft("Theirs", rule.kind(), rule.scope(), rule.target(),
                rule.thresholds(), true, 60), rule.version()).join();
        model.save();
        assertTrue(model.unsavedChanges().isPresent());

        model.takeTheirs();
        assertEquals("Theirs", model.form().name().value());
        assertTrue(model.unsavedChanges().isEmpty());
    }

    @Test
    void deletingTheRuleEditedTakesItOffTheList() {
        AlertRule rule = saved(alerts, "Leeds failing");
        connect(Role.ADMIN, alerts);
        model.edit(model.rules().get(0));
        model.delete();
        assertEquals(List.of(), alerts.rules);
        assertEquals(List.of(), List.copyOf(model.rules()));
        assertEquals(null, model.editingProperty().get());
        assertTrue(model.noticeProperty().get().contains(rule.name()));
    }

    @Test
    void anOperatorIsNotOfferedTheEditor() {
        saved(alerts, "Leeds failing");
        connect(Role.OPERATOR, alerts);
        assertFalse(model.available());
        model.save();
        assertEquals(1, alerts.rules.size());
        assertEquals(List.of(), List.copyOf(model.rules()));
    }

    @Test
    void aRowSaysItsRuleInWords() {
        AlertRule rule = saved(alerts, "Leeds failing");
        connect(Role.ADMIN, alerts);
        assertEquals("Endpoint failing", model.kind(rule));
        assertEquals("One organisation: RR8", model.target(rule));
        assertEquals("over 20 %, recovers under 5 %, 15 min window, at least 20 messages", model.figures(rule));
    }
}
