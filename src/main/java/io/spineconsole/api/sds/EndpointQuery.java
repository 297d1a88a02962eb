package io.spineconsole.api.sds;

/**
 * A search for MHS endpoints ({@code GET /Endpoint}), in one of the combinations the published API
 * supports: organisation + interaction, organisation + party key, interaction + party key, or all
 * three. A party key on its own is not one of them: name the organisation too.
 *
 * @param odsCode     the managing organisation's ODS code, or null
 * @param interaction a service interaction ID, or null
 * @param partyKey    an MHS party key, or null
 */
public record EndpointQuery(String odsCode, String interaction, String partyKey) {
    public EndpointQuery {
        odsCode = SdsQueries.value("organisation's ODS code", odsCode);
        interaction = SdsQueries.value("service interaction ID", interaction);
        partyKey = SdsQueries.value("party key", partyKey);
        boolean supported = odsCode != null && (interaction != null || partyKey != null)
                || interaction != null && partyKey != null;
        if (!supported) {
            throw new IllegalArgumentException("SDS searches endpoints by organisation and interaction, organisation and "
                    + "party key, or interaction and party key.");
        }
    }

    /** The endpoints of an organisation registered for an interaction. */
    public static EndpointQuery of(String odsCode, String interaction) {
        return new EndpointQuery(odsCode, interaction, null);
    }

    /** The endpoints with a party key, within the organisation that manages them. */
    public static EndpointQuery byPartyKey(String odsCode, String partyKey) {
        return new EndpointQuery(odsCode, null, SdsQueries.required("party key", partyKey));
    }
}
