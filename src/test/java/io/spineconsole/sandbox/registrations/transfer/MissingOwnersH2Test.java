package io.spineconsole.sandbox.registrations.transfer;

import io.spineconsole.sandbox.TestStore;

class MissingOwnersH2Test extends MissingOwnersContract {
    MissingOwnersH2Test() {
        super(TestStore.H2);
    }
}
