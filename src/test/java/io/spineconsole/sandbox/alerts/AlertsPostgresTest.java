package io.spineconsole.sandbox.alerts;

import io.spineconsole.sandbox.TestStore;

/** Alert rules and alerts, on the PostgreSQL store. */
class AlertsPostgresTest extends AlertsContract {
    AlertsPostgresTest() {
        super(TestStore.POSTGRES);
    }
}
