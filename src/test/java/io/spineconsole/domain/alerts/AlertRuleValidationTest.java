package io.spineconsole.domain.alerts;

import io.spineconsole.domain.RuleCode;
import io.spineconsole.domain.registrations.FieldRuleIssue;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules an alert rule must meet, as the form (while typing) and the server (when saving) apply them. */
class AlertRuleValidationTest {
    private static final AlertThresholds FAILING = AlertThresholds.endpointFailing(20, 5, 5, 20);

    private static AlertRuleDraft draft(AlertRuleKind kind, AlertScope scope, String target, AlertThresholds t) {
        return new AlertRuleDraft("A rule", kind, scope, target, t, true, 60);
    }

    private static List<String> fields(AlertRuleDraft d) {
        return AlertRuleValidation.errors(d).stream().map(FieldRuleIssue::field).sorted().toList();
    }

    private static RuleCode only(AlertRuleDraft d) {
        List<FieldRuleIssue> issues = AlertRuleValidation.errors(d);
        assertEquals(1, issues.size(), issues.toString());
        return issues.get(0).rule();
    }

    @Test
    void theDefaultRulesOfEachKindAreValid() {
        assertEquals(List.of(), fields(draft(AlertRuleKind.ENDPOINT_FAILING, AlertScope.ALL, null, FAILING)));
        assertEquals(List.of(), fields(draft(AlertRuleKind.NO_TRAFFIC, AlertScope.ORGANISATION, "rr8",
                AlertThresholds.noTraffic(15, 30))));
        assertEquals(List.of(), fields(draft(AlertRuleKind.BACKLOG, AlertScope.ALL, null,
                AlertThresholds.backlog(null, 30))));
        assertEquals(List.of(), fields(draft(AlertRuleKind.DEAD_LETTERS_GROWING, AlertScope.ENDPOINT,
                "3f2504e0-4f89-11d3-9a0c-0305e82c3301", AlertThresholds.deadLettersGrowing(25, 15))));
        assertEquals(List.of(), fields(draft(AlertRuleKind.CERTIFICATE_EXPIRING, AlertScope.ALL, null,
                AlertThresholds.certificateExpiring(7))));
        assertEquals(List.of(), fields(draft(AlertRuleKind.MIGRATION_BLOCKED, AlertScope.COMPONENT, "CORE-MSG",
                null)));
    }

    @Test
    void aWindowUnderFiveMinutesIsTooShortToMeanAnything() {
        AlertThresholds t = new AlertThresholds(20.0, 5.0, 4, 20, null, null, null, null);
        assertEquals(RuleCode.ALERT_WINDOW_TOO_SHORT, only(draft(AlertRuleKind.ENDPOINT_FAILING, AlertScope.ALL, null, t)));
        assertEquals(RuleCode.ALERT_WINDOW_TOO_SHORT, only(draft(AlertRuleKind.NO_TRAFFIC, AlertScope.ALL, null,
                AlertThresholds.noTraffic(2, 30))));
    }

    @Test
    void figuresOutOfRangeOrMissingAreRefusedEachOnItsField() {
        AlertThresholds t = new AlertThresholds(101.0, null, 5, 0, null, null, null, null);
        assertEquals(List.of("/thresholds/errorRatePercent", "/thresholds/minVolume",
                "/thresholds/recoveryRatePercent"), fields(draft(AlertRuleKind.ENDPOINT_FAILING, AlertScope.ALL, null, t)));
        assertEquals(RuleCode.ALERT_BACKLOG_LIMIT_REQUIRED, only(draft(AlertRuleKind.BACKLOG, AlertScope.ALL, null,
                AlertThresholds.none())));
        assertEquals(RuleCode.ALERT_VALUE_RANGE, only(draft(AlertRuleKind.CERTIFICATE_EXPIRING, AlertScope.ALL, null,
                AlertThresholds.certificateExpiring(400))));
    }

    @Test
    void recoveryMustBeBelowTheTripFigure() {
        assertEquals(RuleCode.ALERT_RECOVERY_ORDER, only(draft(AlertRuleKind.ENDPOINT_FAILING, AlertScope.ALL, null,
                AlertThresholds.endpointFailing(20, 20, 5, 20))));
    }

