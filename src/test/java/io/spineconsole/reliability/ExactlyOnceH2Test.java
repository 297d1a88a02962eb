package io.spineconsole.reliability;

import io.spineconsole.sandbox.SandboxFixture;

/** Exactly once on the embedded store. */
class ExactlyOnceH2Test extends ExactlyOnceContract {
    @Override
    SandboxFixture startSandbox() {
        return SandboxFixture.start();
    }
}
