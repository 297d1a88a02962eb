package io.spineconsole.ui.shell;

import java.util.Locale;

/** An action the command palette can find by typing. */
public record Command(String title, String shortcut, Runnable action) {

    /**
     * True when every word typed appears in the title, in any order and case: "dark th" finds
     * "Switch to dark theme".
     */
    public boolean matches(String query) {
        String title = this.title.toLowerCase(Locale.ROOT);
        for (String word : query.toLowerCase(Locale.ROOT).trim().split("\\s+")) {
            if (!word.isEmpty() && !title.contains(word)) {
                return false;
            }
        }
        return true;
    }
}