    @Test
    void aTargetIsNeededWhereTheScopeNamesOneAndMustHaveTheRightForm() {
        assertEquals(RuleCode.ALERT_TARGET_REQUIRED, only(draft(AlertRuleKind.ENDPOINT_FAILING,
                AlertScope.ORGANISATION, " ", FAILING)));
        assertEquals(RuleCode.ODS_CODE_FORMAT, only(draft(AlertRuleKind.ENDPOINT_FAILING, AlertScope.ORGANISATION,
                "not an ods code", FAILING)));
        assertEquals(RuleCode.ENDPOINT_ID_FORMAT, only(draft(AlertRuleKind.ENDPOINT_FAILING, AlertScope.ENDPOINT,
                "123", FAILING)));
        assertEquals(RuleCode.COMPONENT_CODE_FORMAT, only(draft(AlertRuleKind.MIGRATION_BLOCKED, AlertScope.COMPONENT,
                "pds", null)));
        assertEquals(RuleCode.ALERT_SCOPE_NOT_ALLOWED, only(draft(AlertRuleKind.ENDPOINT_FAILING, AlertScope.COMPONENT,
                "PDS", FAILING)));
        assertEquals(RuleCode.TOO_LONG, only(draft(AlertRuleKind.ENDPOINT_FAILING, AlertScope.ALL, "x".repeat(65),
                FAILING)), "too long even where no target is needed");
    }

    @Test
    void aNameIsRequiredAndAtMostAHundredCharacters() {
        AlertRuleDraft blank = new AlertRuleDraft("  ", AlertRuleKind.MIGRATION_BLOCKED, null, null, null, null, null);
        assertEquals(RuleCode.NAME_REQUIRED, only(blank));
        AlertRuleDraft tooLong = new AlertRuleDraft("x".repeat(101), AlertRuleKind.MIGRATION_BLOCKED, null, null, null,
                null, null);
        assertEquals(RuleCode.TOO_LONG, only(tooLong));
        assertEquals(RuleCode.ALERT_KIND_REQUIRED, only(new AlertRuleDraft("No kind", null, null, null, null, null, null)));
    }

    @Test
    void savingDropsTheFiguresTheKindDoesNotUseAndFillsTheDefaults() {
        AlertRuleDraft switched = new AlertRuleDraft(" Renamed ", AlertRuleKind.CERTIFICATE_EXPIRING, null, null,
                new AlertThresholds(20.0, 5.0, 5, 20, null, null, null, 14), null, null);
        AlertRuleDraft saved = AlertRuleValidation.normalised(switched);
        assertEquals("Renamed", saved.name());
        assertEquals(AlertScope.ALL, saved.scope());
        assertEquals(AlertThresholds.certificateExpiring(14), saved.thresholds());
        assertTrue(saved.enabled());
        assertEquals(AlertRuleValidation.DEFAULT_QUIET_PERIOD_MINUTES, saved.quietPeriodMinutes());
        assertEquals("RR8", AlertRuleValidation.normalised(draft(AlertRuleKind.NO_TRAFFIC, AlertScope.ORGANISATION,
                " rr8 ", AlertThresholds.noTraffic(15, 30))).target());
        assertNull(AlertRuleValidation.normalised(draft(AlertRuleKind.BACKLOG, AlertScope.ALL, "ignored",
                AlertThresholds.backlog(5, null))).target());
    }

    @Test
    void aSnoozeEndsInTheFutureWithinThirtyDays() {
        Instant now = Instant.parse("2026-12-07T10:00:00Z");
        assertEquals(List.of(), AlertRuleValidation.snoozeErrors(new SnoozeRequest(now.plusSeconds(60), "ok"), now));
        assertEquals(RuleCode.SNOOZE_UNTIL_PAST, AlertRuleValidation.snoozeErrors(new SnoozeRequest(now, null), now)
                .get(0).rule());
        assertEquals(RuleCode.SNOOZE_TOO_LONG, AlertRuleValidation.snoozeErrors(
                new SnoozeRequest(now.plus(Duration.ofDays(31)), null), now).get(0).rule());
        assertEquals(RuleCode.SNOOZE_UNTIL_REQUIRED, AlertRuleValidation.snoozeErrors(new SnoozeRequest(null, null), now)
                .get(0).rule());
    }
}
