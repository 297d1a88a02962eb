package io.spineconsole.reliability;

import io.spineconsole.sandbox.SandboxFixture;

/** Redelivery lineage on PostgreSQL. */
class LineagePostgresTest extends LineageContract {
    @Override
    SandboxFixture startSandbox() {
        return SandboxFixture.startOnPostgres();
    }
}
