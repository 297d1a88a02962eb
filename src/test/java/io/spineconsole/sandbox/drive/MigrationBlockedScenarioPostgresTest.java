package io.spineconsole.sandbox.drive;

import io.spineconsole.sandbox.TestStore;

class MigrationBlockedScenarioPostgresTest extends MigrationBlockedScenarioContract {
    MigrationBlockedScenarioPostgresTest() {
        super(TestStore.POSTGRES);
    }
}
