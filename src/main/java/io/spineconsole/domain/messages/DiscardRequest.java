package io.spineconsole.domain.messages;

import java.util.List;
import java.util.UUID;

/** Dead letters to discard (1 to 1000) and why (3 to 500 characters, as for a redelivery). */
public record DiscardRequest(List<UUID> messageIds, String reason) {
}
