package io.spineconsole.sandbox.messages;

import io.spineconsole.sandbox.TestStore;

/** Endpoint health on PostgreSQL. */
class EndpointHealthPostgresTest extends EndpointHealthContract {
    EndpointHealthPostgresTest() {
        super(TestStore.POSTGRES);
    }
}
