package io.spineconsole.domain.sds;

import java.util.List;

/**
 * An MHS endpoint as the Spine Directory Service publishes it (a FHIR {@code Endpoint}), values as
 * SDS writes them.
 *
 * @param id             SDS's own identifier of the record
 * @param status         the FHIR status ({@code active})
 * @param connectionType the connection type's code ({@code hl7-fhir-msg}), or null
 * @param address        the URL messages are sent to
 * @param odsCode        the managing organisation's ODS code
 * @param fqdn           the MHS's fully qualified domain name ({@code nhsMhsFQDN})
 * @param partyKey       the MHS party key ({@code nhsMhsPartyKey})
 * @param cpaId          the CPA ID of the MHS record ({@code nhsMhsCPAId})
 * @param mhsId          the MHS record's id ({@code nhsMHSId}), or null
 * @param interactions   the service interactions the endpoint is registered for, in SDS's order
 * @param reliability    the reliability settings, or null when SDS publishes none
 */
public record SdsEndpoint(String id, String status, String connectionType, String address, String odsCode,
                          String fqdn, String partyKey, String cpaId, String mhsId, List<String> interactions,
                          SdsReliability reliability) {
    public SdsEndpoint {
        interactions = interactions == null ? List.of() : List.copyOf(interactions);
    }
}
