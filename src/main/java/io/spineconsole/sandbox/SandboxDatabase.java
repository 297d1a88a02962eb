package io.spineconsole.sandbox;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;

/** The sandbox's connection pool, with the schema migrated to the current version on open. */
public final class SandboxDatabase implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final String product;

    private SandboxDatabase(HikariDataSource dataSource, String product) {
        this.dataSource = dataSource;
        this.product = product;
    }

    /**
     * Opens a pool on {@code jdbcUrl} (H2 or PostgreSQL) and applies any pending Flyway migrations.
     * User and password, if any, come from {@code user} and {@code password} (null for none).
     */
    public static SandboxDatabase open(String jdbcUrl, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(durable(jdbcUrl));
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        config.setPoolName("sandbox-db");
        config.setMaximumPoolSize(8);
        config.setConnectionTimeout(10_000);
        HikariDataSource ds = new HikariDataSource(config);
        try {
            Flyway.configure().dataSource(ds)
                    .locations("classpath:io/spineconsole/db/migration")
                    .load().migrate();
            return new SandboxDatabase(ds, jdbcUrl.startsWith("jdbc:postgresql:") ? "postgresql" : "h2");
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
    }

    /**
     * An H2 file database writes committed changes to its file in the background, every
     * WRITE_DELAY (500 ms by default): a process killed in between loses commits it has already
     * acknowledged. With WRITE_DELAY=0 each commit reaches the file (the operating system's cache)
     * before it returns, so an acknowledged write survives {@code kill -9}. Unless the URL says
     * otherwise.
     */
    static String durable(String jdbcUrl) {
        boolean h2File = jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:h2:mem:");
        if (!h2File || jdbcUrl.toUpperCase(java.util.Locale.ROOT).contains("WRITE_DELAY=")) {
            return jdbcUrl;
        }
        return jdbcUrl + ";WRITE_DELAY=0";
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** {@code h2} or {@code postgresql}. */
    public String product() {
        return product;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
