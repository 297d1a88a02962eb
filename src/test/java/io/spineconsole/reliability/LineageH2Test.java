package io.spineconsole.reliability;

import io.spineconsole.sandbox.SandboxFixture;

/** Redelivery lineage on the embedded store. */
class LineageH2Test extends LineageContract {
    @Override
    SandboxFixture startSandbox() {
        return SandboxFixture.start();
    }
}
