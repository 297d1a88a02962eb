package io.spineconsole.sandbox.feed;

import io.spineconsole.sandbox.TestStore;

class FeedStoreH2Test extends FeedStoreContract {
    FeedStoreH2Test() {
        super(TestStore.H2);
    }
}
