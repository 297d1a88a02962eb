package io.spineconsole.sandbox.drive;

import io.spineconsole.sandbox.TestStore;

class SandboxDrivePostgresTest extends SandboxDriveContract {
    SandboxDrivePostgresTest() {
        super(TestStore.POSTGRES);
    }
}
