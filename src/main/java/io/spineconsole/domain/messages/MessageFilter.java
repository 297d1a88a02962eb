package io.spineconsole.domain.messages;


import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Selects messages for a redelivery job; same meaning as the search filters. {@code from}/{@code to} required. */
public record MessageFilter(UUID conversationId, String ods, String asid, String partyKey, String interaction,
                            List<MessageStatus> status, String site, UUID endpointId, String signature, Instant from,
                            Instant to) {
}
