package io.spineconsole.sandbox.messages;

import io.spineconsole.sandbox.TestStore;

/** Dead letters grouped and discarded, on the H2 store. */
class DeadLetterDiscardsH2Test extends DeadLetterDiscardsContract {
    DeadLetterDiscardsH2Test() {
        super(TestStore.H2);
    }
}
