package io.spineconsole.domain.alerts;

import io.spineconsole.domain.Identifiers;
import io.spineconsole.domain.RuleCode;
import io.spineconsole.domain.registrations.FieldRuleIssue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The rules an alert rule must meet, shared by the server (the final judge: a rule is saved whole or
 * not at all) and the console's form (validation as you type). Field pointers are those of the JSON
 * body ({@code /name}, {@code /thresholds/windowMinutes}). Whether a target exists is the server's to
 * say; here only its form is checked.
 */
public final class AlertRuleValidation {
    public static final int MAX_NAME = 100;
    public static final int MAX_NOTE = 500;
    /** The longest target: an endpoint id is 36 characters, an ODS code or component code far fewer. */
    public static final int MAX_TARGET = 64;
    /** A shorter window is noise: one slow minute would trip or clear the rule. */
    public static final int MIN_WINDOW_MINUTES = 5;
    public static final int DEFAULT_QUIET_PERIOD_MINUTES = 60;
    public static final int MIN_QUIET_PERIOD_MINUTES = 1;
    public static final int MAX_QUIET_PERIOD_MINUTES = 10_080;
    public static final int MAX_SNOOZE_DAYS = 30;
    /** The form of a migration component's code, as the migration routes take it. */
    public static final Pattern COMPONENT_CODE = Pattern.compile("[A-Z][A-Z0-9-]{1,19}");

    private AlertRuleValidation() {
    }

    /** Every issue of {@code draft}; empty when it can be saved (after {@link #normalised}). */
    public static List<FieldRuleIssue> errors(AlertRuleDraft draft) {
        List<FieldRuleIssue> out = new ArrayList<>();
        checkName(out, draft.name());
        AlertRuleKind kind = draft.kind();
        if (kind == null) {
            out.add(FieldRuleIssue.of("/kind", "REQUIRED", RuleCode.ALERT_KIND_REQUIRED));
            return out;
        }
        checkTarget(out, kind, draft.scope(), draft.target());
        checkThresholds(out, kind, draft.thresholds());
        Integer quiet = draft.quietPeriodMinutes();
        if (quiet != null && (quiet < MIN_QUIET_PERIOD_MINUTES || quiet > MAX_QUIET_PERIOD_MINUTES)) {
            out.add(FieldRuleIssue.of("/quietPeriodMinutes", "OUT_OF_RANGE", RuleCode.ALERT_VALUE_RANGE,
                    MIN_QUIET_PERIOD_MINUTES, MAX_QUIET_PERIOD_MINUTES));
        }
        return out;
    }

    /**
     * The draft as it is saved: the scope defaulted, a target trimmed (ODS codes upper-cased), the
     * figures its kind does not use dropped (a form that switched kind may still hold them), enabled
     * and the quiet period defaulted.
     */
    public static AlertRuleDraft normalised(AlertRuleDraft draft) {
        AlertRuleKind kind = draft.kind();
        AlertScope scope = draft.scope() != null ? draft.scope() : kind == null ? AlertScope.ALL : kind.scopes().get(0);
        String target = scope == AlertScope.ALL || draft.target() == null ? null : draft.target().trim();
        if (target != null && scope == AlertScope.ORGANISATION) {
            target = target.toUpperCase(java.util.Locale.ROOT);
        }
        AlertThresholds t = draft.thresholds();
        AlertThresholds kept = kind == null ? t : new AlertThresholds(
                keep(AlertThreshold.ERROR_RATE_PERCENT, kind, t.errorRatePercent()),
                keep(AlertThreshold.RECOVERY_RATE_PERCENT, kind, t.recoveryRatePercent()),
                keep(AlertThreshold.WINDOW_MINUTES, kind, t.windowMinutes()),
                keep(AlertThreshold.MIN_VOLUME, kind, t.minVolume()),
                keep(AlertThreshold.MAX_IN_FLIGHT, kind, t.maxInFlight()),
                keep(AlertThreshold.MAX_OLDEST_WAITING_MINUTES, kind, t.maxOldestWaitingMinutes()),
                keep(AlertThreshold.DEAD_LETTER_GROWTH, kind, t.deadLetterGrowth()),
                keep(AlertThreshold.EXPIRING_WITHIN_DAYS, kind, t.expiringWithinDays()));
        return new AlertRuleDraft(draft.name() == null ? null : draft.name().strip(), kind, scope, target, kept,
                draft.enabled() == null ? Boolean.TRUE : draft.enabled(),
                draft.quietPeriodMinutes() == null ? DEFAULT_QUIET_PERIOD_MINUTES : draft.quietPeriodMinutes());
    }

    /** The issue of an acknowledgement's or snooze's note (optional, at most {@link #MAX_NOTE} characters). */
    public static List<FieldRuleIssue> noteErrors(String note) {
        return note != null && note.length() > MAX_NOTE
                ? List.of(FieldRuleIssue.of("/note", "TOO_LONG", RuleCode.TOO_LONG, MAX_NOTE)) : List.of();
    }

