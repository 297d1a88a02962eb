package io.spineconsole.sandbox.messages;

import io.spineconsole.sandbox.SandboxDatabase;
import io.spineconsole.sandbox.Sql;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * For suites of other areas that write message rows with plain SQL: on PostgreSQL a row needs its
 * day's partition, which the ingest path would have made on demand.
 */
public final class TestPartitions {
    private TestPartitions() {
    }

    /** Makes the partition of {@code at}'s day if the store is PostgreSQL and it is missing. */
    public static void ensureDayOf(SandboxDatabase database, Instant at) {
        if ("postgresql".equals(database.product())) {
            new Sql(database.dataSource()).update(MessageSchema.createPartition("message", LocalDate.ofInstant(at, ZoneOffset.UTC)));
        }
    }
}
