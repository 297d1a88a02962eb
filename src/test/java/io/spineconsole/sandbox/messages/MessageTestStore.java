package io.spineconsole.sandbox.messages;

import io.spineconsole.api.wire.WireJson;
import io.spineconsole.domain.messages.MessageStatus;
import io.spineconsole.sandbox.AuditLog;
import io.spineconsole.sandbox.InteractionCatalogue;
import io.spineconsole.sandbox.PostgresFixture;
import io.spineconsole.sandbox.SandboxContext;
import io.spineconsole.sandbox.SandboxDatabase;
import io.spineconsole.sandbox.SeedData;
import io.spineconsole.sandbox.Sql;
import io.spineconsole.sandbox.migration.MigrationSeed;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * A message store with a small directory and no server, for tests that drive the store's parts
 * directly: the roll-ups, ingest, partitions and retention, on H2 or PostgreSQL.
 */
final class MessageTestStore implements AutoCloseable {
    final SandboxDatabase database;
    final Sql sql;
    final boolean postgres;
    final SandboxContext context;
    final MessagePartitions partitions;
    final MessageParties parties;
    private final TrafficDirectory directory;
    private final DeliveryModel model = new DeliveryModel(new Random(7));

    private MessageTestStore(String url, Clock clock) {
        this.database = SandboxDatabase.open(url, null, null);
        this.sql = new Sql(database.dataSource());
        this.postgres = database.product().equals("postgresql");
        InteractionCatalogue interactions = InteractionCatalogue.load();
        this.context = new SandboxContext(sql, clock, new AuditLog(WireJson.strictMapper(), clock),
                WireJson.strictMapper(), database.product(), interactions);
        new SeedData(interactions, clock).seedIfEmpty(sql, new SeedData.Scale(40, 0), MigrationSeed::seed);
        this.partitions = new MessagePartitions(sql, postgres);
        this.parties = new MessageParties(sql, postgres);
        this.directory = TrafficDirectory.load(sql);
    }

    static MessageTestStore h2(Clock clock) {
        return new MessageTestStore("jdbc:h2:mem:store-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", clock);
    }

    static MessageTestStore postgres(Clock clock) {
        return new MessageTestStore(PostgresFixture.newDatabase(), clock);
    }

    /** A fresh roll-up keeper, opened as at start-up (rebuilding what a crash left). */
    Rollups openRollups(Instant now) {
        Rollups r = new Rollups(sql, postgres);
        r.open(now);
        return r;
    }

    MessageIngest ingest(Rollups rollups) {
        return new MessageIngest(sql, rollups, new StreamHub(context.clock()), parties, partitions, postgres);
    }

    /** {@code n} messages received at {@code at} (a few milliseconds apart), delivered as far as they get by then. */
    List<MessageRow> messages(int n, Instant at) {
        List<MessageRow> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Instant t = at.plusMillis(i);
            MessageRow row = model.newMessage(directory, t);
            model.deliver(row, directory.target(row.endpointId), t.plusSeconds(60));
            rows.add(row);
        }
        return rows;
    }

    TrafficDirectory directory() {
        return directory;
    }

    /** Makes the retries of {@code rows} due by {@code now}; returns the rows that moved, for {@code ingest.update}. */
    List<MessageRow> progress(List<MessageRow> rows, Instant now) {
        List<MessageRow> moved = new ArrayList<>();
        for (MessageRow row : rows) {
            if (row.endpointId != null && row.status == MessageStatus.RETRYING) {
                model.catchUp(row, directory.target(row.endpointId), now);
                if (!row.newEvents.isEmpty()) {
                    moved.add(row);
                }
            }
        }
        return moved;
    }

    /** The stored messages' receipt times. */
    List<Instant> storedTimes() {
        return sql.list("SELECT created_at FROM message ORDER BY created_at", r -> Sql.instant(r, "created_at"));
    }

    long failed() {
        return sql.count("SELECT COUNT(*) FROM message WHERE status IN ('nacked', 'transmission-failed', "
                + "'dead-lettered', 'expired')");
    }

    static boolean isFailed(MessageStatus s) {
        return io.spineconsole.domain.messages.MessageStatuses.isFailed(s);
    }

    @Override
    public void close() {
        database.close();
    }
}
