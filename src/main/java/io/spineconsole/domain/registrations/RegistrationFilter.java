package io.spineconsole.domain.registrations;

import io.spineconsole.domain.messages.MessagingPattern;

import java.util.List;

/**
 * The search over one registration list: free text, filters and sort, as the list and export
 * operations take them. A member that does not apply to a record type is ignored for it; null
 * means "no filter". {@code sort} is a wire sort code ({@code party-key}, {@code -updated-at}, ...).
 */
public record RegistrationFilter(String q, List<RegistrationStatus> statuses, String ods, OrganisationKind kind,
                                 String parent, String interaction, MessagingPattern pattern, String partyKey,
                                 Integer certificateExpiringWithinDays, String sort) {
    public RegistrationFilter {
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
    }

    public static RegistrationFilter none() {
        return new RegistrationFilter(null, List.of(), null, null, null, null, null, null, null, null);
    }

    public RegistrationFilter withQ(String text) {
        return new RegistrationFilter(text, statuses, ods, kind, parent, interaction, pattern, partyKey,
                certificateExpiringWithinDays, sort);
    }

    public RegistrationFilter withStatuses(List<RegistrationStatus> value) {
        return new RegistrationFilter(q, value, ods, kind, parent, interaction, pattern, partyKey,
                certificateExpiringWithinDays, sort);
    }

    public RegistrationFilter withOds(String value) {
        return new RegistrationFilter(q, statuses, value, kind, parent, interaction, pattern, partyKey,
                certificateExpiringWithinDays, sort);
    }

    public RegistrationFilter withInteraction(String value) {
        return new RegistrationFilter(q, statuses, ods, kind, parent, value, pattern, partyKey,
                certificateExpiringWithinDays, sort);
    }

    public RegistrationFilter withPattern(MessagingPattern value) {
        return new RegistrationFilter(q, statuses, ods, kind, parent, interaction, value, partyKey,
                certificateExpiringWithinDays, sort);
    }

    public RegistrationFilter withCertificateExpiringWithinDays(Integer days) {
        return new RegistrationFilter(q, statuses, ods, kind, parent, interaction, pattern, partyKey, days, sort);
    }

    public RegistrationFilter withSort(String value) {
        return new RegistrationFilter(q, statuses, ods, kind, parent, interaction, pattern, partyKey,
                certificateExpiringWithinDays, value);
    }
}
