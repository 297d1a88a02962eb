package io.spineconsole.contract;

import com.fasterxml.jackson.databind.JsonNode;
import io.spineconsole.domain.Role;
import io.spineconsole.sandbox.SandboxFixture;

/** The role matrix with API tokens: the audit log names each token by its id. */
class RoleMatrixTest extends RoleMatrixChecks {
    @Override
    SandboxFixture startSandbox() {
        return SandboxFixture.startTiny();
    }

    @Override
    Backbone callers(SandboxFixture sandbox) {
        return new Backbone(sandbox, sandbox.contract());
    }

    @Override
    boolean identifies(JsonNode actor, Role role) {
        return actor.path("tokenId").asLong() > 0 && actor.path("subject").isNull();
    }
}
