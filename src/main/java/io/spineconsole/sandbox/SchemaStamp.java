package io.spineconsole.sandbox;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Lets the desktop's own store skip Flyway when this build has migrated it before. Flyway costs
 * 0.3-0.6 s at every start on a cold JVM (loading its classes and scanning for migrations), and
 * the embedded sandbox's start is most of the wait for data on screen.
 *
 * <p>After Flyway has migrated the store, it keeps a stamp of what did it: a digest of every file
 * in the migration folders (the SQL scripts, and the classes of the package that holds the Java
 * migrations). When the store's stamp is this build's, nothing can be pending or changed, so Flyway
 * is not needed; a store another build wrote carries another stamp (or none) and goes through
 * Flyway's validation and migration as before, set aside when they refuse it. Only for the H2
 * store a console keeps for itself: a team server's PostgreSQL is always validated.
 */
final class SchemaStamp {
    private static final String TABLE = "console_schema_stamp";

    private SchemaStamp() {
    }

    /** The digest of the files in {@code folders} (class-path resource folders, e.g. {@code io/spineconsole/db/migration}). */
    static String of(List<String> folders) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            ClassLoader loader = SchemaStamp.class.getClassLoader();
            for (String folder : folders) {
                for (String name : filesIn(loader, folder)) {
                    digest.update(name.getBytes(StandardCharsets.UTF_8));
                    try (InputStream in = loader.getResourceAsStream(name)) {
                        if (in != null) {
                            digest.update(in.readAllBytes());
                        }
                    }
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True when {@code store} carries {@code stamp}: migrated by this build, nothing to do. */
    static boolean matches(DataSource store, String stamp) {
        try (Connection c = store.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT stamp FROM " + TABLE)) {
            return rs.next() && stamp.equals(rs.getString(1));
        } catch (SQLException noStampYet) {
            return false;
        }
    }

    /** Records that this build's migrations ({@code stamp}) have been applied to {@code store}. */
    static void write(DataSource store, String stamp) {
        try (Connection c = store.getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (stamp VARCHAR(64) NOT NULL)");
                s.execute("DELETE FROM " + TABLE);
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + TABLE + " (stamp) VALUES (?)")) {
                insert.setString(1, stamp);
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record the store's schema stamp", e);
        }
    }

    /** The files directly in {@code folder}, as resource names, sorted; from a directory or a jar. */
    private static List<String> filesIn(ClassLoader loader, String folder) throws IOException {
        URL url = loader.getResource(folder);
        List<String> names = new ArrayList<>();
        if (url == null) {
            return names;
        }
        if (url.getProtocol().equals("jar")) {
            JarURLConnection connection = (JarURLConnection) url.openConnection();
            connection.setUseCaches(false);
            try (JarFile jar = connection.getJarFile()) {
                String prefix = folder + "/";
                jar.stream().map(JarEntry::getName)
                        .filter(n -> n.startsWith(prefix) && n.length() > prefix.length() && n.indexOf('/', prefix.length()) < 0)
                        .forEach(names::add);
            }
        } else {
            try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                files.filter(Files::isRegularFile).forEach(f -> names.add(folder + "/" + f.getFileName()));
            } catch (URISyntaxException e) {
                throw new IOException(e);
            }
        }
        names.sort(null);
        return names;
    }
}
