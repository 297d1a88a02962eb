package io.spineconsole.domain.messages;

/**
 * The ebXML reliability settings a message was sent under (the recipient endpoint's, as SDS
 * stores them). Flags travel as their wire codes ({@code always}/{@code never}).
 */
public record Reliability(int retries, String retryInterval, String persistDuration, String ackRequested,
                          String duplicateElimination, String syncReplyMode) {
}
