package io.spineconsole.sandbox.registrations.transfer;

import io.spineconsole.sandbox.TestStore;

class ImportLeniencyH2Test extends ImportLeniencyContract {
    ImportLeniencyH2Test() {
        super(TestStore.H2);
    }
}
