package io.spineconsole.domain.messages;

import java.time.Instant;
import java.util.UUID;

/** A dead-lettered message, why, and the latest copy made by redelivering it (if any). */
public record DeadLetter(MessageSummary message, Instant deadLetteredAt, String reasonCode, String reasonDescription,
                         UUID redeliveredAs) {
}
