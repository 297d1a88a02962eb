package io.spineconsole.reliability;

import io.spineconsole.sandbox.SandboxFixture;

/** Exactly once on PostgreSQL, where twins wait on the key in the database's own way. */
class ExactlyOncePostgresTest extends ExactlyOnceContract {
    @Override
    SandboxFixture startSandbox() {
        return SandboxFixture.startOnPostgres();
    }
}
