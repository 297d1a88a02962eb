package io.spineconsole.domain.registrations;

/** A lifecycle action with its reason (wire shape {@code RegistrationTransitionRequest}). */
public record TransitionRequest(RegistrationAction action, String reason) {
}
