package io.spineconsole.api.http;

import io.spineconsole.sandbox.TestStore;

/** The same registrations suite on a real PostgreSQL server. */
class RegistrationsApiPostgresTest extends RegistrationsApiContract {
    RegistrationsApiPostgresTest() {
        super(TestStore.POSTGRES);
    }
}
