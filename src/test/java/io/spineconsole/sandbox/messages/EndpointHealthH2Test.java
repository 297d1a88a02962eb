package io.spineconsole.sandbox.messages;

import io.spineconsole.sandbox.TestStore;

/** Endpoint health on the embedded H2 store. */
class EndpointHealthH2Test extends EndpointHealthContract {
    EndpointHealthH2Test() {
        super(TestStore.H2);
    }
}
