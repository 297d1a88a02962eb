package io.spineconsole.sandbox.messages;

import io.spineconsole.sandbox.TestStore;

/** Dead letters grouped and discarded, on the Postgres store. */
class DeadLetterDiscardsPostgresTest extends DeadLetterDiscardsContract {
    DeadLetterDiscardsPostgresTest() {
        super(TestStore.POSTGRES);
    }
}
