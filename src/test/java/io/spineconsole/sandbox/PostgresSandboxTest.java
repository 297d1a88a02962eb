package io.spineconsole.sandbox;

import io.spineconsole.api.http.HttpBackboneApi;
import io.spineconsole.api.http.HttpBackboneApi.HttpClientOptions;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The same migrations, seed and routes on a real PostgreSQL server. */
class PostgresSandboxTest {

    @Test
    void migratesSeedsAndServesOnPostgres() {
        try (SandboxFixture sandbox = SandboxFixture.startOnPostgres();
             HttpBackboneApi api = new HttpBackboneApi(sandbox.baseUrl(), sandbox::adminToken, sandbox.clientOptions(HttpClientOptions.defaults()))) {
            assertEquals("postgresql", api.health().join().database());
            assertEquals(SandboxFixture.SMALL.organisations(), api.registrationSummary().join().organisations());
            assertTrue(api.messageFlowSummary().join().messagesLastHour() > 0);
            assertEquals(4, api.migrationSummary().join().sites());
        }
    }
}
