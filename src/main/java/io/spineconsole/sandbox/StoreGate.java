package io.spineconsole.sandbox;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;

/**
 * The embedded store's connections, with a gate that lets one job have the store to itself for a
 * moment (a compaction closes the H2 database and reopens it). Everything that reads or writes the
 * store (requests, the traffic simulator, scenarios, jobs, the roll-up flush, the maintenance timer)
 * takes its connections here; while the gate is shut, a new borrower waits until it opens again
 * rather than failing against a closed database, and the job starts only once every connection lent
 * has come back. A thread that already holds a connection is never made to wait for another (it
 * would wait for itself); if the connections lent do not all come back within the drain time, the
 * job is not run and the gate opens again, so nothing waits for long behind a long reader.
 */
final class StoreGate implements DataSource {
    private final DataSource pool;
    private final ThreadLocal<int[]> held = ThreadLocal.withInitial(() -> new int[1]);
    private final Object lock = new Object();
    private int lent;
    private boolean shut;

    StoreGate(DataSource pool) {
        this.pool = pool;
    }

    /**
     * Shuts the gate, waits up to {@code drain} for every connection lent to come back, runs {@code job}
     * (which uses the pool directly) and opens the gate again. Returns false, having run nothing, if the
     * connections did not all come back in time or the calling thread holds one itself.
     */
    boolean alone(Duration drain, BooleanSupplier job) throws InterruptedException {
        if (held.get()[0] > 0) {
            return false;
        }
        synchronized (lock) {
            while (shut) {  // one job at a time
                lock.wait();
            }
            shut = true;
            long deadline = System.nanoTime() + drain.toNanos();
            try {
                while (lent > 0) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    lock.wait(Math.max(1, left / 1_000_000));
                }
            } catch (InterruptedException e) {
                open();
                throw e;
            } finally {
                if (lent > 0) {
                    open();
                }
            }
        }
        try {
            return job.getAsBoolean();
        } finally {
            synchronized (lock) {
                open();
            }
        }
    }

    private void open() {
        shut = false;
        lock.notifyAll();
    }

    /** True while a job has the store to itself or waits for it (for tests). */
    boolean isShut() {
        synchronized (lock) {
            return shut;
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        return lend(pool::getConnection);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return lend(() -> pool.getConnection(username, password));
    }

    private interface Borrow {
        Connection get() throws SQLException;
    }

    private Connection lend(Borrow borrow) throws SQLException {
        int[] mine = held.get();
        synchronized (lock) {
            while (shut && mine[0] == 0) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SQLException("Interrupted while the store was being compacted", e);
                }
            }
            lent++;
        }
        mine[0]++;
        Connection c;
        try {
            c = borrow.get();
        } catch (SQLException | RuntimeException e) {
            giveBack(mine);
            throw e;
        }
        return returnedOnClose(c, mine);
    }

    private void giveBack(int[] owner) {
        owner[0]--;
        synchronized (lock) {
            lent--;
            if (lent == 0) {
                lock.notifyAll();
            }
        }
    }

    /** {@code c}, whose first {@code close()} gives its place at the gate back. */
    private Connection returnedOnClose(Connection c, int[] owner) {
        AtomicBoolean closed = new AtomicBoolean();
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("close") && method.getParameterCount() == 0) {
                try {
                    c.close();
                } finally {
                    if (closed.compareAndSet(false, true)) {
                        giveBack(owner);
                    }
                }
                return null;
            }
            try {
                return method.invoke(c, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (Connection) Proxy.newProxyInstance(StoreGate.class.getClassLoader(), new Class<?>[] {Connection.class},
                handler);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return iface.isInstance(this) ? iface.cast(this) : pool.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || pool.isWrapperFor(iface);
    }
}
