package io.spineconsole.sandbox.messages;

import io.spineconsole.sandbox.TestStore;

/** The same message routes on a real PostgreSQL server. */
class MessageRoutesPostgresTest extends MessageRoutesContract {
    MessageRoutesPostgresTest() {
        super(TestStore.POSTGRES);
    }
}
