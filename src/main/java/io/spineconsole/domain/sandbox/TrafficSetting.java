package io.spineconsole.domain.sandbox;

/**
 * A sandbox's live traffic: the rate set (0 = off), the rate it runs at now (a scenario's burst
 * raises it for a while) and the most it may be set to.
 */
public record TrafficSetting(int ratePerSecond, int effectiveRatePerSecond, int maxRatePerSecond) {
}
