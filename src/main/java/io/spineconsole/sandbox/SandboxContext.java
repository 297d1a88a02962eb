package io.spineconsole.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Clock;

/** What every part of the sandbox backbone shares: the store, the clock, the audit trail. */
public record SandboxContext(Sql sql, Clock clock, AuditLog audit, ObjectMapper mapper, String databaseProduct,
                             InteractionCatalogue interactions) {

    public boolean isPostgres() {
        return "postgresql".equals(databaseProduct);
    }
}
