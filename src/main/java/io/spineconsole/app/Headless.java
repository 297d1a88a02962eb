package io.spineconsole.app;

/** Switches JavaFX to the headless Monocle platform when it is on the class path (development runs). */
final class Headless {
    private Headless() {
    }

    /** Returns true when Monocle was selected; otherwise JavaFX uses the real display. */
    static boolean useMonocleIfAvailable() {
        if (System.getProperty("glass.platform") != null) {
            return "Monocle".equals(System.getProperty("glass.platform"));
        }
        try {
            Class.forName("com.sun.glass.ui.monocle.MonoclePlatformFactory", false, Headless.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return false;
        }
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "t2k");
        System.setProperty("java.awt.headless", "true");
        return true;
    }
}
