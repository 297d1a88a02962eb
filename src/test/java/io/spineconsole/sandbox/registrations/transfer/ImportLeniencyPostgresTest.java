package io.spineconsole.sandbox.registrations.transfer;

import io.spineconsole.sandbox.TestStore;

class ImportLeniencyPostgresTest extends ImportLeniencyContract {
    ImportLeniencyPostgresTest() {
        super(TestStore.POSTGRES);
    }
}
