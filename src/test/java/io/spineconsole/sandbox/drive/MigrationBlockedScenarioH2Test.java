package io.spineconsole.sandbox.drive;

import io.spineconsole.sandbox.TestStore;

class MigrationBlockedScenarioH2Test extends MigrationBlockedScenarioContract {
    MigrationBlockedScenarioH2Test() {
        super(TestStore.H2);
    }
}
