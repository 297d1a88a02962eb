package io.spineconsole.domain.alerts;

import io.spineconsole.domain.Coded;

/** Why an alert changed on the live stream. */
public enum AlertChange implements Coded {
    /** A new alert: a console notifies. */
    OPENED("opened"),
    /** Still unresolved after the rule's quiet period, or awake after a snooze: a console notifies again. */
    RENOTIFIED("renotified"),
    /** Its evidence was measured again; nobody is notified. */
    UPDATED("updated"),
    ACKNOWLEDGED("acknowledged"),
    SNOOZED("snoozed"),
    RESOLVED("resolved");

    private final String code;

    AlertChange(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    /** Whether a console should tell the person (a desktop notification). */
    public boolean notifies() {
        return this == OPENED || this == RENOTIFIED;
    }
}
