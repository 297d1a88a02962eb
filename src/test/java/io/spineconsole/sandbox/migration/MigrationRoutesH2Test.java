package io.spineconsole.sandbox.migration;

import io.spineconsole.sandbox.SandboxFixture;

/** The migration routes on the embedded H2 store. */
class MigrationRoutesH2Test extends MigrationRoutesContract {
    @Override
    SandboxFixture startSandbox() {
        return SandboxFixture.start();
    }
}
