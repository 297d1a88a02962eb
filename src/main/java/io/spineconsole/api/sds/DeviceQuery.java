package io.spineconsole.api.sds;

/**
 * A search for accredited systems ({@code GET /Device}), as the published API offers it: an
 * organisation and a service interaction are required; a party key and a manufacturing
 * organisation narrow it.
 *
 * <p>The published API cannot search by ASID: {@code asid}, when given, keeps only the records with
 * that ASID from what the organisation + interaction search returns (so a lookup "by ASID" names the
 * organisation and one interaction our registration has).
 *
 * @param odsCode      the owning organisation's ODS code (required)
 * @param interaction  a service interaction ID the systems are accredited for (required)
 * @param partyKey     only systems with this MHS party key, or null
 * @param manufacturer only systems made by this organisation (its ODS code), or null
 * @param asid         only the system with this ASID, or null
 */
public record DeviceQuery(String odsCode, String interaction, String partyKey, String manufacturer, String asid) {
    public DeviceQuery {
        odsCode = SdsQueries.required("organisation's ODS code", odsCode);
        interaction = SdsQueries.required("service interaction ID", interaction);
        partyKey = SdsQueries.value("party key", partyKey);
        manufacturer = SdsQueries.value("manufacturing organisation's ODS code", manufacturer);
        asid = SdsQueries.value("ASID", asid);
    }

    /** Every system of an organisation accredited for an interaction. */
    public static DeviceQuery of(String odsCode, String interaction) {
        return new DeviceQuery(odsCode, interaction, null, null, null);
    }

    /** One system by ASID, found through its organisation and one of its interactions. */
    public static DeviceQuery byAsid(String asid, String odsCode, String interaction) {
        return new DeviceQuery(odsCode, interaction, null, null, SdsQueries.required("ASID", asid));
    }

    public DeviceQuery withPartyKey(String value) {
        return new DeviceQuery(odsCode, interaction, value, manufacturer, asid);
    }

    public DeviceQuery withManufacturer(String value) {
        return new DeviceQuery(odsCode, interaction, partyKey, value, asid);
    }

    /** True when a record with this ASID is one the query asks for. */
    public boolean wants(String recordAsid) {
        return asid == null || recordAsid != null && asid.equals(recordAsid.trim());
    }
}
