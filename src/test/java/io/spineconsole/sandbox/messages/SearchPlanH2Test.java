package io.spineconsole.sandbox.messages;

import io.spineconsole.sandbox.TestStore;

/** Search plans against EXPLAIN, on the H2 store. */
class SearchPlanH2Test extends SearchPlanContract {
    SearchPlanH2Test() {
        super(TestStore.H2);
    }
}
