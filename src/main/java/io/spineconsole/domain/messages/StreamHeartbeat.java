package io.spineconsole.domain.messages;

import java.time.Instant;

/** The live stream's keep-alive. */
public record StreamHeartbeat(Instant at) {
}
