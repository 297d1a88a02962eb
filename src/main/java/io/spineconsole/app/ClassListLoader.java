package io.spineconsole.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code --load-class-list FILE}: loads every class a class list names (the {@code -XX:DumpLoadedClassList}
 * of a start-up) without running any of them. Run with {@code -XX:ArchiveClassesAtExit}, the JVM then
 * writes the class-data archive of the app's own jars. It must be made where the app is installed (the
 * JVM keeps the class path an archive was made with), so installers/linux/postinst runs it.
 */
final class ClassListLoader {
    private ClassListLoader() {
    }

    /** Loads the classes {@code classList} names; returns how many were found. */
    static int load(Path classList) throws IOException {
        ClassLoader loader = ClassListLoader.class.getClassLoader();
        int loaded = 0;
        int missing = 0;
        for (String line : Files.readAllLines(classList, StandardCharsets.UTF_8)) {
            // "name id: 12 super: 3 ..." or "name"; comments and @lambda lines name no class to load
            if (line.isBlank() || line.startsWith("#") || line.startsWith("@")) {
                continue;
            }
            String name = line.strip().split(" ", 2)[0].replace('/', '.');
            try {
                Class.forName(name, false, loader);
                loaded++;
            } catch (ClassNotFoundException | LinkageError gone) {
                missing++; // a class of an older build, or one only a custom class loader sees
            }
        }
        System.out.println("Loaded " + loaded + " classes (" + missing + " not found) from " + classList);
        return loaded;
    }
}
