package io.spineconsole.domain.messages;

/** Why a job is cancelled (optional). */
public record CancelRequest(String reason) {
}
