package io.spineconsole.api.http;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The acting requests whose outcome is unknown (sent, no answer came back), by what they asked:
 * sending the same request again (a "Try again", the same dialog sent with the same words) is the
 * same intent, so it goes with the same Idempotency-Key and the server acts at most once. Forgotten
 * when an answer arrives, or after the server's 24 hours.
 */
final class UnknownOutcomes {
    private static final Duration KEEP = Duration.ofHours(23);
    private static final int MAX = 1_000;
    private final Clock clock;
    private final Map<String, Entry> byRequest = new LinkedHashMap<>(16, 0.75f, true);

    private record Entry(String key, Instant at) {
    }

    UnknownOutcomes(Clock clock) {
        this.clock = clock;
    }

    /** The key to send {@code request} with: the one an earlier unanswered copy of it went with, or a new one. */
    synchronized String keyFor(String identity) {
        Entry e = byRequest.get(identity);
        if (e != null && e.at().isAfter(clock.instant().minus(KEEP))) {
            return e.key();
        }
        return UUID.randomUUID().toString();
    }

    /** {@code key}'s request got no answer: the next identical request is the same intent. */
    synchronized void unanswered(String identity, String key) {
        byRequest.put(identity, new Entry(key, clock.instant()));
        while (byRequest.size() > MAX) {
            byRequest.remove(byRequest.keySet().iterator().next());
        }
    }

    /** An answer came: the outcome is known. */
    synchronized void answered(String identity) {
        byRequest.remove(identity);
    }

    /** What identifies a request as "the same again": method, URL, the version it acts on, and its body. */
    static String identity(String method, String url, String ifMatch, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((method + " " + url + " " + ifMatch + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            sha.update(body == null ? new byte[0] : body);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
