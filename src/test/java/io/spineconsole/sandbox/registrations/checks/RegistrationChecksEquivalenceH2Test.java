package io.spineconsole.sandbox.registrations.checks;

import io.spineconsole.sandbox.TestStore;

/** The one-pass checks against the SQL rules on the embedded H2 store. */
class RegistrationChecksEquivalenceH2Test extends RegistrationChecksEquivalenceContract {
    RegistrationChecksEquivalenceH2Test() {
        super(TestStore.H2);
    }
}
