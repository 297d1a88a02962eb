package io.spineconsole.sandbox.feed;

import io.spineconsole.sandbox.SandboxDatabase;
import io.spineconsole.sandbox.Sql;
import io.spineconsole.sandbox.StoreContract;
import io.spineconsole.sandbox.TestStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The feed's offsets on both stores: a partition's first claim starts it at 0, a later claim reads what is stored
 * (never resets it), and an offset moves on only from where the consumer found it (a stalled consumer is fenced).
 */
abstract class FeedStoreContract extends StoreContract {
    private SandboxDatabase database;
    private Sql sql;
    private FeedStore offsets;
    private final Instant now = Instant.parse("2026-12-07T10:00:00Z");

    FeedStoreContract(TestStore store) {
        super(store);
    }

    @BeforeAll
    void open() {
        database = SandboxDatabase.open(store.newDatabase(), null, null);
        sql = new Sql(database.dataSource());
        offsets = new FeedStore(sql, store == TestStore.POSTGRES);
    }

    @AfterAll
    void close() {
        database.close();
    }

    @Test
    void offsetsStartAtZeroAreKeptAndMoveOnlyFromWhereTheConsumerFoundThem() {
        assertEquals(Map.of(0, 0L, 1, 0L), offsets.claim("g", "events", List.of(0, 1), now));
        sql.inTransaction(c -> {
            FeedStore.advance(c, "g", "events", Map.of(0, new long[] {0, 120}, 1, new long[] {0, 7}), now);
            return null;
        });
        assertEquals(Map.of(0, 120L, 1, 7L, 2, 0L), offsets.claim("g", "events", List.of(0, 1, 2), now),
                "a claim reads what is stored and never resets it");
        assertEquals(Map.of(0, 0L), offsets.claim("other-group", "events", List.of(0), now), "groups are apart");
        RuntimeException fenced = assertThrows(RuntimeException.class, () -> sql.inTransaction(c -> {
            FeedStore.advance(c, "g", "events", Map.of(0, new long[] {100, 150}), now);
            return null;
        }));
        assertEquals(FeedStore.Fenced.class, rootSql(fenced).getClass(), "a consumer that fell behind is fenced");
        assertEquals(120L, offsets.claim("g", "events", List.of(0), now).get(0), "and nothing moved");
    }

    private static Throwable rootSql(Throwable e) {
        Throwable t = e;
        while (t != null && !(t instanceof FeedStore.Fenced)) {
            t = t.getCause();
        }
        return t == null ? e : t;
    }
}
