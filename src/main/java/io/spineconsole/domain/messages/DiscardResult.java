package io.spineconsole.domain.messages;

import java.util.List;
import java.util.UUID;

/** The dead letters a discard took off the list. */
public record DiscardResult(int discarded, List<UUID> messageIds) {
}
