package io.spineconsole.domain.alerts;

/**
 * A rule's figures; each kind uses some of them and leaves the others null (see {@link AlertRuleKind}
 * and {@link AlertRuleValidation}).
 *
 * @param errorRatePercent        ENDPOINT_FAILING: trips when the error rate is over this (0-100)
 * @param recoveryRatePercent     ENDPOINT_FAILING: recovers when the error rate is below this (under the trip figure)
 * @param windowMinutes           ENDPOINT_FAILING, NO_TRAFFIC, DEAD_LETTERS_GROWING: the window looked at
 * @param minVolume               ENDPOINT_FAILING: fewest messages in the window to judge; NO_TRAFFIC: fewest in the
 *                                hour before the window to count as normally busy
 * @param maxInFlight             BACKLOG: trips when more than this are in flight
 * @param maxOldestWaitingMinutes BACKLOG: trips when the oldest has waited longer than this
 * @param deadLetterGrowth        DEAD_LETTERS_GROWING: trips when at least this many were dead-lettered in the window
 * @param expiringWithinDays      CERTIFICATE_EXPIRING: trips when a certificate ends within this many days
 */
public record AlertThresholds(Double errorRatePercent, Double recoveryRatePercent, Integer windowMinutes,
                              Integer minVolume, Integer maxInFlight, Integer maxOldestWaitingMinutes,
                              Integer deadLetterGrowth, Integer expiringWithinDays) {

    public static AlertThresholds none() {
        return new AlertThresholds(null, null, null, null, null, null, null, null);
    }

    public static AlertThresholds endpointFailing(double errorRatePercent, double recoveryRatePercent, int windowMinutes,
                                                  int minVolume) {
        return new AlertThresholds(errorRatePercent, recoveryRatePercent, windowMinutes, minVolume, null, null, null,
                null);
    }

    public static AlertThresholds noTraffic(int windowMinutes, int minVolume) {
        return new AlertThresholds(null, null, windowMinutes, minVolume, null, null, null, null);
    }

    public static AlertThresholds backlog(Integer maxInFlight, Integer maxOldestWaitingMinutes) {
        return new AlertThresholds(null, null, null, null, maxInFlight, maxOldestWaitingMinutes, null, null);
    }

    public static AlertThresholds deadLettersGrowing(int deadLetterGrowth, int windowMinutes) {
        return new AlertThresholds(null, null, windowMinutes, null, null, null, deadLetterGrowth, null);
    }

    public static AlertThresholds certificateExpiring(int expiringWithinDays) {
        return new AlertThresholds(null, null, null, null, null, null, null, expiringWithinDays);
    }
}
