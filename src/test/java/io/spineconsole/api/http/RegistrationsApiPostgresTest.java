package io.spineconsole.api.http;

import io.spineconsole.sandbox.SandboxFixture;
import org.junit.jupiter.api.BeforeAll;

/** The same registrations suite on a real PostgreSQL server. */
class RegistrationsApiPostgresTest extends RegistrationsApiTest {
    @BeforeAll
    static void start() {
        startOn(SandboxFixture::startOnPostgres);
    }
}
