package io.spineconsole.domain;

import java.util.Objects;

/** Who the server says the current token belongs to. */
public record Principal(String name, Role role, long tokenId) {
    public Principal {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
    }
}
