package io.spineconsole.sandbox.registrations;

import io.spineconsole.sandbox.TestStore;

/** The endpoints list's free text, on the PostgreSQL store. */
class EndpointTextSearchPostgresTest extends EndpointTextSearchContract {
    EndpointTextSearchPostgresTest() {
        super(TestStore.POSTGRES);
    }
}
