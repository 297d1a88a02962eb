package io.spineconsole.sandbox.registrations.transfer;

import io.spineconsole.sandbox.TestStore;

class MissingOwnersPostgresTest extends MissingOwnersContract {
    MissingOwnersPostgresTest() {
        super(TestStore.POSTGRES);
    }
}
