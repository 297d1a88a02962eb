package io.spineconsole.sandbox.registrations.checks;

import io.spineconsole.sandbox.TestStore;

/** The one-pass checks against the SQL rules on a real PostgreSQL server. */
class RegistrationChecksEquivalencePostgresTest extends RegistrationChecksEquivalenceContract {
    RegistrationChecksEquivalencePostgresTest() {
        super(TestStore.POSTGRES);
    }
}
