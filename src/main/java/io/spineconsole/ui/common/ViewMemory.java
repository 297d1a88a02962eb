package io.spineconsole.ui.common;

import java.util.Optional;

/**
 * What a workspace remembers between runs (its filters, column layout, saved searches), by key,
 * kept in the settings file. Never a secret, never a message's content. Call on the UI thread.
 */
public interface ViewMemory {
    Optional<String> recall(String key);

    /** Remembers {@code value} under {@code key} (null forgets it); saved in the background. */
    void remember(String key, String value);

    /** A memory that lasts as long as this object: for tests and previews. */
    static ViewMemory inMemory() {
        return new ViewMemory() {
            private final java.util.Map<String, String> values = new java.util.HashMap<>();

            @Override
            public Optional<String> recall(String key) {
                return Optional.ofNullable(values.get(key));
            }

            @Override
            public void remember(String key, String value) {
                if (value == null) {
                    values.remove(key);
                } else {
                    values.put(key, value);
                }
            }
        };
    }
}
