package io.spineconsole.sandbox.feed;

import io.spineconsole.sandbox.TestStore;

class FeedStorePostgresTest extends FeedStoreContract {
    FeedStorePostgresTest() {
        super(TestStore.POSTGRES);
    }
}
