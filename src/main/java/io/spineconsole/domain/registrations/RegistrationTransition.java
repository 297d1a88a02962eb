package io.spineconsole.domain.registrations;


import java.time.Instant;

/** The last lifecycle transition of a registration: what, who, when and why. */
public record RegistrationTransition(RegistrationAction action, RegistrationStatus from, RegistrationStatus to,
                                     String reason, String by, Instant at) {
}
