package io.spineconsole.sandbox.alerts;

import io.spineconsole.domain.alerts.AlertScope;
import io.spineconsole.sandbox.Sql;
import io.spineconsole.sandbox.messages.AlertSignals;

import java.util.UUID;

/** Whether a rule's target is registered: an organisation, an endpoint messages can go to, a migration component. */
final class AlertTargets {
    private final Sql sql;
    private final AlertSignals signals;

    AlertTargets(Sql sql, AlertSignals signals) {
        this.sql = sql;
        this.signals = signals;
    }

    /** {@code target} as normalised (an ODS code upper-cased, an endpoint id a UUID of the right form). */
    boolean exists(AlertScope scope, String target) {
        return switch (scope) {
            case ALL -> true;
            case ORGANISATION -> sql.count("SELECT COUNT(*) FROM organisation WHERE ods_code = ?", target) > 0;
            case COMPONENT -> sql.count("SELECT COUNT(*) FROM component WHERE code = ?", target) > 0;
            case ENDPOINT -> signals.endpoints().containsKey(UUID.fromString(target));
        };
    }
}
