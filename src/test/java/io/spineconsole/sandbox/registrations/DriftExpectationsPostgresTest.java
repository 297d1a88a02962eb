package io.spineconsole.sandbox.registrations;

import io.spineconsole.sandbox.TestStore;

/** Drift marked as expected, on the PostgreSQL store. */
class DriftExpectationsPostgresTest extends DriftExpectationsContract {
    DriftExpectationsPostgresTest() {
        super(TestStore.POSTGRES);
    }
}
