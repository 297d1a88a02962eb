package io.spineconsole.sandbox;

/** The same migrations, seed and routes on a real PostgreSQL server. */
class SandboxStorePostgresTest extends SandboxStoreContract {
    SandboxStorePostgresTest() {
        super(TestStore.POSTGRES);
    }
}
