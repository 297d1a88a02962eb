package io.spineconsole.sandbox;

/** Migrations, seed and routes on the embedded H2 store. */
class SandboxStoreH2Test extends SandboxStoreContract {
    SandboxStoreH2Test() {
        super(TestStore.H2);
    }
}
