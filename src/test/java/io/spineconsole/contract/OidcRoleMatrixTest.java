package io.spineconsole.contract;

import com.fasterxml.jackson.databind.JsonNode;
import io.spineconsole.domain.Role;
import io.spineconsole.sandbox.SandboxFixture;
import io.spineconsole.testing.OidcProvider;
import io.spineconsole.testing.OidcProvider.Person;
import org.junit.jupiter.api.AfterAll;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The role matrix with single sign-on: every operation called with access tokens from a real OpenID Connect
 * provider (mock-oauth2-server), one person for each role. The audit log names each person by their subject.
 */
class OidcRoleMatrixTest extends RoleMatrixChecks {
    private final OidcProvider provider = new OidcProvider();

    @Override
    SandboxFixture startSandbox() {
        return SandboxFixture.startWithOidc(provider.settings());
    }

    @Override
    Backbone callers(SandboxFixture sandbox) {
        Map<Role, String> tokens = new EnumMap<>(Role.class);
        Map<Role, String> names = new EnumMap<>(Role.class);
        provider.lifetime(Duration.ofHours(2));
        for (Role role : Role.values()) {
            Person person = person(role);
            tokens.put(role, provider.signingIn(person).accessToken());
            names.put(role, person.name());
        }
        return new Backbone(sandbox, sandbox.contract(), tokens, names);
    }

    @Override
    boolean identifies(JsonNode actor, Role role) {
        return actor.path("tokenId").isNull() && actor.path("subject").asText().equals(person(role).subject());
    }

    private static Person person(Role role) {
        return switch (role) {
            case VIEWER -> new Person("7000001", "Vik Viewer", List.of("viewer"));
            case OPERATOR -> new Person("7000002", "Ola Operator", List.of("viewer", "operator"));
            case ADMIN -> new Person("7000003", "Ada Admin", List.of("admin"));
        };
    }

    @AfterAll
    void stopProvider() {
        provider.close();
    }
}
