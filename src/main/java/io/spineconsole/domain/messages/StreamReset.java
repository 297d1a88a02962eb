package io.spineconsole.domain.messages;

/** The live stream could not resume where asked ({@code resume-point-expired} or {@code server-restarted}). */
public record StreamReset(String reason, String oldestEventId) {
}
