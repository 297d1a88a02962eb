package io.spineconsole.sandbox;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A large result read a batch at a time, on both stores: every row once and in order across more than one batch,
 * the connection left as it was, and inside a transaction a read that joins it and never commits it.
 */
class SqlEachTest {
    private static final int ROWS = Sql.FETCH_ROWS + 2_345;

    private static SandboxDatabase open(TestStore store) {
        return SandboxDatabase.open(store.newDatabase(), null, null);
    }

    private static void fill(Sql sql, TestStore store) {
        String numbers = store == TestStore.POSTGRES ? "generate_series(1, ?) AS n(x)" : "SYSTEM_RANGE(1, ?) AS n(x)";
        sql.update("INSERT INTO audit_event (occurred_at, actor, action, entity_type, entity_id) "
                + "SELECT CURRENT_TIMESTAMP, 'test', 'create', 'thing', CAST(1000000 + x AS VARCHAR(20)) FROM " + numbers,
                ROWS);
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void readsEveryRowOnceInOrderAndLeavesTheConnectionAsItWas(TestStore store) throws Exception {
        try (SandboxDatabase db = open(store)) {
            Sql sql = new Sql(db.dataSource());
            fill(sql, store);
            List<String> seen = new ArrayList<>();
            long n = sql.each("SELECT entity_id FROM audit_event WHERE entity_type = ? ORDER BY entity_id",
                    r -> seen.add(r.getString(1)), "thing");
            assertEquals(ROWS, n);
            assertEquals(ROWS, seen.size());
            assertEquals("1000001", seen.get(0));
            assertEquals(Integer.toString(1_000_000 + ROWS), seen.get(ROWS - 1));
            try (Connection c = db.dataSource().getConnection()) {
                assertTrue(c.getAutoCommit(), "the pool's connection is back in auto-commit");
            }
            RuntimeException stop = assertThrows(IllegalStateException.class, () -> sql.each(
                    "SELECT entity_id FROM audit_event", r -> {
                        throw new IllegalStateException("the reader stops");
                    }));
            assertEquals("the reader stops", stop.getMessage());
            try (Connection c = db.dataSource().getConnection()) {
                assertTrue(c.getAutoCommit(), "and after a reader that failed");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void insideATransactionItSeesItsWritesAndDoesNotCommitThem(TestStore store) {
        try (SandboxDatabase db = open(store)) {
            Sql sql = new Sql(db.dataSource());
            assertThrows(IllegalStateException.class, () -> sql.inTransaction(c -> {
                Sql.update(c, "INSERT INTO audit_event (occurred_at, actor, action, entity_type, entity_id) "
                        + "VALUES (CURRENT_TIMESTAMP, 'test', 'create', 'thing', 'inside')");
                List<String> seen = new ArrayList<>();
                Sql.each(c, "SELECT entity_id FROM audit_event WHERE entity_id = ?", r -> seen.add(r.getString(1)),
                        "inside");
                assertEquals(List.of("inside"), seen, "the transaction's own write is read");
                throw new IllegalStateException("the transaction fails after the read");
            }));
            assertEquals(0, sql.count("SELECT COUNT(*) FROM audit_event WHERE entity_id = 'inside'"),
                    "the read committed nothing: the write went with the transaction");
        }
    }
}
