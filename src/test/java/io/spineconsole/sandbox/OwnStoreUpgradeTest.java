package io.spineconsole.sandbox;

import io.spineconsole.sandbox.http.server.SandboxBackbone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A sandbox store written by another version (the console's own is set aside, a named one refused), or held by another process. */
class OwnStoreUpgradeTest {

    @TempDir
    Path folder;

    @Test
    void theSandboxesOwnStoreFromAnotherVersionIsSetAsideAndAFreshOneSeeded() throws Exception {
        Path database = folder.resolve("backbone");
        writtenByAnotherVersion(database);

        startsSeededWithTheOldStoreBeside(database, "backbone-incompatible-");
    }

    /**
     * A crash at the wrong moment or a bad disk can leave H2's file unreadable; the console must still start its
     * sandbox (on a fresh store), not fail at every start until someone deletes the file by hand.
     */
    @Test
    void aDamagedOwnStoreIsSetAsideAndAFreshOneSeeded() throws Exception {
        Path database = folder.resolve("backbone");
        try (SandboxBackbone first = SandboxBackbone.startOnOwnStore(database, config(database), Clock.systemUTC())) {
            assertTrue(count(first, "organisation") > 0);
        }
        damage(folder.resolve("backbone.mv.db"));

        startsSeededWithTheOldStoreBeside(database, "backbone-damaged-");
    }

    /** The sandbox starts on {@code database} with a fresh, seeded store; the old one is kept beside it, renamed. */
    private void startsSeededWithTheOldStoreBeside(Path database, String setAsidePrefix) throws Exception {
        try (SandboxBackbone sandbox = SandboxBackbone.startOnOwnStore(database, config(database), Clock.systemUTC())) {
            assertTrue(count(sandbox, "organisation") >= SandboxFixture.TINY.organisations(),
                    "the fresh store is seeded");
        }
        List<String> files = listing();
        assertTrue(files.contains("backbone.mv.db"), "a fresh store: " + files);
        assertEquals(1, files.stream().filter(f -> f.startsWith(setAsidePrefix) && f.endsWith(".mv.db")).count(),
                "the old store is kept beside it under a dated name: " + files);
    }

    @Test
    void onlyWhatH2ReportsAsAFileThatDoesNotHoldTogetherCountsAsDamage() {
        // H2 retries an index entry whose row is missing as if a concurrent change caused it, then gives up
        // with a lock timeout: that timeout's cause is what says the store is damaged.
        SQLException missingRow = new SQLException("Row \"29429\" not found in primary index", "HY000", 90143);
        assertTrue(SandboxDatabase.isDamaged(new Sql.StoreException(
                new SQLException("Timeout trying to lock table", "HYT00", 50200, missingRow))));
        assertTrue(SandboxDatabase.isDamaged(new Sql.StoreException(new SQLException("File corrupted", "90030", 90030))));
        assertTrue(SandboxDatabase.isDamaged(new IllegalStateException("opening",
                new org.h2.mvstore.MVStoreException(org.h2.mvstore.DataUtils.ERROR_CHUNK_NOT_FOUND, "Chunk 12 not found"))));

        assertFalse(SandboxDatabase.isDamaged(new Sql.StoreException(
                new SQLException("Timeout trying to lock table", "HYT00", 50200))), "a lock that may free");
        assertFalse(SandboxDatabase.isDamaged(new Sql.StoreException(
                new SQLException("Database may be already in use", "90020", 90020))), "a store in use");
        assertFalse(SandboxDatabase.isDamaged(new IllegalArgumentException("a mistake")));
    }

    /** Overwrites the file's two header blocks (where H2 finds its data), as a torn or bad disk write might. */
    private static void damage(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            byte[] garbage = new byte[8192];
            java.util.Arrays.fill(garbage, (byte) 0x5A);
            channel.write(java.nio.ByteBuffer.wrap(garbage), 0);
        }
    }

    /**
     * A store the previous build laid out takes this build's newest migration in place: a new migration
     * numbered below one already applied would be refused by Flyway, setting a desktop's store aside and
     * stopping a team server.
     */
    @Test
    void aStoreThePreviousBuildLaidOutIsUpgradedInPlace() throws Exception {
        Path database = folder.resolve("backbone");
        String url = SandboxDatabase.h2FileUrl(database);
        List<String> versions;
        try (SandboxDatabase db = SandboxDatabase.open(url, null, null);
             Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL"
                     + " ORDER BY \"installed_rank\"")) {
            List<String> applied = new java.util.ArrayList<>();
            while (rs.next()) {
                applied.add(rs.getString(1));
            }
            versions = applied;
        }
        String newest = versions.get(versions.size() - 1);
        String previous = versions.get(versions.size() - 2);
        Files.delete(folder.resolve("backbone.mv.db"));
        try (SandboxDatabase bare = SandboxDatabase.openWithoutMigrating(url)) {
            org.flywaydb.core.Flyway.configure().dataSource(bare.dataSource())
                    .locations(SandboxDatabase.MIGRATION_FOLDERS.stream().map(f -> "classpath:" + f).toArray(String[]::new))
                    .target(previous).load().migrate();
        }

        try (SandboxBackbone sandbox = SandboxBackbone.startOnOwnStore(database, config(database), Clock.systemUTC())) {
            assertTrue(count(sandbox, "organisation") >= SandboxFixture.TINY.organisations());
        }
        assertEquals(List.of("backbone.mv.db"), listing(), "upgraded in place, nothing set aside (newest " + newest
                + " above " + previous + ")");
    }

    @Test
    void aDatabaseSomeoneNamedIsRefusedWithAClearErrorAndLeftAsItIs() throws Exception {
        Path database = folder.resolve("theirs");
        writtenByAnotherVersion(database);

        SandboxDatabase.IncompatibleSchemaException refused = assertThrows(SandboxDatabase.IncompatibleSchemaException.class,
                () -> SandboxBackbone.start(config(database), Clock.systemUTC()));

        assertTrue(refused.getMessage().contains("another version of Spine Console"), refused.getMessage());
        assertEquals(List.of("theirs.mv.db"), listing());
        try (Connection c = DriverManager.getConnection(SandboxDatabase.h2FileUrl(database));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT (SELECT \"checksum\" FROM \"flyway_schema_history\" WHERE \"version\" = '3'),"
                     + " (SELECT COUNT(*) FROM organisation)")) {
            rs.next();
            assertEquals(42, rs.getInt(1), "its history is not repaired");
            assertEquals(0, rs.getInt(2), "nothing is seeded into it");
        }
    }

    @Test
    void aStoreAnotherProcessHoldsIsReportedAsInUseNotAsAnInternalError() throws Exception {
        Path database = folder.resolve("shared");
        SandboxDatabase.open(SandboxDatabase.h2FileUrl(database), null, null).close();
        // Another process holding the file looks to H2 like a lock it cannot take.
        try (FileChannel file = FileChannel.open(folder.resolve("shared.mv.db"), StandardOpenOption.WRITE);
             FileLock held = file.lock()) {
            SandboxDatabase.StoreInUseException inUse = assertThrows(SandboxDatabase.StoreInUseException.class,
                    () -> SandboxDatabase.open(SandboxDatabase.h2FileUrl(database), null, null));
            assertTrue(inUse.getMessage().contains("open in another process"), inUse.getMessage());
        }
    }

    private static SandboxBackbone.Config config(Path database) {
        return new SandboxBackbone.Config(SandboxDatabase.h2FileUrl(database), null, null, "127.0.0.1", 0,
                SandboxFixture.TINY, "sandbox");
    }

    /** A migrated store whose recorded checksum for one migration differs from this build's. */
    private static void writtenByAnotherVersion(Path database) throws SQLException {
        try (SandboxDatabase db = SandboxDatabase.open(SandboxDatabase.h2FileUrl(database), null, null);
             Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            assertEquals(1, s.executeUpdate("UPDATE \"flyway_schema_history\" SET \"checksum\" = 42 WHERE \"version\" = '3'"));
            // Another build's store carries that build's schema stamp, not this one's.
            assertEquals(1, s.executeUpdate("UPDATE console_schema_stamp SET stamp = 'another build'"));
        }
    }

    private static long count(SandboxBackbone sandbox, String table) throws SQLException {
        try (Connection c = sandbox.database().dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private List<String> listing() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".mv.db")).sorted().toList();
        }
    }
}
