package io.spineconsole.domain.registrations;

import io.spineconsole.domain.Coded;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import static io.spineconsole.domain.registrations.RegistrationStatus.ACTIVE;
import static io.spineconsole.domain.registrations.RegistrationStatus.APPROVED;
import static io.spineconsole.domain.registrations.RegistrationStatus.REQUESTED;
import static io.spineconsole.domain.registrations.RegistrationStatus.RETIRED;
import static io.spineconsole.domain.registrations.RegistrationStatus.SUSPENDED;

/** A lifecycle action on a registration, with the statuses it may start from and the one it leads to. */
public enum RegistrationAction implements Coded {
    APPROVE("approve", EnumSet.of(REQUESTED), APPROVED),
    ACTIVATE("activate", EnumSet.of(APPROVED), ACTIVE),
    SUSPEND("suspend", EnumSet.of(ACTIVE), SUSPENDED),
    REINSTATE("reinstate", EnumSet.of(SUSPENDED), ACTIVE),
    RETIRE("retire", EnumSet.of(REQUESTED, APPROVED, ACTIVE, SUSPENDED), RETIRED);

    private final String code;
    private final Set<RegistrationStatus> from;
    private final RegistrationStatus to;

    RegistrationAction(String code, Set<RegistrationStatus> from, RegistrationStatus to) {
        this.code = code;
        this.from = from;
        this.to = to;
    }

    @Override
    public String code() {
        return code;
    }

    public RegistrationStatus to() {
        return to;
    }

    public boolean allowedFrom(RegistrationStatus status) {
        return from.contains(status);
    }

    /** Puts a record live (again): needs its owner active and, for endpoints, a valid certificate. */
    public boolean makesRoutable() {
        return to == ACTIVE;
    }

    /** Ends service on a live or paused record: a LIVE environment asks for the environment name first. */
    public boolean isDestructive() {
        return this == SUSPEND || this == RETIRE;
    }

    /** Why the move is not allowed from {@code status}, or empty when it is. */
    public Optional<String> refusal(RegistrationStatus status) {
        if (allowedFrom(status)) {
            return Optional.empty();
        }
        return Optional.of("Cannot " + code + " a record that is " + status.code() + "; " + code
                + " is allowed from " + String.join(" or ", from.stream().map(RegistrationStatus::code).toList()) + ".");
    }

    /** The actions allowed from {@code status}, in lifecycle order. */
    public static Set<RegistrationAction> availableFrom(RegistrationStatus status) {
        Set<RegistrationAction> out = EnumSet.noneOf(RegistrationAction.class);
        for (RegistrationAction a : values()) {
            if (a.allowedFrom(status)) {
                out.add(a);
            }
        }
        return out;
    }
}
