package io.spineconsole.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The JavaFX runtime's version, read without starting the toolkit (for the first log line). */
final class JavaFxVersion {
    private JavaFxVersion() {
    }

    static String get() {
        String fromProperty = System.getProperty("javafx.runtime.version");
        if (fromProperty != null) {
            return fromProperty;
        }
        try {
            // javafx.base ships javafx.properties at its root, readable on class path and module path.
            Module base = Class.forName("javafx.beans.Observable").getModule();
            try (InputStream in = base.isNamed() ? base.getResourceAsStream("/javafx.properties")
                    : JavaFxVersion.class.getResourceAsStream("/javafx.properties")) {
                if (in != null) {
                    Properties p = new Properties();
                    p.load(in);
                    return p.getProperty("javafx.version", "unknown");
                }
            }
        } catch (ClassNotFoundException | IOException e) {
            return "not available";
        }
        return "unknown";
    }
}
