package io.spineconsole.sandbox.drive;

import io.spineconsole.sandbox.TestStore;

class SandboxDriveH2Test extends SandboxDriveContract {
    SandboxDriveH2Test() {
        super(TestStore.H2);
    }
}
