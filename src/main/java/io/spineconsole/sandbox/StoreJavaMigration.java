package io.spineconsole.sandbox;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * A Flyway migration written in Java because what it does differs between the two stores (H2 and
 * PostgreSQL): its version, description and a fixed checksum (so that Flyway's validation notices a
 * migration changed after it ran), run in Flyway's transaction. Kept outside the migration folders, so
 * that Flyway does not take it for a migration itself.
 */
public abstract class StoreJavaMigration implements JavaMigration {
    private final MigrationVersion version;
    private final String description;
    private final int checksum;

    protected StoreJavaMigration(String version, String description, int checksum) {
        this.version = MigrationVersion.fromVersion(version);
        this.description = description;
        this.checksum = checksum;
    }

    @Override
    public final MigrationVersion getVersion() {
        return version;
    }

    @Override
    public final String getDescription() {
        return description;
    }

    @Override
    public final Integer getChecksum() {
        return checksum;
    }

    @Override
    public final boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public final void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        migrate(c, c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres"));
    }

    /** The migration itself, on Flyway's connection; {@code postgres} says which store it is. */
    protected abstract void migrate(Connection c, boolean postgres) throws SQLException;
}
