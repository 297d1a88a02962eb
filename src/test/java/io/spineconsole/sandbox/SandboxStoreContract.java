package io.spineconsole.sandbox;

import io.spineconsole.api.http.HttpBackboneApi;
import io.spineconsole.api.http.HttpBackboneApi.HttpClientOptions;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The same migrations, seed and routes on each store (the subclasses name it). */
abstract class SandboxStoreContract extends StoreContract {

    SandboxStoreContract(TestStore store) {
        super(store);
    }

    @Test
    void migratesSeedsAndServes() {
        try (SandboxFixture sandbox = store.startSandbox();
             HttpBackboneApi api = new HttpBackboneApi(sandbox.baseUrl(), sandbox::adminToken, sandbox.clientOptions(HttpClientOptions.defaults()))) {
            assertEquals(store.product(), api.health().join().database());
            assertEquals(SandboxFixture.SMALL.organisations(), api.registrationSummary().join().organisations());
            assertTrue(api.messageFlowSummary().join().messagesLastHour() > 0);
            assertEquals(4, api.migrationSummary().join().sites());
        }
    }
}
