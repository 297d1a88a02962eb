package io.spineconsole.domain.messages;

import io.spineconsole.domain.Coded;

import java.util.Locale;
import java.util.Optional;

/** How an interaction is exchanged across the backbone (ebXML/MHS messaging patterns). */
public enum MessagingPattern implements Coded {
    /** Request and response on one connection. */
    SYNC("sync"),
    /** Asynchronous, fire and forget: no acknowledgement, no retries. */
    ASYNC_EXPRESS("async-express"),
    /** Asynchronous with acknowledgement, retries and duplicate elimination. */
    ASYNC_RELIABLE("async-reliable"),
    /** Reliable, forwarded via the Spine intermediary to the receiver. */
    FORWARD_RELIABLE("forward-reliable"),
    /** Express, forwarded via the Spine intermediary to the receiver. */
    FORWARD_EXPRESS("forward-express");

    private final String code;

    MessagingPattern(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    /** True when the backbone retries delivery and expects an acknowledgement. */
    public boolean isReliable() {
        return this == ASYNC_RELIABLE || this == FORWARD_RELIABLE;
    }

    /**
     * Reads a pattern as real catalogues write it, tolerating their inconsistencies: the MHS
     * interaction catalogue has both {@code forward-reliable} and {@code Forward Express}.
     */
    public static Optional<MessagingPattern> parseLenient(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String normalised = text.trim().toLowerCase(Locale.ROOT).replace(' ', '-').replace('_', '-');
        for (MessagingPattern p : values()) {
            if (p.code.equals(normalised)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
