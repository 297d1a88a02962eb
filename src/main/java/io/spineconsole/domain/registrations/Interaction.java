package io.spineconsole.domain.registrations;

import io.spineconsole.domain.messages.MessagingPattern;

/**
 * An interaction of the MHS catalogue and its messaging pattern. {@code name} is the last segment of
 * its id ({@code REPC_IN150016UK05}); {@code title} says what it is ("Summary Care Record upload"),
 * to show beside the id.
 */
public record Interaction(String interactionId, String service, String name, MessagingPattern messagingPattern,
                          String title) {
    public Interaction(String interactionId, String service, String name, MessagingPattern messagingPattern) {
        this(interactionId, service, name, messagingPattern, null);
    }
}
