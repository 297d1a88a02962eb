package io.spineconsole.domain.messages;


import java.time.Instant;

/** One hop of a message's timeline; {@code attempt} is 0 before the first delivery attempt. */
public record MessageEvent(int seq, MessageStatus status, String code, String description, String site, Instant at,
                           int attempt) {
}
