package io.spineconsole.sandbox.registrations;

import io.spineconsole.sandbox.TestStore;

/** The endpoints list's free text, on the H2 store. */
class EndpointTextSearchH2Test extends EndpointTextSearchContract {
    EndpointTextSearchH2Test() {
        super(TestStore.H2);
    }
}
