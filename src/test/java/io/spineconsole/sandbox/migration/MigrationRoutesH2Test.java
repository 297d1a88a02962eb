package io.spineconsole.sandbox.migration;

import io.spineconsole.sandbox.TestStore;

/** The migration routes on the embedded H2 store. */
class MigrationRoutesH2Test extends MigrationRoutesContract {
    MigrationRoutesH2Test() {
        super(TestStore.H2);
    }
}
