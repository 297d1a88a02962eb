package io.spineconsole.domain.messages;

import io.spineconsole.domain.Coded;

/** Where a message is in its journey across the backbone (after MESH's tracking model). */
public enum MessageStatus implements Coded {
    /** Accepted by the backbone from the sender. */
    RECEIVED("received"),
    /** Routed via the Spine intermediary towards the receiver. */
    ROUTED("routed"),
    /** Delivered to the receiver's endpoint. */
    DELIVERED("delivered"),
    /** The receiver acknowledged it: the journey is complete. */
    ACKNOWLEDGED("acknowledged"),
    /** The receiver refused it with a negative acknowledgement. */
    NACKED("nacked"),
    /** An attempt to deliver failed (timeout, refused connection, TLS failure). */
    TRANSMISSION_FAILED("transmission-failed"),
    /** Waiting for the next attempt under the endpoint's reliability settings. */
    RETRYING("retrying"),
    /** Retries exhausted or undeliverable: parked for a person to act on. */
    DEAD_LETTERED("dead-lettered"),
    /** Its persist duration ran out before it could be delivered. */
    EXPIRED("expired");

    private final String code;

    MessageStatus(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
