package io.spineconsole.domain.messages;


import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** What a live-stream subscriber wants to see; null members match everything. */
public record StreamFilter(UUID conversationId, String ods, String asid, String partyKey, String interaction,
                           List<MessageStatus> statuses, String site, UUID endpointId, boolean newOnly) {
    public StreamFilter {
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
    }

    public static StreamFilter everything() {
        return new StreamFilter(null, null, null, null, null, List.of(), null, null, false);
    }

    /** Whether {@code m} passes this filter; the server and the client's buffer apply the same rule. */
    public boolean matches(MessageSummary m) {
        return (conversationId == null || conversationId.equals(m.conversationId()))
                && (ods == null || ods.equals(m.from().odsCode()) || ods.equals(m.to().odsCode()))
                && (asid == null || asid.equals(m.from().asid()) || asid.equals(m.to().asid()))
                && (partyKey == null || partyKey.equals(m.from().partyKey()) || partyKey.equals(m.to().partyKey()))
                && (interaction == null || interaction.equals(m.interaction()))
                && (statuses.isEmpty() || statuses.contains(m.status()))
                && (site == null || site.equals(m.site()))
                && (endpointId == null || Objects.equals(endpointId, m.endpointId()));
    }
}
