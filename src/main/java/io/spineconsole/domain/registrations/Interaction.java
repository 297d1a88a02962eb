package io.spineconsole.domain.registrations;

import io.spineconsole.domain.messages.MessagingPattern;

/** An interaction of the MHS catalogue and its messaging pattern. */
public record Interaction(String interactionId, String service, String name, MessagingPattern messagingPattern) {
}
