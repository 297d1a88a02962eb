package io.spineconsole.sandbox.messages;

import java.time.Instant;
import java.util.Random;
import java.util.UUID;

/**
 * Time-ordered message and conversation ids (UUID version 7, RFC 9562): the first 48 bits are the
 * Unix time in milliseconds, so ids made in order sort in order. New rows then land at the right
 * edge of the primary key and of the conversation index instead of on a random page of each,
 * which is what keeps those indexes cheap to grow (and, on H2, cheap to rewrite).
 */
final class MessageIds {
    private MessageIds() {
    }

    /** A version 7 UUID for {@code at}, its 74 random bits drawn from {@code random}. */
    static UUID timeOrdered(Instant at, Random random) {
        long millis = at.toEpochMilli();
        long msb = (millis << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
        long lsb = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }
}
