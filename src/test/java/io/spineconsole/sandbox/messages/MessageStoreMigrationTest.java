package io.spineconsole.sandbox.messages;

import io.spineconsole.domain.messages.MessageStatus;
import io.spineconsole.domain.messages.MessageEvent;
import io.spineconsole.sandbox.PostgresFixture;
import io.spineconsole.sandbox.SandboxDatabase;
import io.spineconsole.sandbox.Sql;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A store written by the previous layout (a row per event) is upgraded in place: every message is
 * kept with its timeline in order, its parties are in the party map, and searches find it.
 */
class MessageStoreMigrationTest {
    @Test
    void upgradesAnH2StoreKeepingItsMessages(@TempDir Path folder) {
        // A file, as the desktop's store is: the store is closed (and so shut down) before it is reopened.
        check("jdbc:h2:file:" + folder.resolve("upgrade").toAbsolutePath());
    }

    @Test
    void upgradesAPostgresStoreKeepingItsMessages() {
        check(PostgresFixture.newDatabase());
    }

    private static void check(String url) {
        Flyway.configure().dataSource(url, null, null).locations("classpath:io/spineconsole/db/migration")
                .target("7").load().migrate();
        UUID a = UUID.fromString("0f7c1e2a-0000-4000-8000-000000000001");
        UUID b = UUID.fromString("0f7c1e2a-0000-4000-8000-000000000002");
        Instant at = Instant.parse("2026-11-20T10:15:00Z");
        try (SandboxDatabase raw = SandboxDatabase.openWithoutMigrating(url)) {
            Sql sql = new Sql(raw.dataSource());
            for (UUID id : List.of(b, a)) {
                sql.update("INSERT INTO message (message_id, conversation_id, interaction_id, messaging_pattern, from_asid, "
                        + "to_asid, from_party_key, to_party_key, from_ods, to_ods, site_code, status, attempts, size_bytes, "
                        + "latency_ms, created_at, updated_at, endpoint_id, version) VALUES (?, ?, 'urn:nhs:names:services:"
                        + "psis:REPC_IN150016UK05', 'async-reliable', '200000000101', '200000000202', 'RR8-0000001', "
                        + "'RTH-0000002', 'RR8', 'RTH', 'DC-SOUTH', 'acknowledged', 1, 900, 210, ?, ?, ?, 2)", id, id,
                        at.plusSeconds(id.equals(a) ? 0 : 86_400), at, UUID.nameUUIDFromBytes(new byte[] {1}));
                sql.update("INSERT INTO message_event (message_id, seq, status, code, description, site_code, occurred_at, "
                        + "attempt) VALUES (?, 2, 'acknowledged', NULL, 'ebXML acknowledgement\tfrom RTH', 'DC-SOUTH', ?, 1)",
                        id, at.plusMillis(210));
                sql.update("INSERT INTO message_event (message_id, seq, status, code, description, site_code, occurred_at, "
                        + "attempt) VALUES (?, 1, 'received', NULL, 'Received from RR8-0000001', 'DC-SOUTH', ?, 0)", id, at);
            }
        }
        try (SandboxDatabase db = SandboxDatabase.open(url, null, null)) {
            Sql sql = new Sql(db.dataSource());
            assertEquals(2, sql.count("SELECT COUNT(*) FROM message"));
            List<MessageEvent> timeline = Timeline.decode(sql.one("SELECT timeline FROM message WHERE message_id = ?",
                    r -> r.getString(1), a).orElseThrow());
            assertEquals(List.of(new MessageEvent(1, MessageStatus.RECEIVED, null, "Received from RR8-0000001", "DC-SOUTH",
                    at, 0), new MessageEvent(2, MessageStatus.ACKNOWLEDGED, null, "ebXML acknowledgement\tfrom RTH",
                    "DC-SOUTH", at.plusMillis(210), 1)), timeline, "the events, in order, tab and all");
            assertEquals(2, sql.count("SELECT version FROM message WHERE message_id = ?", a), "the row kept its fields");
            MessageParties parties = new MessageParties(sql, db.product().equals("postgresql"));
            assertEquals(List.of("RR8"), parties.odsOf(MessageParties.ASID, "200000000101"));
            assertEquals(List.of("RTH"), parties.odsOf(MessageParties.PARTY_KEY, "RTH-0000002"));
            assertEquals(List.of("RTH"), parties.odsOfEndpoint(UUID.nameUUIDFromBytes(new byte[] {1})));
            assertTrue(sql.count("SELECT COUNT(*) FROM message_rollup_state WHERE dirty_from IS NULL") == 1);
            if (db.product().equals("postgresql")) {
                assertTrue(new MessagePartitions(sql, true).days().contains(java.time.LocalDate.parse("2026-11-21")),
                        "a partition for each day the stored messages fall on");
            }
        }
    }
}
