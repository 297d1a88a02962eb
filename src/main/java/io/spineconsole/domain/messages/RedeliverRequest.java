package io.spineconsole.domain.messages;

/** Why a message is redelivered. */
public record RedeliverRequest(String reason) {
}
