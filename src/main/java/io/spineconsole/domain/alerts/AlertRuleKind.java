package io.spineconsole.domain.alerts;

import io.spineconsole.domain.Coded;

import java.util.List;

/** What an alert rule watches, and the scopes it can be aimed at. */
public enum AlertRuleKind implements Coded {
    /**
     * Error rate over {@code errorRatePercent} (judged on the last two minutes, so an outage shows within a
     * minute), with at least {@code minVolume} messages in {@code windowMinutes}; recovered when the rate over
     * the whole window is under {@code recoveryRatePercent}.
     */
    ENDPOINT_FAILING("endpoint-failing", List.of(AlertScope.ALL, AlertScope.ORGANISATION, AlertScope.ENDPOINT)),
    /** An organisation or endpoint that had at least {@code minVolume} messages in the hour before goes quiet for {@code windowMinutes}. */
    NO_TRAFFIC("no-traffic", List.of(AlertScope.ALL, AlertScope.ORGANISATION, AlertScope.ENDPOINT)),
    /** More than {@code maxInFlight} in flight, or the oldest waiting longer than {@code maxOldestWaitingMinutes}. */
    BACKLOG("backlog", List.of(AlertScope.ALL, AlertScope.ORGANISATION, AlertScope.ENDPOINT)),
    /** At least {@code deadLetterGrowth} new dead letters within {@code windowMinutes}. */
    DEAD_LETTERS_GROWING("dead-letters-growing", List.of(AlertScope.ALL, AlertScope.ORGANISATION, AlertScope.ENDPOINT)),
    /** An endpoint's certificate ends within {@code expiringWithinDays} (or has ended). */
    CERTIFICATE_EXPIRING("certificate-expiring", List.of(AlertScope.ALL, AlertScope.ORGANISATION, AlertScope.ENDPOINT)),
    /** A migration component is blocked. */
    MIGRATION_BLOCKED("migration-blocked", List.of(AlertScope.ALL, AlertScope.COMPONENT));

    private final String code;
    private final List<AlertScope> scopes;

    AlertRuleKind(String code, List<AlertScope> scopes) {
        this.code = code;
        this.scopes = scopes;
    }

    @Override
    public String code() {
        return code;
    }

    /** The scopes a rule of this kind may be aimed at; the first is the default. */
    public List<AlertScope> scopes() {
        return scopes;
    }
}
