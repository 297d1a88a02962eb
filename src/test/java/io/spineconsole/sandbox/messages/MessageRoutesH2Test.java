package io.spineconsole.sandbox.messages;

import io.spineconsole.sandbox.TestStore;

/** Message search, detail, redelivery, failure groups and statistics on the embedded H2 store. */
class MessageRoutesH2Test extends MessageRoutesContract {
    MessageRoutesH2Test() {
        super(TestStore.H2);
    }
}
