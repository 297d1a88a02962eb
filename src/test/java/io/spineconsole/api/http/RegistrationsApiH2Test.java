package io.spineconsole.api.http;

import io.spineconsole.sandbox.TestStore;

/** The registrations suite on the embedded H2 store. */
class RegistrationsApiH2Test extends RegistrationsApiContract {
    RegistrationsApiH2Test() {
        super(TestStore.H2);
    }
}
