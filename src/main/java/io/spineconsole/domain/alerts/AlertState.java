package io.spineconsole.domain.alerts;

import io.spineconsole.domain.Coded;

import java.util.List;

/** Where an alert stands. Only {@link #RESOLVED} is closed; a closed alert never opens again (a new one does). */
public enum AlertState implements Coded {
    /** The condition holds and nobody has taken it on. */
    OPEN("open"),
    /** Someone has taken it on; it stays until the condition ends. */
    ACKNOWLEDGED("acknowledged"),
    /** Not notified again until {@code snoozedUntil}; open again after that if the condition still holds. */
    SNOOZED("snoozed"),
    /** The condition ended (below the rule's recovery figure). */
    RESOLVED("resolved");

    /** The states of an alert not yet resolved. */
    public static final List<AlertState> ACTIVE = List.of(OPEN, ACKNOWLEDGED, SNOOZED);

    private final String code;

    AlertState(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public boolean active() {
        return this != RESOLVED;
    }
}
