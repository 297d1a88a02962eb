package io.spineconsole.sandbox.messages;

import io.spineconsole.sandbox.TestStore;

/** Search plans against EXPLAIN, on the Postgres store. */
class SearchPlanPostgresTest extends SearchPlanContract {
    SearchPlanPostgresTest() {
        super(TestStore.POSTGRES);
    }
}
