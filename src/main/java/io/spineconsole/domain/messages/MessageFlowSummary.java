package io.spineconsole.domain.messages;

/** Headline counts of message flow. */
public record MessageFlowSummary(long messagesLastHour, long failedLastHour, long inFlight, long deadLetters) {

    /** Share of last hour's messages that failed, 0..1; 0 when there were none. */
    public double errorRateLastHour() {
        return messagesLastHour == 0 ? 0 : (double) failedLastHour / messagesLastHour;
    }
}
