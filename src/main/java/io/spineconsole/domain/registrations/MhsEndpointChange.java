package io.spineconsole.domain.registrations;

import io.spineconsole.domain.messages.MessagingPattern;

import java.util.List;

/**
 * A new endpoint or every editable member of one (the create and update wire shapes are the same).
 * {@code fqdn} defaults to the host of {@code url}.
 */
public record MhsEndpointChange(String name, String odsCode, String partyKey, String url, String cpaId,
                                List<String> interactions, MessagingPattern messagingPattern, Reliability reliability,
                                MhsActor mhsActor, String fqdn, CertificateInput certificate) {
}
