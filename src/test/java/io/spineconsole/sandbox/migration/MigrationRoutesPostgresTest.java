package io.spineconsole.sandbox.migration;

import io.spineconsole.sandbox.TestStore;

/** The migration routes on a real PostgreSQL server: the same rules, SQL and paging. */
class MigrationRoutesPostgresTest extends MigrationRoutesContract {
    MigrationRoutesPostgresTest() {
        super(TestStore.POSTGRES);
    }
}