    /** The issues of a snooze asked for at {@code now}: a time in the future, at most {@link #MAX_SNOOZE_DAYS} away. */
    public static List<FieldRuleIssue> snoozeErrors(SnoozeRequest request, Instant now) {
        List<FieldRuleIssue> out = new ArrayList<>(noteErrors(request.note()));
        if (request.until() == null) {
            out.add(FieldRuleIssue.of("/until", "REQUIRED", RuleCode.SNOOZE_UNTIL_REQUIRED));
        } else if (!request.until().isAfter(now)) {
            out.add(FieldRuleIssue.of("/until", "OUT_OF_RANGE", RuleCode.SNOOZE_UNTIL_PAST));
        } else if (request.until().isAfter(now.plus(Duration.ofDays(MAX_SNOOZE_DAYS)))) {
            out.add(FieldRuleIssue.of("/until", "OUT_OF_RANGE", RuleCode.SNOOZE_TOO_LONG, MAX_SNOOZE_DAYS));
        }
        return out;
    }

    private static Double keep(AlertThreshold threshold, AlertRuleKind kind, Double value) {
        return threshold.usedBy(kind) ? value : null;
    }

    private static Integer keep(AlertThreshold threshold, AlertRuleKind kind, Integer value) {
        return threshold.usedBy(kind) ? value : null;
    }

    private static void checkName(List<FieldRuleIssue> out, String name) {
        if (name == null || name.isBlank()) {
            out.add(FieldRuleIssue.of("/name", name == null ? "REQUIRED" : "TOO_SHORT", RuleCode.NAME_REQUIRED));
        } else if (name.strip().length() > MAX_NAME) {
            out.add(FieldRuleIssue.of("/name", "TOO_LONG", RuleCode.TOO_LONG, MAX_NAME));
        }
    }

    private static void checkTarget(List<FieldRuleIssue> out, AlertRuleKind kind, AlertScope scope, String target) {
        if (target != null && target.length() > MAX_TARGET) {
            out.add(FieldRuleIssue.of("/target", "TOO_LONG", RuleCode.TOO_LONG, MAX_TARGET));
            return;
        }
        AlertScope s = scope == null ? kind.scopes().get(0) : scope;
        if (!kind.scopes().contains(s)) {
            out.add(FieldRuleIssue.of("/scope", "ENUM", RuleCode.ALERT_SCOPE_NOT_ALLOWED));
            return;
        }
        if (!s.needsTarget()) {
            return;
        }
        String value = target == null ? "" : target.trim();
        if (value.isEmpty()) {
            out.add(FieldRuleIssue.of("/target", "REQUIRED", RuleCode.ALERT_TARGET_REQUIRED));
            return;
        }
        switch (s) {
            case ORGANISATION -> Identifiers.checkOdsCode(value.toUpperCase(java.util.Locale.ROOT))
                    .ifPresent(i -> out.add(new FieldRuleIssue("/target", "PATTERN", i)));
            case ENDPOINT -> {
                if (!isUuid(value)) {
                    out.add(FieldRuleIssue.of("/target", "PATTERN", RuleCode.ENDPOINT_ID_FORMAT));
                }
            }
            case COMPONENT -> {
                if (!COMPONENT_CODE.matcher(value).matches()) {
                    out.add(FieldRuleIssue.of("/target", "PATTERN", RuleCode.COMPONENT_CODE_FORMAT));
                }
            }
            default -> { }
        }
    }

    private static void checkThresholds(List<FieldRuleIssue> out, AlertRuleKind kind, AlertThresholds t) {
        for (AlertThreshold threshold : AlertThreshold.of(kind)) {
            Number value = threshold.of(t);
            if (value == null) {
                // A backlog rule needs one of its two limits, not both.
                if (kind != AlertRuleKind.BACKLOG) {
                    out.add(FieldRuleIssue.of(threshold.pointer(), "REQUIRED", RuleCode.ALERT_VALUE_REQUIRED,
                            threshold.min(), threshold.max()));
                }
            } else if (threshold == AlertThreshold.WINDOW_MINUTES && value.doubleValue() < threshold.min()) {
                out.add(FieldRuleIssue.of(threshold.pointer(), "OUT_OF_RANGE", RuleCode.ALERT_WINDOW_TOO_SHORT,
                        threshold.min()));
            } else if (!(value.doubleValue() >= threshold.min() && value.doubleValue() <= threshold.max())) {
                out.add(FieldRuleIssue.of(threshold.pointer(), "OUT_OF_RANGE", RuleCode.ALERT_VALUE_RANGE,
                        threshold.min(), threshold.max()));
            }
        }
        if (kind == AlertRuleKind.BACKLOG && t.maxInFlight() == null && t.maxOldestWaitingMinutes() == null) {
            out.add(FieldRuleIssue.of(AlertThreshold.MAX_IN_FLIGHT.pointer(), "REQUIRED",
                    RuleCode.ALERT_BACKLOG_LIMIT_REQUIRED));
        }
        Double trip = t.errorRatePercent();
        Double recover = t.recoveryRatePercent();
        if (kind == AlertRuleKind.ENDPOINT_FAILING && trip != null && recover != null && recover >= trip
                && recover >= 0 && recover <= AlertThreshold.RECOVERY_RATE_PERCENT.max()) {
            // Recovering at or above the trip figure would open and resolve on every wobble: the hysteresis gap.
            out.add(FieldRuleIssue.of(AlertThreshold.RECOVERY_RATE_PERCENT.pointer(), "OUT_OF_RANGE",
                    RuleCode.ALERT_RECOVERY_ORDER, trip));
        }
    }

    private static boolean isUuid(String value) {
        if (value.length() != 36) {
            return false;
        }
        try {
            UUID.fromString(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
