package io.spineconsole.sandbox;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One thread, one transaction, on both stores: what runs inside a transaction joins it (and sees its
 * own writes), a nested transaction that fails is undone alone, and effects registered for after the
 * commit happen only once it has committed.
 */
class SqlTransactionsTest {

    private static SandboxDatabase open(String store) {
        return SandboxDatabase.open(store.equals("postgresql") ? PostgresFixture.newDatabase()
                : "jdbc:h2:mem:sql-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", null, null);
    }

    private static void note(Sql sql, String id) {
        sql.update("INSERT INTO audit_event (occurred_at, actor, action, entity_type, entity_id) "
                + "VALUES (CURRENT_TIMESTAMP, 'test', 'create', 'thing', ?)", id);
    }

    private static long notes(Sql sql, String id) {
        return sql.count("SELECT COUNT(*) FROM audit_event WHERE entity_id = ?", id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void callsInsideATransactionJoinItAndCommitOrRollBackWithIt(String store) {
        try (SandboxDatabase db = open(store)) {
            Sql sql = new Sql(db.dataSource());
            assertThrows(IllegalStateException.class, () -> sql.inTransaction(c -> {
                note(sql, "a");
                assertEquals(1, notes(sql, "a"), "a read inside sees the transaction's own write");
                throw new IllegalStateException("fails after writing");
            }));
            assertEquals(0, notes(sql, "a"), "the write on the helper rolled back with the transaction");

            sql.inTransaction(c -> {
                note(sql, "b");
                return null;
            });
            assertEquals(1, notes(sql, "b"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aNestedTransactionThatFailsIsUndoneAloneAndTheOuterGoesOn(String store) {
        try (SandboxDatabase db = open(store)) {
            Sql sql = new Sql(db.dataSource());
            sql.inTransaction(c -> {
                note(sql, "outer");
                assertThrows(IllegalStateException.class, () -> sql.inTransaction(inner -> {
                    note(sql, "inner");
                    throw new IllegalStateException("refused");
                }));
                assertThrows(Sql.StoreException.class, () -> sql.inTransaction(inner -> {
                    Sql.update(inner, "INSERT INTO no_such_table VALUES (1)");
                    return null;
                }), "a failed statement in a savepoint does not spoil the outer transaction (PostgreSQL)");
                note(sql, "after");
                return null;
            });
            assertEquals(1, notes(sql, "outer"));
            assertEquals(0, notes(sql, "inner"));
            assertEquals(1, notes(sql, "after"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void effectsAfterCommitWaitForTheOutermostCommitAndNeverFollowARollback(String store) {
        try (SandboxDatabase db = open(store)) {
            Sql sql = new Sql(db.dataSource());
            List<String> effects = new ArrayList<>();
            sql.inTransaction(c -> {
                sql.inTransaction(inner -> {
                    note(sql, "x");
                    sql.afterCommit(() -> effects.add("published x, seen " + notes(sql, "x")));
                    return null;
                });
                assertTrue(effects.isEmpty(), "not while the outer transaction is open");
                return null;
            });
            assertEquals(List.of("published x, seen 1"), effects);

            assertThrows(IllegalStateException.class, () -> sql.inTransaction(c -> {
                sql.afterCommit(() -> effects.add("never"));
                throw new IllegalStateException("rolled back");
            }));
            sql.afterCommit(() -> effects.add("outside a transaction, at once"));
            assertEquals(List.of("published x, seen 1", "outside a transaction, at once"), effects);
        }
    }
}
