package io.spineconsole.domain.alerts;

import java.util.List;
import java.util.function.Function;

/**
 * Each figure of {@link AlertThresholds}: its JSON name (the form's field and the field error's
 * pointer), its range, and the kinds that use it, so the console's form and the server judge a
 * rule by the same numbers.
 */
public enum AlertThreshold {
    ERROR_RATE_PERCENT("errorRatePercent", 1, 100, AlertThresholds::errorRatePercent, AlertRuleKind.ENDPOINT_FAILING),
    RECOVERY_RATE_PERCENT("recoveryRatePercent", 0, 99, AlertThresholds::recoveryRatePercent,
            AlertRuleKind.ENDPOINT_FAILING),
    WINDOW_MINUTES("windowMinutes", AlertRuleValidation.MIN_WINDOW_MINUTES, 1440, AlertThresholds::windowMinutes,
            AlertRuleKind.ENDPOINT_FAILING, AlertRuleKind.NO_TRAFFIC, AlertRuleKind.DEAD_LETTERS_GROWING),
    MIN_VOLUME("minVolume", 1, 1_000_000, AlertThresholds::minVolume, AlertRuleKind.ENDPOINT_FAILING,
            AlertRuleKind.NO_TRAFFIC),
    MAX_IN_FLIGHT("maxInFlight", 1, 10_000_000, AlertThresholds::maxInFlight, AlertRuleKind.BACKLOG),
    MAX_OLDEST_WAITING_MINUTES("maxOldestWaitingMinutes", 1, 10_080, AlertThresholds::maxOldestWaitingMinutes,
            AlertRuleKind.BACKLOG),
    DEAD_LETTER_GROWTH("deadLetterGrowth", 1, 1_000_000, AlertThresholds::deadLetterGrowth,
            AlertRuleKind.DEAD_LETTERS_GROWING),
    EXPIRING_WITHIN_DAYS("expiringWithinDays", 1, 365, AlertThresholds::expiringWithinDays,
            AlertRuleKind.CERTIFICATE_EXPIRING);

    private final String field;
    private final double min;
    private final double max;
    private final Function<AlertThresholds, Number> value;
    private final List<AlertRuleKind> kinds;

    AlertThreshold(String field, double min, double max, Function<AlertThresholds, Number> value,
                   AlertRuleKind... kinds) {
        this.field = field;
        this.min = min;
        this.max = max;
        this.value = value;
        this.kinds = List.of(kinds);
    }

    /** The member's name in {@link AlertThresholds} and on the wire. */
    public String field() {
        return field;
    }

    /** The field error's JSON Pointer in a rule. */
    public String pointer() {
        return "/thresholds/" + field;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    /** Whether the figure takes decimals (the percentages) or whole numbers only. */
    public boolean decimal() {
        return this == ERROR_RATE_PERCENT || this == RECOVERY_RATE_PERCENT;
    }

    public Number of(AlertThresholds thresholds) {
        return value.apply(thresholds);
    }

    public boolean usedBy(AlertRuleKind kind) {
        return kinds.contains(kind);
    }

    /** The figures a rule of {@code kind} uses, in form order. */
    public static List<AlertThreshold> of(AlertRuleKind kind) {
        return java.util.Arrays.stream(values()).filter(t -> t.usedBy(kind)).toList();
    }
}
