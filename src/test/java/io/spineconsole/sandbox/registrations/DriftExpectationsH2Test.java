package io.spineconsole.sandbox.registrations;

import io.spineconsole.sandbox.TestStore;

/** Drift marked as expected, on the H2 store. */
class DriftExpectationsH2Test extends DriftExpectationsContract {
    DriftExpectationsH2Test() {
        super(TestStore.H2);
    }
}
