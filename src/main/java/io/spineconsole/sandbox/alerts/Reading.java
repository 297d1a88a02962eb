package io.spineconsole.sandbox.alerts;

import io.spineconsole.domain.alerts.AlertEvidence;
import io.spineconsole.domain.alerts.AlertSubject;

import java.util.List;

/**
 * One subject's state under one rule this round, and the figures behind it. Between the trip and the
 * recovery figures a reading {@link Verdict#HOLD}s: an open alert stays open, none is opened. That gap
 * is the hysteresis that keeps a wobbling figure from opening and closing alerts.
 */
record Reading(AlertSubject subject, Verdict verdict, List<AlertEvidence> evidence) {
    enum Verdict { TRIP, HOLD, CLEAR }

    static Reading of(AlertSubject subject, boolean trips, boolean clears, List<AlertEvidence> evidence) {
        return new Reading(subject, trips ? Verdict.TRIP : clears ? Verdict.CLEAR : Verdict.HOLD, evidence);
    }
}
