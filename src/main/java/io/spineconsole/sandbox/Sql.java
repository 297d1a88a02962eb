package io.spineconsole.sandbox;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A thin helper over plain JDBC: parameters bound in order, rows mapped by a lambda, writes in transactions.
 *
 * <p>One thread, one transaction: while {@link #inTransaction} runs, every call of this helper on the same
 * thread ({@link #list}, {@link #update}, a nested {@code inTransaction}) joins that transaction on its
 * connection, so a request's work, its audit entries and its idempotent answer commit together or not at
 * all. A nested transaction is a savepoint: if it throws, its part is undone and the outer one goes on
 * (or not) as its caller decides. What must wait for the commit (publishing on the live stream, starting a
 * job) is registered with {@link #afterCommit}.
 */
public final class Sql {
    private final DataSource dataSource;
    private final ThreadLocal<Unit> current = new ThreadLocal<>();

    /** The transaction this thread is in: its connection, and what to run once it commits. */
    private static final class Unit {
        final Connection connection;
        final List<Runnable> afterCommit = new ArrayList<>();

        Unit(Connection connection) {
            this.connection = connection;
        }
    }

    /** Rows {@link #each} reads at a time. */
    static final int FETCH_ROWS = 10_000;

    public Sql(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    @FunctionalInterface
    public interface RowConsumer {
        void accept(ResultSet row) throws SQLException;
    }

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    public <T> List<T> list(String sql, RowMapper<T> mapper, Object... params) {
        return withConnection(c -> list(c, sql, mapper, params));
    }

    /** {@link #each(Connection, String, RowConsumer, Object...)} on a connection of its own. */
    public long each(String sql, RowConsumer consumer, Object... params) {
        return withConnection(c -> each(c, sql, consumer, params));
    }

    public <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = list(sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    public long count(String sql, Object... params) {
        return one(sql, r -> r.getLong(1), params).orElse(0L);
    }

    public int update(String sql, Object... params) {
        return withConnection(c -> update(c, sql, params));
    }

    /**
     * Runs {@code work} in one transaction: committed if it returns, rolled back if it throws. Called
     * inside another transaction on this thread, it joins it as a savepoint: undone alone if it throws.
     */
    public <T> T inTransaction(Work<T> work) {
        Unit outer = current.get();
        if (outer != null) {
            return nested(outer.connection, work);
        }
        Unit unit;
        T result;
        try (Connection c = dataSource.getConnection()) {
            unit = new Unit(c);
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            current.set(unit);
            try {
                result = work.run(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                current.remove();
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
        unit.afterCommit.forEach(Runnable::run);
        return result;
    }

    /** True while this thread is inside {@link #inTransaction}. */
    public boolean inTransaction() {
        return current.get() != null;
    }

    /**
     * Runs {@code action} once the transaction this thread is in has committed (never, if it rolls
     * back); outside a transaction, at once. For effects outside the database: publishing what was
     * written, starting the work a request queued.
     */
    public void afterCommit(Runnable action) {
        Unit unit = current.get();
        if (unit == null) {
            action.run();
        } else {
            unit.afterCommit.add(action);
        }
    }

    private static <T> T nested(Connection c, Work<T> work) {
        try {
            Savepoint savepoint = c.setSavepoint();
            try {
                return work.run(c);
            } catch (SQLException | RuntimeException e) {
                c.rollback(savepoint);
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    public static <T> List<T> list(Connection c, String sql, RowMapper<T> mapper, Object... params)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
                return out;
            }
        }
    }

    /**
     * Hands each row of a large result to {@code consumer}, {@link #FETCH_ROWS} rows at a time, and returns how many
     * there were. PostgreSQL's driver otherwise reads a whole result into memory before the first row: loading a
     * national store's endpoint minutes at start (6.5 million rows) took 1.4 GB that way and ended a 2 GB server. It
     * reads with a cursor only inside a transaction, so outside one this reads in a read-only transaction of its own;
     * inside one it joins it.
     */
    public static long each(Connection c, String sql, RowConsumer consumer, Object... params) throws SQLException {
        boolean auto = c.getAutoCommit();
        if (auto) {
            c.setAutoCommit(false);
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setFetchSize(FETCH_ROWS);
            bind(ps, params);
            long n = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    consumer.accept(rs);
                    n++;
                }
            }
            if (auto) {
                c.commit();
            }
            return n;
        } catch (SQLException | RuntimeException e) {
            if (auto) {
                c.rollback();
            }
            throw e;
        } finally {
            if (auto) {
                c.setAutoCommit(true);
            }
        }
    }

    public static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        }
    }

    public static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, toJdbc(params[i]));
        }
    }

    /** Instants travel as UTC {@link OffsetDateTime}s, which both H2 and PostgreSQL map to timestamptz. */
    public static Object toJdbc(Object value) {
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        return value;
    }

    public static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    /** Runs {@code work} on a connection of the pool, as it comes (auto-commit on); the caller manages any transaction. */
    public <T> T inConnection(Work<T> work) {
        return withConnection(work);
    }

    private <T> T withConnection(Work<T> work) {
        Unit unit = current.get();
        if (unit != null) {
            try {
                return work.run(unit.connection);
            } catch (SQLException e) {
                throw new StoreException(e);
            }
        }
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** A database failure the server reports as its own fault, never as the client's. */
    public static final class StoreException extends RuntimeException {
        public StoreException(SQLException cause) {
            super(cause.getMessage(), cause);
        }

        /** The SQLState of the database's error. */
        public String sqlState() {
            return ((SQLException) getCause()).getSQLState();
        }
    }

    /** SQLState 23505, the same on H2 and PostgreSQL: a unique key (or primary key) already holds the value. */
    public static boolean isDuplicateKey(SQLException e) {
        return "23505".equals(e.getSQLState());
    }

    /**
     * The statement waited for a row lock as long as the session allows and gave up: H2's HYT00
     * (error 50200), PostgreSQL's 55P03 {@code lock_not_available}.
     */
    public static boolean isLockTimeout(SQLException e) {
        return "HYT00".equals(e.getSQLState()) || "55P03".equals(e.getSQLState());
    }
}
