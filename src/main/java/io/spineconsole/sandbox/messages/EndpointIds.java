package io.spineconsole.sandbox.messages;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The API names endpoints by UUID while the baseline schema keys them by a number: the UUID is
 * derived from the number, the same way everywhere messages refer to an endpoint.
 */
final class EndpointIds {
    private EndpointIds() {
    }

    static UUID of(long endpointRowId) {
        return UUID.nameUUIDFromBytes(("mhs-endpoint:" + endpointRowId).getBytes(StandardCharsets.UTF_8));
    }
}
