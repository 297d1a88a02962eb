package io.spineconsole.domain.messages;

import java.time.Instant;

/**
 * Dead letters that failed for one reason: the error code and its cause (the description without the
 * parts that differ per message), how many, the newest and oldest, and one of them as an example.
 */
public record DeadLetterGroup(String reasonCode, String cause, long count, Instant newest, Instant oldest,
                             String sampleDescription) {
}
