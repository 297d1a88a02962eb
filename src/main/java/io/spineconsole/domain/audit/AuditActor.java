package io.spineconsole.domain.audit;

import io.spineconsole.domain.Role;

/** Who made an audited change: the token holder's name, the token and its role. */
public record AuditActor(String name, long tokenId, Role role) {
}
