package io.spineconsole.domain.alerts;

/**
 * A rule as a person edits it (create, or replace with the version it was based on). Every member
 * may be null while typing; {@link AlertRuleValidation} says what is missing or wrong.
 *
 * @param target             the ODS code, endpoint id or component code {@code scope} names; null for {@link AlertScope#ALL}
 * @param enabled            null: enabled
 * @param quietPeriodMinutes how long after a notification the same alert is not notified again; null: the default
 */
public record AlertRuleDraft(String name, AlertRuleKind kind, AlertScope scope, String target,
                             AlertThresholds thresholds, Boolean enabled, Integer quietPeriodMinutes) {
    public AlertRuleDraft {
        thresholds = thresholds == null ? AlertThresholds.none() : thresholds;
    }

    /** The draft that edits {@code rule}. */
    public static AlertRuleDraft of(AlertRule rule) {
        return new AlertRuleDraft(rule.name(), rule.kind(), rule.scope(), rule.target(), rule.thresholds(),
                rule.enabled(), rule.quietPeriodMinutes());
    }
}
