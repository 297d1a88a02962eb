package io.spineconsole.sandbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A store this build migrated opens without Flyway; any other store goes through Flyway as before. */
class SchemaStampTest {
    @TempDir
    Path folder;

    @Test
    void aStoreThisBuildMigratedOpensWithoutFlywayAndAnotherStampSendsItBackThroughFlyway() throws Exception {
        String url = SandboxDatabase.h2FileUrl(folder.resolve("backbone"));
        String stamp = SchemaStamp.of(SandboxDatabase.MIGRATION_FOLDERS);
        try (SandboxDatabase db = SandboxDatabase.open(url, null, null)) {
            assertTrue(SchemaStamp.matches(db.dataSource(), stamp), "migrated by this build, and stamped so");
            // Take the newest migration out of Flyway's history: Flyway would now see it as pending.
            update(db, "DELETE FROM \"flyway_schema_history\" WHERE \"installed_rank\" = "
                    + "(SELECT MAX(\"installed_rank\") FROM \"flyway_schema_history\")");
        }

        // The stamp is this build's: Flyway is not run, so the gap in its history goes unnoticed.
        try (SandboxDatabase db = SandboxDatabase.open(url, null, null)) {
            update(db, "UPDATE console_schema_stamp SET stamp = 'another build'");
        }

        // Another stamp: Flyway runs, finds the newest migration pending, and applying it again fails.
        assertThrows(RuntimeException.class, () -> SandboxDatabase.open(url, null, null).close());
    }

    @Test
    void theStampFollowsTheMigrationsAndInMemoryStoresHaveNone() throws Exception {
        String stamp = SchemaStamp.of(SandboxDatabase.MIGRATION_FOLDERS);
        assertEquals(64, stamp.length());
        assertEquals(stamp, SchemaStamp.of(SandboxDatabase.MIGRATION_FOLDERS), "the same files, the same stamp");
        assertFalse(stamp.equals(SchemaStamp.of(java.util.List.of("io/spineconsole/db/migration"))),
                "the Java migrations' package counts too");
        try (SandboxDatabase db = SandboxDatabase.open("jdbc:h2:mem:stamp-" + System.nanoTime(), null, null);
             Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE LOWER(TABLE_NAME) = 'console_schema_stamp'")) {
            rs.next();
            assertEquals(0, rs.getInt(1));
        }
    }

    private static void update(SandboxDatabase db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            assertEquals(1, s.executeUpdate(sql));
        }
    }
}
