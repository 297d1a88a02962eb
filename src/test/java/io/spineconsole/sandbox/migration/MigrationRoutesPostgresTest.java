package io.spineconsole.sandbox.migration;

import io.spineconsole.sandbox.SandboxFixture;

/** The migration routes on a real PostgreSQL server: the same rules, SQL and paging. */
class MigrationRoutesPostgresTest extends MigrationRoutesContract {
    @Override
    SandboxFixture startSandbox() {
        return SandboxFixture.startOnPostgres();
    }
}
