package io.spineconsole.api;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One thing a person asked for (redeliver this message for this reason; start this job), however many
 * times it has to be sent: its key goes out as the {@code Idempotency-Key} of every attempt, the
 * client's own retries and a "Try again" alike, so the server acts on it once. A new intent is a new key.
 */
public record Intent(String key) {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    public Intent {
        Objects.requireNonNull(key, "key");
        if (!VALID.matcher(key).matches()) {
            throw new IllegalArgumentException("An intent's key is 1 to 128 letters, digits, '.', '_', ':' or '-'");
        }
    }

    /** A new intent, with a key nobody has used. */
    public static Intent fresh() {
        return new Intent(UUID.randomUUID().toString());
    }
}
