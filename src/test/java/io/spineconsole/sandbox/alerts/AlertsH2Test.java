package io.spineconsole.sandbox.alerts;

import io.spineconsole.sandbox.TestStore;

/** Alert rules and alerts, on the H2 store. */
class AlertsH2Test extends AlertsContract {
    AlertsH2Test() {
        super(TestStore.H2);
    }
}
