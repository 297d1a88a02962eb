package io.spineconsole.domain.messages;

import java.time.Instant;
import java.util.Locale;

/**
 * Dead letters that failed for one reason: the error code and its cause (the description without the
 * parts that differ per message), how many, the newest and oldest, and one of them as an example.
 */
public record DeadLetterGroup(String reasonCode, String cause, long count, Instant newest, Instant oldest,
                             String sampleDescription) {
    /**
     * A description's cause: without an injected-failure label, the text before its first colon, or for
     * an undelivered message what left it undelivered (without the attempt count).
     */
    public static String causeOf(String description) {
        String d = description.strip();
        if (d.startsWith("[") && d.indexOf("] ") > 0) {
            d = d.substring(d.indexOf("] ") + 2);
        }
        int colon = d.indexOf(": ");
        if (colon < 0) {
            return d;
        }
        String head = d.substring(0, colon);
        if (!head.equals("Undelivered")) {
            return head;
        }
        String tail = d.substring(colon + 2);
        int semi = tail.indexOf(';');
        if (semi >= 0) {
            tail = tail.substring(0, semi);
        }
        int comma = tail.lastIndexOf(", ");
        if (comma >= 0) {
            tail = tail.substring(comma + 2);
        }
        return tail.isEmpty() ? head : tail.substring(0, 1).toUpperCase(Locale.ROOT) + tail.substring(1);
    }

    /** Whether {@code letter} failed for this group's reason. */
    public boolean includes(DeadLetter letter) {
        return reasonCode.equals(letter.reasonCode()) && cause.equals(causeOf(letter.reasonDescription()));
    }
}
