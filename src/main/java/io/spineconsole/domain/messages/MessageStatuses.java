package io.spineconsole.domain.messages;


import java.util.EnumSet;
import java.util.Set;

/** Rules over {@link MessageStatus} that the API, the simulator and the console share. */
public final class MessageStatuses {
    /** Statuses that count as failed, and the only ones that can be redelivered. */
    public static final Set<MessageStatus> FAILED = EnumSet.of(MessageStatus.NACKED,
            MessageStatus.TRANSMISSION_FAILED, MessageStatus.DEAD_LETTERED, MessageStatus.EXPIRED);

    private MessageStatuses() {
    }

    public static boolean isFailed(MessageStatus status) {
        return FAILED.contains(status);
    }

    public static boolean isRedeliverable(MessageStatus status) {
        return FAILED.contains(status);
    }

    /** True when nothing more will happen to the message without a person acting. */
    public static boolean isTerminal(MessageStatus status) {
        return switch (status) {
            case RECEIVED, ROUTED, RETRYING -> false;
            default -> true;
        };
    }
}
