package io.spineconsole.domain.alerts;

import java.util.Objects;

/** The live stream's {@code alert} event: an alert as it now is, and why it changed. */
public record AlertChanged(AlertChange change, Alert alert) {
    public AlertChanged {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(alert, "alert");
    }
}
